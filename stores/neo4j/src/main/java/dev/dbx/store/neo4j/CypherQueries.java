package dev.dbx.store.neo4j;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.Analytics;
import dev.dbx.core.query.CacheDrop;
import dev.dbx.core.query.ResultTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.AsyncTransaction;
import org.neo4j.driver.async.ResultCursor;

/**
 * TPC-H's queries in Cypher over dbx's TPC-H graph ({@code (:Customer)-[:PLACED]->(:Order)-[:CONTAINS]->(:Part)}, a
 * line item being the CONTAINS relationship), kept as resource files {@code tpch/qNN.cypher}. The answer's columns are
 * the query's RETURN items, in order; rows come in the query's order.
 *
 * <p>Six queries are written (Q1, Q3, Q6, Q10, Q12, Q14); the other sixteen say why not. Each runs in a read
 * transaction of its own with the timeout as the transaction's time limit, which the server enforces: it terminates
 * the transaction (and its query) once the limit has passed, so a runaway query does not keep it busy.
 */
final class CypherQueries implements Analytics {
    static final String SUITE = "tpch";
    static final List<String> WRITTEN = List.of("q01", "q03", "q06", "q10", "q12", "q14");

    /**
     * How much longer than the transaction's time limit the client waits: the server checks running transactions
     * against their limits every {@code db.transaction.monitor.check.interval} (2 s by default), so its own error may
     * come that much later.
     */
    private static final Duration SERVER_GRACE = Duration.ofSeconds(10);

    /** What each of the other sixteen queries would take, and why dbx has no Cypher for it. */
    private static final Map<String, String> NOT_WRITTEN = Map.ofEntries(
            Map.entry(
                    "q02",
                    "Q2 (minimum cost supplier) needs, per part of a size and type, the European suppliers"
                            + " whose SUPPLIES offer has the minimum cost among that part's European offers: a per-part"
                            + " minimum, then a second match against it"),
            Map.entry(
                    "q04",
                    "Q4 (order priority checking) counts orders with at least one CONTAINS line received"
                            + " after its commit date: an EXISTS subquery per order"),
            Map.entry(
                    "q05",
                    "Q5 (local supplier volume) must find each line's supplier (l_suppkey is a property,"
                            + " the supplier a node reached through SUPPLIES) and keep lines whose supplier and customer"
                            + " are IN the same nation"),
            Map.entry(
                    "q07",
                    "Q7 (volume shipping) needs each line's supplier by its l_suppkey property and the"
                            + " supplier's and customer's nations, per ship year"),
            Map.entry(
                    "q08",
                    "Q8 (national market share) joins each line to its part, its supplier (by the l_suppkey"
                            + " property) and its customer's region, then a share per order year"),
            Map.entry(
                    "q09",
                    "Q9 (product type profit) needs each line's SUPPLIES offer (the relationship between its"
                            + " l_suppkey's supplier and its part) for the supply cost"),
            Map.entry(
                    "q11",
                    "Q11 (important stock) compares each part's stock value in one nation with a fraction of"
                            + " the nation's total: an aggregate compared with another aggregate"),
            Map.entry(
                    "q13",
                    "Q13 (customer distribution) is an OPTIONAL MATCH of customers to orders whose comment"
                            + " does not match a pattern, then a histogram of order counts"),
            Map.entry(
                    "q15",
                    "Q15 (top supplier) defines a revenue view per supplier and selects the suppliers whose"
                            + " revenue equals its maximum: two aggregations over the line items"),
            Map.entry(
                    "q16",
                    "Q16 (parts/supplier relationship) counts distinct suppliers per brand, type and size,"
                            + " excluding suppliers with complaints in their comment (NOT IN a subquery)"),
            Map.entry(
                    "q17",
                    "Q17 (small-quantity-order revenue) compares each line's quantity with 20 % of the"
                            + " average quantity of its part's lines: a per-part average, then a second pass"),
            Map.entry(
                    "q18",
                    "Q18 (large volume customer) needs orders whose lines add up to more than 300 units"
                            + " (IN a grouped subquery), with their customers"),
            Map.entry(
                    "q19",
                    "Q19 (discounted revenue) is a disjunction of three brand/container/size/quantity"
                            + " conditions over lines and their parts"),
            Map.entry(
                    "q20",
                    "Q20 (potential part promotion) nests two IN subqueries and a correlated sum of shipped"
                            + " quantities per part and supplier (l_suppkey is a property, not an endpoint)"),
            Map.entry(
                    "q21",
                    "Q21 (suppliers who kept orders waiting) needs EXISTS and NOT EXISTS over the other"
                            + " suppliers' lines of the same order"),
            Map.entry(
                    "q22",
                    "Q22 (global sales opportunity) compares balances with an average over a subquery and"
                            + " needs customers without orders (NOT EXISTS)"));

