package dev.dbx.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import dev.dbx.core.store.Stores;
import dev.dbx.engine.RunningEngine;
import dev.dbx.sync.capture.CaptureProcess;
import dev.dbx.sync.cdc.SyncStatus;
import dev.dbx.sync.cdc.SyncStatusFile;
import dev.dbx.workloads.dataset.TpchSource;
import dev.dbx.workloads.load.DatasetLoader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dbx sync cdc} end to end, as separate processes, against a real PostgreSQL 17 and Kafka 4.3: the pipeline's
 * snapshot reaches SQLite; churn runs on PostgreSQL; the sync process is SIGKILLed in the middle of it; a new {@code
 * dbx sync cdc} joins the capture (which kept running, in its own process) and resumes from the committed offsets;
 * once caught up, its verify finds SQLite equal to PostgreSQL: nothing lost, nothing doubled (a doubled row or a
 * lost one changes the counts or the checksums, which {@code dbx verify} is proven elsewhere to catch). And a target
 * engine stopped for 10 s, then Kafka restarted, in the middle of a churn: the batches wait and retry, nothing is
 * skipped, and verify finds both targets equal once they caught up.
 */
class SyncCdcIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aSyncKilledMidStreamResumesWithNothingLostOrDoubled() throws Exception {
        try (RunningEngine pg = RunningEngine.start("postgres");
                RunningEngine kafka = RunningEngine.start("kafka")) {
            try (Store store = Stores.open(new StoreConfig("postgres", pg.uri(), Duration.ofSeconds(10)))) {
                DatasetLoader.load(store, DatasetLoader.counting(new TpchSource(0.01)), false);
            }
            Path pipeline = dir.resolve("sync").resolve("tpch");
            Process first = dbx(pg.uri(), kafka.uri(), dir.resolve("first.log"), "sync", "cdc", "--to", "sqlite");
            try {
                SyncStatus snapshot = awaitStatus(pipeline, first, s -> applied(s) >= 86_805, Duration.ofMinutes(3));
                assertThat(applied(snapshot)).as("the snapshot's rows applied").isGreaterThanOrEqualTo(86_805);

                Thread killer = new Thread(() -> {
                    sleep(Duration.ofSeconds(3));
                    first.destroyForcibly(); // SIGKILL: no batch finished, no offset committed on the way out
                });
                killer.start();
                InProcess.Run churn = InProcess.dbx(
                        "--data-dir",
                        dir.toString(),
                        "--store",
                        "postgres=" + pg.uri(),
                        "churn",
                        "--rate",
                        "100",
                        "--duration",
                        "8s",
                        "--warmup",
                        "0s",
                        "--threads",
                        "4",
                        "--json");
                killer.join();
                assertThat(churn.exit()).as(churn.err()).isZero();
                JsonNode run = JSON.readTree(churn.out());
                assertThat(run.toString()).contains("changes.orders.inserted");
                assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();

                Path log = dir.resolve("second.log");
                Process second = dbx(
                        pg.uri(), kafka.uri(), log, "sync", "cdc", "--to", "sqlite", "--duration", "10s", "--verify");
                assertThat(second.waitFor(4, TimeUnit.MINUTES))
                        .as("the second sync ends")
                        .isTrue();
                String out = Files.readString(log, StandardCharsets.UTF_8);
                assertThat(out).contains("joining the capture already running").doesNotContain("emptying sqlite");
                assertThat(out).contains("every store holds the same tpch data").doesNotContain("Exception");
                assertThat(second.exitValue()).as(out).isZero();
            } finally {
                first.destroyForcibly();
                new CaptureProcess(pipeline).stop();
            }
        }
    }

    @Test
    void aTargetStoppedForTenSecondsAndKafkaRestartedMidStreamCatchUp() throws Exception {
        try (RunningEngine pg = RunningEngine.start("postgres");
                RunningEngine kafka = RunningEngine.start("kafka");
                RunningEngine redis = RunningEngine.start("redis")) {
            try (Store store = Stores.open(new StoreConfig("postgres", pg.uri(), Duration.ofSeconds(10)))) {
                DatasetLoader.load(store, DatasetLoader.counting(new TpchSource(0.01)), false);
            }
            Path pipeline = dir.resolve("sync").resolve("faults");
            Path log = dir.resolve("faults.log");
            Process sync = dbx(
                    pg.uri(),
                    kafka.uri(),
                    log,
                    Map.of("DBX_STORE_REDIS", redis.uri().toString()),
                    "sync",
                    "cdc",
                    "--to",
                    "redis,sqlite",
                    "--pipeline",
                    "faults",
                    "--duration",
                    "75s",
                    "--verify");
            try {
                awaitStatus(
                        pipeline,
                        sync,
                        s -> s.targets().size() == 2 && s.targets().stream().allMatch(t -> t.applied() >= 86_805),
                        Duration.ofMinutes(3));
                Thread faults = new Thread(() -> {
                    sleep(Duration.ofSeconds(2));
                    redis.supervisor().down(redis.engine()); // the target is gone: its batches wait and retry
                    sleep(Duration.ofSeconds(10));
                    redis.supervisor().up(redis.engine());
                    kafka.supervisor().down(kafka.engine()); // both the capture and the appliers lose Kafka
                    sleep(Duration.ofSeconds(3));
                    kafka.supervisor().up(kafka.engine());
                });
                faults.start();
                InProcess.Run churn = InProcess.dbx(
                        "--data-dir",
                        dir.toString(),
                        "--store",
                        "postgres=" + pg.uri(),
                        "churn",
                        "--rate",
                        "50",
                        "--duration",
                        "20s",
                        "--warmup",
                        "0s",
                        "--threads",
                        "4");
                faults.join();
                assertThat(churn.exit()).as(churn.err()).isZero();
                assertThat(sync.waitFor(5, TimeUnit.MINUTES))
                        .as("the sync ends")
                        .isTrue();
                String out = Files.readString(log, StandardCharsets.UTF_8);
                assertThat(out).contains("redis: ").contains("retried");
                assertThat(out).contains("every store holds the same tpch data").doesNotContain("Exception");
                assertThat(sync.exitValue()).as(out).isZero();
            } finally {
                sync.destroyForcibly();
                new CaptureProcess(pipeline).stop();
            }
        }
    }

    private static long applied(SyncStatus status) {
        return status.targets().isEmpty() ? 0 : status.targets().get(0).applied();
    }

    private static SyncStatus awaitStatus(
            Path pipeline, Process process, java.util.function.Predicate<SyncStatus> done, Duration limit)
            throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        Optional<SyncStatus> last = Optional.empty();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("dbx sync cdc still runs").isTrue();
            if (Files.exists(SyncStatusFile.path(pipeline))) {
                last = SyncStatusFile.read(pipeline);
                if (last.isPresent() && done.test(last.get())) {
                    return last.get();
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not reached within " + limit + "; last status " + last);
    }

    /** {@code dbx} in a JVM of its own (so it can be SIGKILLed), on this test's classpath, URIs in its environment. */
    private Process dbx(URI postgres, URI kafka, Path log, String... args) throws Exception {
        return dbx(postgres, kafka, log, Map.of(), args);
    }

    private Process dbx(URI postgres, URI kafka, Path log, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.dbx.app.Dbx",
                "--data-dir",
                dir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("DBX_STORE_POSTGRES", postgres.toString());
        pb.environment().put("DBX_KAFKA", kafka.toString());
        pb.environment().putAll(env);
        return pb.start();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
