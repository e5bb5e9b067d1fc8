package dev.dbx.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.query.CacheDrop;
import dev.dbx.workloads.query.QueryResult;
import dev.dbx.workloads.query.SuiteRun;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Without a ground truth, the store whose answer differs from the others' is the wrong one. */
class QueryBenchmarksTest {
    @Test
    void theAnswerMostStoresGaveIsTheRightOne() {
        List<SuiteRun> checked = QueryBenchmarks.crossChecked(List.of(
                run("neo4j", "10 rows #a", "5 nodes"),
                run("postgres", "10 rows #a", "5 nodes"),
                run("sqlite", "10 rows #b", "5 nodes")));
        assertThat(checked.get(0).queries().get(0).correct()).isTrue();
        assertThat(checked.get(1).queries().get(0).correct()).isTrue();
        QueryResult odd = checked.get(2).queries().get(0);
        assertThat(odd.correct()).isFalse();
        assertThat(odd.reason()).isEqualTo("differs from the other stores' answer: 10 rows #b, most gave 10 rows #a");
        assertThat(checked.get(2).queries().get(1).correct()).isTrue();
    }

    @Test
    void aTieGoesToTheFirstStoreAndAWrongAnswerDoesNotVote() {
        List<SuiteRun> checked = QueryBenchmarks.crossChecked(List.of(run("neo4j", "x", "y"), run("duckdb", "z", "y")));
        assertThat(checked.get(0).queries().get(0).correct()).isTrue();
        assertThat(checked.get(1).queries().get(0).correct()).isFalse();
    }

    private static SuiteRun run(String store, String firstDigest, String secondDigest) {
        return new SuiteRun(
                "graph",
                store,
                store + " 1",
                "local engine",
                SuiteRun.Status.COMPLETE,
                null,
                Instant.EPOCH,
                List.of(
                        new QueryResult("co-purchase", 1.0, 1.0, List.of(1.0, 1.0), true, null, firstDigest),
                        new QueryResult("reach-2", 1.0, 1.0, List.of(1.0, 1.0), true, null, secondDigest)),
                CacheDrop.nothing("-"),
                1,
                null,
                0,
                0,
                List.of(),
                null);
    }
}