    private final Bolt bolt;

    CypherQueries(Bolt bolt) {
        this.bolt = bolt;
    }

    @Override
    public Optional<String> unsupported(String suite, String query) {
        if (!SUITE.equals(suite)) {
            return Optional.of("no native queries for the suite '" + suite + "' (Neo4j has Cypher for tpch only)");
        }
        if (WRITTEN.contains(query)) {
            return Optional.empty();
        }
        String why = NOT_WRITTEN.get(query);
        return Optional.of(
                why == null
                        ? "TPC-H has no query " + query
                        : "no native version written: " + why
                                + "; dbx writes Cypher for Q1, Q3, Q6, Q10, Q12 and Q14 only");
    }

    @Override
    public String text(String suite, String query) {
        Optional<String> why = unsupported(suite, query);
        if (why.isPresent()) {
            throw new DbxException("Neo4j cannot run " + suite + " " + query + ": " + why.get());
        }
        String path = "tpch/" + query + ".cypher";
        try (InputStream in = CypherQueries.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new DbxException("neo4j store resource " + path + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DbxException("cannot read resource " + path + ": " + e.getMessage());
        }
    }

    @Override
    public ResultTable run(String suite, String query, Duration timeout) {
        return runCypher(text(suite, query), "running TPC-H " + query.toUpperCase(), timeout);
    }

    /**
     * Runs {@code cypher} in a read transaction that the server ends after {@code timeout}; not retried (a query suite
     * times each run, and a failed one is reported, not hidden).
     */
    ResultTable runCypher(String cypher, String doing, Duration timeout) {
        AsyncSession session = bolt.openSession(AccessMode.READ);
        try {
            CompletionStage<ResultTable> answer = session.beginTransactionAsync(Bolt.transaction(timeout))
                    .thenCompose(tx -> tx.runAsync(cypher)
                            .thenCompose(cursor -> cursor.listAsync().thenApply(records -> table(cursor, records)))
                            .thenCompose(table -> tx.commitAsync().thenApply(done -> table))
                            .exceptionallyCompose(error -> rollback(tx, error)));
            return bolt.await(answer, timeout.plus(SERVER_GRACE), doing);
        } finally {
            session.closeAsync();
        }
    }

    private static CompletionStage<ResultTable> rollback(AsyncTransaction tx, Throwable error) {
        return tx.rollbackAsync()
                .handle((done, ignored) -> (ResultTable) null)
                .thenCompose(ignored -> java.util.concurrent.CompletableFuture.failedStage(error));
    }

    private static ResultTable table(ResultCursor cursor, List<Record> records) {
        List<List<Object>> rows = new ArrayList<>(records.size());
        for (Record record : records) {
            List<Object> row = new ArrayList<>(record.size());
            for (Value value : record.values()) {
                row.add(PropertyValues.fromProperty(value));
            }
            rows.add(row);
        }
        return new ResultTable(cursor.keys(), rows);
    }

    /**
     * Clears the query caches (the plans Cypher compiled) with {@code db.clearQueryCaches()}. The page cache, which
     * holds the store files' pages in memory, stays: only a restart of the server empties it.
     */
    @Override
    public CacheDrop dropCaches() {
        bolt.autoCommit("CALL db.clearQueryCaches()", Map.of(), bolt.timeout(), "clearing the query caches");
        return new CacheDrop(
                List.of("query caches (db.clearQueryCaches())"),
                List.of("page cache (store files in memory; only a restart of Neo4j empties it)"));
    }
}
