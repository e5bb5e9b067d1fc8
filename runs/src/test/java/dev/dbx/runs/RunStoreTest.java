package dev.dbx.runs;

import static dev.dbx.runs.SampleRuns.STARTED;
import static dev.dbx.runs.SampleRuns.run;
import static dev.dbx.runs.SampleRuns.steady;
import static dev.dbx.runs.SampleRuns.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dbx.core.DbxException;
import dev.dbx.workloads.runner.BenchmarkRun;
import dev.dbx.workloads.runner.OperationStats;
import dev.dbx.workloads.runner.StoreRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {
    @TempDir
    Path dir;

    /** A run with every kind of store result: sampled server, embedded, open loop with errors, wrong answers, n/a. */
    static BenchmarkRun everything(String id) {
        return everything(id, STARTED);
    }

    static BenchmarkRun everything(String id, Instant started) {
        String workload = "ycsb-a";
        return run(
                id,
                workload,
                started,
                store("postgres", steady(5, 900, 100, 1))
                        .server("PostgreSQL 17.11")
                        .durability("synchronous_commit=on, fsync=on")
                        .build(workload),
                store("sqlite", steady(4, 2000, 300, 2)).embedded().seed(7).build(workload),
                store("redis", steady(3, 1000, 10, 3))
                        .openLoop(5_000)
                        .errors(12)
                        .wrongAnswers(2)
                        .build(workload),
                StoreRun.failed(workload, "clickhouse", "ClickHouse 18.16.1", "n/a: no atomic update"));
    }

    @Test
    void aRunComesBackEqualHistogramsAndAll() {
        BenchmarkRun run = everything("20261202-143501-ycsb-a");
        try (RunStore store = RunStore.open(dir)) {
            store.save(run);
        }
        BenchmarkRun back;
        try (RunStore store = RunStore.open(dir)) {
            back = store.get(run.id());
        }
        // the record's equality reaches every field: maps, series, resources, and HdrHistogram's count-for-count equals
        assertThat(back).isEqualTo(run);
        for (int s = 0; s < run.results().size(); s++) {
            StoreRun original = run.results().get(s);
            StoreRun read = back.results().get(s);
            assertThat(read.store()).isEqualTo(original.store());
            for (int o = 0; o < original.operations().size(); o++) {
                OperationStats a = original.operations().get(o);
                OperationStats b = read.operations().get(o);
                assertThat(b.count())
                        .isEqualTo(a.count())
                        .isEqualTo(a.response().getTotalCount());
                assertThat(Histograms.encode(b.response())).isEqualTo(Histograms.encode(a.response()));
                assertThat(Histograms.encode(b.service())).isEqualTo(Histograms.encode(a.service()));
                for (double p : new double[] {50, 95, 99, 99.9, 100}) {
                    assertThat(b.response().getValueAtPercentile(p))
                            .isEqualTo(a.response().getValueAtPercentile(p));
                    assertThat(b.service().getValueAtPercentile(p))
                            .isEqualTo(a.service().getValueAtPercentile(p));
                }
            }
            assertThat(read.series()).isEqualTo(original.series());
            assertThat(read.resources()).isEqualTo(original.resources());
        }
        StoreRun redis = back.results().get(2);
        assertThat(redis.response().getValueAtPercentile(99))
                .as("open loop: response time includes the wait, service time does not")
                .isGreaterThan(redis.service().getValueAtPercentile(99));
        assertThat(back.results().get(1).resources())
                .allSatisfy(r -> assertThat(r.serverCpuPercent()).isNull());
        assertThat(back.correct()).isFalse();
    }

    @Test
    void theFileIsItsOwnersAlone() throws Exception {
        Path data = dir.resolve("data");
        try (RunStore store = RunStore.open(data)) {
            store.save(everything("r1"));
            assertThat(store.file()).isEqualTo(data.resolve("runs.sqlite"));
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                .isEqualTo("rwx------");
        try (var files = Files.list(data)) {
            assertThat(files)
                    .isNotEmpty()
                    .allSatisfy(f -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                            .as(f.toString())
                            .isEqualTo("rw-------"));
        }
    }

    @Test
    void listsNewestFirstInBrief() {
        try (RunStore store = RunStore.open(dir)) {
            // started decides, not the id
            store.save(run(
                    "b-older",
                    "ycsb-c",
                    STARTED,
                    store("redis", 100, 300).build("ycsb-c"),
                    StoreRun.failed("ycsb-c", "neo4j", "Neo4j 2026.08.1", "n/a: no key-value capability")));
            store.save(everything("a-newer", STARTED.plusSeconds(3600)));
            List<RunSummary> runs = store.list();
            assertThat(runs).extracting(RunSummary::id).containsExactly("a-newer", "b-older");
            RunSummary older = runs.get(1);
            assertThat(older.workload()).isEqualTo("ycsb-c");
            assertThat(older.started()).isEqualTo(STARTED);
            assertThat(older.correct())
                    .as("an n/a store does not count against a run")
                    .isTrue();
            assertThat(older.stores())
                    .extracting(RunSummary.Store::store, RunSummary.Store::status, RunSummary.Store::correct)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("redis", StoreRun.Status.COMPLETE, true),
                            org.assertj.core.groups.Tuple.tuple("neo4j", StoreRun.Status.FAILED, false));
            assertThat(older.stores().get(0).opsPerSecond()).isCloseTo(400 / 2.0012, within(0.1));
            assertThat(older.stores().get(1).reason()).startsWith("n/a");
            assertThat(runs.get(0).correct()).as("redis gave wrong answers").isFalse();
        }
    }

    @Test
    void namesARunByAUniquePrefixAndSaysWhichWhenNot() {
        try (RunStore store = RunStore.open(dir)) {
            for (String id : List.of("20261202-140000-ycsb-a", "20261202-141500-ycsb-a", "20261203-090000-ycsb-a")) {
                store.save(run(id, "ycsb-a", STARTED, store("redis", 10, 10).build("ycsb-a")));
            }
            assertThat(store.get("20261203").id()).isEqualTo("20261203-090000-ycsb-a");
            assertThat(store.resolve("20261202-1415")).isEqualTo("20261202-141500-ycsb-a");
            assertThatThrownBy(() -> store.get("20261202-14"))
                    .isInstanceOf(DbxException.class)
                    .hasMessageContaining("'20261202-14' is the start of 2 runs")
                    .hasMessageContaining("20261202-140000-ycsb-a, 20261202-141500-ycsb-a")
                    .extracting(e -> ((DbxException) e).hint())
                    .isEqualTo("give more of the id");
            assertThatThrownBy(() -> store.get("2025"))
                    .isInstanceOf(DbxException.class)
                    .hasMessageContaining("no run '2025'")
                    .extracting(e -> ((DbxException) e).hint())
                    .isEqualTo("dbx runs lists the stored runs");
            // an id that is also the start of another is that run
            store.save(run(
                    "20261203-090000-ycsb-a-2",
                    "ycsb-a",
                    STARTED,
                    store("redis", 10).build("ycsb-a")));
            assertThat(store.resolve("20261203-090000-ycsb-a")).isEqualTo("20261203-090000-ycsb-a");
            // LIKE's wildcards are not wildcards here
            assertThatThrownBy(() -> store.resolve("2026120_")).hasMessageContaining("no run '2026120_'");
        }
    }

    @Test
    void aGroupIsItsRunsInTheOrderTheyRan() {
        try (RunStore store = RunStore.open(dir)) {
            for (int threads : new int[] {1, 2, 4}) {
                store.save(run(
                        "sweep-t" + threads,
                        "sweep-t1",
                        "threads=" + threads,
                        "ycsb-c",
                        STARTED.plusSeconds(threads),
                        Map.of("threads", String.valueOf(threads)),
                        store("redis", 100L * threads).build("ycsb-c")));
            }
            store.save(run("other", "ycsb-c", STARTED, store("redis", 5).build("ycsb-c")));
            assertThat(store.group("sweep-t2"))
                    .extracting(BenchmarkRun::variant)
                    .containsExactly("threads=1", "threads=2", "threads=4");
            assertThat(store.group("other")).extracting(BenchmarkRun::id).containsExactly("other");
        }
    }

    @Test
    void aRunIsSavedOnceAndWhole() {
        BenchmarkRun run = everything("r1");
        try (RunStore store = RunStore.open(dir)) {
            store.save(run);
            assertThatThrownBy(() -> store.save(everything("r1")))
                    .isInstanceOf(DbxException.class)
                    .hasMessageContaining("a run with id 'r1' is already stored");
            // a failure midway leaves nothing behind: two results for one store break the key of store_run
            StoreRun redis = store("redis", 10).build("ycsb-a");
            assertThatThrownBy(() -> store.save(run("r2", "ycsb-a", STARTED, redis, redis)))
                    .isInstanceOf(DbxException.class);
            assertThat(store.list()).extracting(RunSummary::id).containsExactly("r1");
            assertThat(store.get("r1")).isEqualTo(run);
        }
    }

    @Test
    void aStoreFromANewerDbxIsRefusedClearly() throws Exception {
        try (RunStore store = RunStore.open(dir)) {
            store.save(everything("r1"));
        }
        sql("INSERT INTO schema_version (version, applied) VALUES (99, 'later')");
        assertThatThrownBy(() -> RunStore.open(dir))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("was written by a newer dbx (run store schema version 99; this dbx reads up to"
                        + " version " + Schema.VERSION + ")");
    }

    @Test
    void aDatabaseThatIsNotARunStoreIsNotTouched() throws Exception {
        sql("CREATE TABLE mine (x INTEGER)");
        assertThatThrownBy(() -> RunStore.open(dir))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("is not a dbx run store");
        Files.writeString(dir.resolve(RunStore.FILE), "not a database at all, just some text that is long enough");
        assertThatThrownBy(() -> RunStore.open(dir))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("cannot open the run store")
                .extracting(e -> ((DbxException) e).hint())
                .asString()
                .contains("move it away");
    }

    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(RunStore.FILE));
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
