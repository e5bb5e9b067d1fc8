package dev.dbx.core.capability;

import dev.dbx.core.store.Capability;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Traversals of TPC-H's customer graph, customer -PLACED-> order -CONTAINS-> part (an order contains a part when one
 * of its line items names it), in the engine's own language: Cypher, recursive SQL, an aggregation pipeline.
 *
 * <p><b>Bought.</b> Customer c bought part p when some order of c contains p (however many line items or orders say
 * so: it is one fact).
 *
 * <p><b>Co-purchase</b> ("customers who bought what this customer bought also bought..."): for start customer c, let
 * mine be the parts c bought and others the customers other than c who bought at least one part of mine. A part q
 * not in mine scores the number of customers of others who bought q. The answer is the {@code limit} parts with the
 * highest scores (only scores above 0), highest first, ties broken by the smaller part key: one answer, the same on
 * every engine.
 *
 * <p><b>A hop</b> goes from a customer to a customer who bought a part in common:
 * customer -PLACED-> order -CONTAINS-> part <-CONTAINS- order <-PLACED- customer (four relationships). <b>Reachable
 * within k hops</b> from c: the customers other than c at the end of a chain of 1 to k hops starting at c. A customer
 * with no order reaches no one.
 */
public interface Graph extends Capability {
    /** The traversals, by name. */
    enum Query {
        CO_PURCHASE("co-purchase"),
        REACHABLE("reachable");

        private final String id;

        Query(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** A recommended part and how many of the other customers bought it. */
    record Recommendation(long part, long customers) {}

    /**
     * The customers reachable within {@code hops} hops of a start customer, summed up: how many there are and the sum
     * of their keys (an order-independent digest of the set, computed by the engine so the set itself does not travel).
     */
    record Reach(int hops, long customers, long keySum) {}

    /** Why this store cannot run {@code query} (n/a), or empty when it can. */
    Optional<String> unsupported(Query query);

    /** The query as sent to the engine (SQL text, Cypher, a pipeline as JSON), for reports. */
    String text(Query query);

    /**
     * Co-purchase recommendations for {@code customer}, best first (see the class comment); the engine cancels the
     * query after {@code timeout} where it can.
     */
    List<Recommendation> coPurchase(long customer, int limit, Duration timeout);

    /** The customers reachable within {@code hops} (at least 1) hops of {@code customer} (see the class comment). */
    Reach reachable(long customer, int hops, Duration timeout);
}
