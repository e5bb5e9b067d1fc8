package dev.dbx.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.query.CacheDrop;
import dev.dbx.workloads.query.QueryFigures;
import dev.dbx.workloads.query.QueryResult;
import dev.dbx.workloads.runner.BenchmarkRun;
import dev.dbx.workloads.runner.StoreRun;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A query suite's run (per-query cold/hot times and verdicts) is stored whole, and an older run store is migrated. */
class QueryRunsTest {
    private static final Instant STARTED = Instant.parse("2026-12-01T20:00:00Z");

    @TempDir
    Path dir;

    static BenchmarkRun tpch(String id) {
        QueryFigures postgres = new QueryFigures(
                List.of(
                        new QueryResult("q01", 120.5, 80.25, List.of(120.5, 80.25, 81.0), true, null, "4 rows"),
                        new QueryResult(
                                "q02",
                                30.0,
                                10.0,
                                List.of(30.0, 10.0, 11.0),
                                false,
                                "q02: row 3 differs in s_acctbal: 1.00, expected 2.00",
                                "100 rows"),
                        QueryResult.notApplicable("q03", "no native version")),
                new CacheDrop(List.of("the OS page cache"), List.of("shared_buffers (only a restart empties them)")),
                2,
                5_000.0,
                4,
                0);
        StoreRun store = new StoreRun(
                "tpch",
                "postgres",
                "PostgreSQL 17.11",
                "local engine",
                Map.of(),
                "3 runs per query (the first cold)",
                StoreRun.Status.COMPLETE,
                null,
                STARTED,
                333_000_000L,
                List.of(),
                Map.of(),
                0,
                List.of(),
                List.of(),
                List.of(),
                0,
                0,
                postgres);
        return new BenchmarkRun(
                id,
                id,
                "",
                "tpch",
                "TPC-H Q1-Q22 at SF 0.01",
                Map.of("scale", "0.01"),
                Map.of("runs", "3"),
                Map.of("cores", "2"),
                "abc",
                STARTED,
                List.of(store, StoreRun.failed("tpch", "redis", "Redis 7", "n/a: no Analytics")));
    }

    @Test
    void aQuerySuitesRunComesBackWhole() {
        BenchmarkRun run = tpch("20261202-200000-000-tpch");
        try (RunStore store = RunStore.open(dir)) {
            store.save(run);
        }
        try (RunStore store = RunStore.open(dir)) {
            BenchmarkRun back = store.get(run.id());
            assertThat(back).isEqualTo(run);
            assertThat(back.results().get(0).queries().results().get(2).correct())
                    .isNull();
            assertThat(back.results().get(1).queries()).isNull();
        }
        // q02 was wrong: the store's run and the whole run are not correct
        assertThat(run.results().get(0).correct()).isFalse();
        assertThat(run.correct()).isFalse();
        assertThat(run.results().get(0).queries().hotScore())
                .as("the geometric mean of the correct queries' hot times only")
                .isCloseTo(80.25, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(run.results().get(0).queries().queriesPerHour()).isEqualTo(4 * 3_600_000.0 / 5_000);
    }

    @Test
    void aVersion1RunStoreIsMigratedAndKeepsItsRuns() throws Exception {
        BenchmarkRun old = RunStoreTest.everything("20261201-100000-ycsb-a");
        try (RunStore store = RunStore.open(dir)) {
            store.save(old);
        }
        // back to what version 1 had
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(RunStore.FILE));
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE query");
            s.execute("DROP TABLE query_run");
            s.execute("UPDATE schema_version SET version = 1");
        }
        BenchmarkRun tpch = tpch("20261202-200000-000-tpch");
        try (RunStore store = RunStore.open(dir)) {
            store.save(tpch);
            assertThat(store.get(old.id())).isEqualTo(old);
            assertThat(store.get(tpch.id())).isEqualTo(tpch);
        }
    }

    @Test
    void queryRunsAreComparedByTheirScores() {
        RunComparison comparison = RunComparison.of(List.of(tpch("a"), tpch("b")));
        RunComparison.StoreComparison postgres = comparison.stores().get(0);
        assertThat(postgres.rows())
                .extracting(RunComparison.Row::metric)
                .containsExactly(RunComparison.Metric.HOT_SCORE, RunComparison.Metric.COLD_SCORE);
        RunComparison.Cell second = postgres.rows().get(0).cells().get(1);
        assertThat(second.ratio()).isEqualTo(1.0);
        assertThat(second.verdict()).isEqualTo(RunComparison.Verdict.UNTESTED);
        assertThat(postgres.notes()).anySatisfy(n -> assertThat(n).contains("answered 1 query(ies) wrongly"));
    }
}
