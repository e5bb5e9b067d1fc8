package dev.dbx.store.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.capability.Graph;
import dev.dbx.core.capability.Graph.Reach;
import dev.dbx.workloads.graph.GraphSuite;
import dev.dbx.workloads.query.QueryResult;
import dev.dbx.workloads.query.QueryRunConfig;
import dev.dbx.workloads.query.QueryRunner;
import dev.dbx.workloads.query.SuiteRun;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A store with {@link Graph} answers every graph query of {@link GraphSuite} at SF 0.01 exactly as the ground truth dbx
 * computes from the generator's rows (co-purchase lists with their order and tie-break, reachable counts and key sums),
 * and declares n/a exactly the traversals it says it cannot express, each with its reason.
 */
public interface GraphContract extends StoreUnderTest {
    /** The traversals this store cannot run (each with its reason in {@link Graph#unsupported}). */
    default Set<Graph.Query> unsupportedGraphQueries() {
        return Set.of();
    }

    @Test
    default void declaresExactlyTheGraphQueriesItCannotRun() {
        Graph graph = store().require(Graph.class);
        Set<Graph.Query> unsupported = EnumSet.noneOf(Graph.Query.class);
        for (Graph.Query query : Graph.Query.values()) {
            graph.unsupported(query)
                    .ifPresentOrElse(
                            why -> {
                                assertThat(why).as("why %s is n/a", query).isNotBlank();
                                unsupported.add(query);
                            },
                            () -> assertThat(graph.text(query))
                                    .as("%s as sent", query)
                                    .isNotBlank());
        }
        assertThat(unsupported).isEqualTo(unsupportedGraphQueries());
    }

    @Test
    default void answersEveryGraphQueryItCanAsTheGroundTruth() {
        GraphSuite suite = GraphSuite.create(scale());
        SuiteRun run = new QueryRunner()
                .run(suite, store(), new QueryRunConfig(1, 1, Duration.ofMinutes(2), false), QueryRunner.Listener.NONE);
        assertThat(run.status()).as(run.reason()).isEqualTo(SuiteRun.Status.COMPLETE);
        TreeMap<String, String> wrong = new TreeMap<>();
        int ran = 0;
        for (QueryResult result : run.queries()) {
            boolean coPurchase = result.query().startsWith("co-purchase");
            Graph.Query kind = coPurchase ? Graph.Query.CO_PURCHASE : Graph.Query.REACHABLE;
            if (unsupportedGraphQueries().contains(kind)) {
                assertThat(result.ran()).as("%s is n/a", result.query()).isFalse();
                assertThat(result.reason()).startsWith("n/a: ");
            } else if (!Boolean.TRUE.equals(result.correct())) {
                wrong.put(result.query(), result.reason());
            } else {
                ran++;
            }
        }
        assertThat(wrong).as("graph queries answered wrongly or not at all").isEmpty();
        assertThat(run.queries()).hasSize(GraphSuite.CO_PURCHASE_CUSTOMERS.size() + GraphSuite.HOPS.size());
        assertThat(ran).isPositive();
    }

    /** Customer 3 placed no order (TPC-H gives none to multiples of 3): nothing to recommend, no one reached. */
    @Test
    default void aCustomerWithoutOrdersGetsNothing() {
        Graph graph = store().require(Graph.class);
        Duration timeout = Duration.ofMinutes(1);
        if (!unsupportedGraphQueries().contains(Graph.Query.CO_PURCHASE)) {
            assertThat(graph.coPurchase(3, 10, timeout)).isEmpty();
        }
        if (!unsupportedGraphQueries().contains(Graph.Query.REACHABLE)) {
            assertThat(graph.reachable(3, 2, timeout)).isEqualTo(new Reach(2, 0, 0));
        }
    }
}
