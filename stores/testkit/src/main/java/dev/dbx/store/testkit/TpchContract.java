package dev.dbx.store.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.capability.Analytics;
import dev.dbx.workloads.query.QueryResult;
import dev.dbx.workloads.query.QueryRunConfig;
import dev.dbx.workloads.query.QueryRunner;
import dev.dbx.workloads.query.SuiteRun;
import dev.dbx.workloads.tpch.TpchAnswers;
import dev.dbx.workloads.tpch.TpchSuite;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A store with {@link Analytics} answers TPC-H at SF 0.01 exactly as published (within TPC-H's tolerances), query by
 * query, and declares n/a exactly the queries it says it cannot express.
 */
public interface TpchContract extends StoreUnderTest {
    /** The TPC-H queries this store cannot answer (each with its reason in {@link Analytics#unsupported}). */
    Set<String> unsupportedTpchQueries();

    @Test
    default void declaresExactlyTheTpchQueriesItCannotAnswer() {
        Analytics analytics = store().require(Analytics.class);
        Set<String> unsupported = new TreeSet<>();
        for (String query : TpchAnswers.QUERIES) {
            analytics.unsupported("tpch", query).ifPresent(why -> {
                assertThat(why).as("the reason %s is n/a", query).isNotBlank();
                unsupported.add(query);
            });
        }
        assertThat(unsupported).isEqualTo(new TreeSet<>(unsupportedTpchQueries()));
        assertThat(analytics.unsupported("no-such-suite", "q01")).isPresent();
    }

    @Test
    default void answersEveryTpchQueryItCanAsPublished() {
        SuiteRun run = new QueryRunner()
                .run(
                        TpchSuite.all(scale()),
                        store(),
                        new QueryRunConfig(1, 1, Duration.ofMinutes(2), false),
                        QueryRunner.Listener.NONE);
        assertThat(run.status()).as(run.reason()).isEqualTo(SuiteRun.Status.COMPLETE);
        TreeMap<String, String> wrong = new TreeMap<>();
        for (QueryResult result : run.queries()) {
            if (!unsupportedTpchQueries().contains(result.query()) && !Boolean.TRUE.equals(result.correct())) {
                wrong.put(result.query(), result.reason());
            }
        }
        assertThat(wrong).as("queries answered wrongly or not at all").isEmpty();
        List<String> ran = run.queries().stream()
                .filter(QueryResult::ran)
                .map(QueryResult::query)
                .toList();
        assertThat(ran).hasSize(22 - unsupportedTpchQueries().size());
    }
}
