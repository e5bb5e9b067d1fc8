package dev.dbx.app;

import static dev.dbx.app.InProcess.dbx;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbx.app.InProcess.Run;
import dev.dbx.engine.Ports;
import dev.dbx.engine.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dbx bench ycsb-*} end to end through the command line, on real engines: SQLite embedded, and a real Redis
 * server killed with SIGKILL in the middle of a run. What is asserted is what the user is promised — the table, the
 * JSON, the stored run, the exit codes, a dead server ending its store's run early while the next store still runs —
 * never how fast anything was.
 */
class BenchCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STORED_AS = Pattern.compile("stored as run (\\S+) in ");

    @TempDir
    Path dir;

    private String data() {
        return dir.resolve("data").toString();
    }

    @Test
    void ycsbAOnSqlitePrintsItsTableAndItsJsonAndIsStored() throws Exception {
        Run table = dbx(
                "bench",
                "ycsb-a",
                "--data-dir",
                data(),
                "--stores",
                "sqlite",
                "--records",
                "1000",
                "--ops",
                "500",
                "--warmup",
                "0s",
                "--threads",
                "2");
        assertThat(table.exit()).as(table.err()).isZero();
        String out = table.out();
        assertThat(out).startsWith("ycsb-a (YCSB workload A");
        assertThat(out.lines().filter(l -> l.startsWith("STORE ")).findFirst().orElseThrow())
                .containsSubsequence(
                        "OPS/S", "P50 MS", "P95 MS", "P99 MS", "P99.9 MS", "MAX MS", "ERRORS", "WRONG", "STATUS");
        assertThat(out.lines().filter(l -> l.startsWith("sqlite ")).findFirst().orElseThrow())
                .endsWith("ok");
        assertThat(out.lines()
                        .filter(l -> l.startsWith("  sqlite: "))
                        .findFirst()
                        .orElseThrow())
                .contains("SQLite 3.")
                .contains("embedded in dbx's JVM")
                .contains("closed loop")
                .contains("500 operations")
                .contains("durability: ");
        assertThat(out).contains("every store that ran answered correctly");
        String first = storedAs(out);
        assertThat(table.err()).contains("loading YCSB usertable, 1,000 records into sqlite");

        Run json = dbx(
                "bench",
                "ycsb-a",
                "--data-dir",
                data(),
                "--stores",
                "sqlite",
                "--records",
                "1000",
                "--duration",
                "2s",
                "--warmup",
                "0s",
                "--threads",
                "2",
                "--json");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode run = JSON.readTree(json.out());
        String second = run.get("runId").asText();
        assertThat(second).isNotEqualTo(first).endsWith("-ycsb-a");
        assertThat(run.get("workload").asText()).isEqualTo("ycsb-a");
        assertThat(run.get("correct").asBoolean()).isTrue();
        assertThat(run.get("config").get("threads").asText()).isEqualTo("2");
        assertThat(run.get("results")).hasSize(1);
        JsonNode sqlite = run.get("results").get(0);
        assertThat(sqlite.get("store").asText()).isEqualTo("sqlite");
        assertThat(sqlite.get("server").asText()).startsWith("SQLite 3.");
        assertThat(sqlite.get("status").asText()).isEqualTo("COMPLETE");
        assertThat(sqlite.get("mode").asText()).startsWith("closed loop");
        assertThat(sqlite.get("operations").asLong()).isPositive();
        assertThat(sqlite.get("opsPerSec").asDouble()).isPositive();
        assertOrderedLatencies(sqlite);
        assertThat(sqlite.get("errors").asLong()).isZero();
        assertThat(sqlite.get("wrongAnswers").asLong()).isZero();
        assertThat(sqlite.get("correct").asBoolean()).isTrue();
        assertThat(sqlite.get("reason").isNull()).isTrue();
        // the second run wrote to the usertable the first left changed: it was loaded again first
        assertThat(json.err()).contains("loading YCSB usertable");

        JsonNode runs =
                JSON.readTree(dbx("runs", "--data-dir", data(), "--json").out());
        assertThat(StreamSupport.stream(runs.get("runs").spliterator(), false)
                        .map(r -> r.get("id").asText())
                        .toList())
                .containsExactly(second, first);
        Run show = dbx("runs", "show", "--data-dir", data(), first);
        assertThat(show.exit()).as(show.err()).isZero();
        assertThat(show.out()).contains("run " + first).contains("sqlite ").contains("500 operations");
        Run shownJson = dbx("runs", "show", "--data-dir", data(), second, "--json");
        assertThat(JSON.readTree(shownJson.out())).isEqualTo(run);
    }

    @Test
    void ycsbEOnSqliteRunsScans() throws Exception {
        Run run = dbx(
                "bench",
                "ycsb-e",
                "--data-dir",
                data(),
                "--stores",
                "sqlite",
                "--records",
                "1000",
                "--ops",
                "300",
                "--warmup",
                "0s",
                "--threads",
                "2");
        assertThat(run.exit()).as(run.err()).isZero();
        String id = storedAs(run.out());
        Path export = dir.resolve("e.json");
        Run exported = dbx("runs", "export", "--data-dir", data(), id, "--out", export.toString());
        assertThat(exported.exit()).as(exported.err()).isZero();
        JsonNode sqlite = JSON.readTree(export.toFile()).get("results").get(0);
        assertThat(sqlite.get("status").asText()).isEqualTo("COMPLETE");
        assertThat(sqlite.get("operations").asLong()).isEqualTo(300);
        assertThat(sqlite.get("wrongAnswers").asLong()).isZero();
        JsonNode scan = StreamSupport.stream(sqlite.get("byOperation").spliterator(), false)
                .filter(o -> o.get("op").asText().equals("scan"))
                .findFirst()
                .orElseThrow();
        assertThat(scan.get("count").asLong())
                .as("scans run: YCSB E is 95% scans")
                .isGreaterThan(200);
        assertThat(scan.get("errors").asLong()).isZero();
    }

    @Test
    void anOpenLoopReportsResponseAndServiceTimes() throws Exception {
        Run table = dbx(
                "bench",
                "ycsb-b",
                "--data-dir",
                data(),
                "--stores",
                "sqlite",
                "--records",
                "1000",
                "--rate",
                "200",
                "--duration",
                "2s",
                "--warmup",
                "0s",
                "--threads",
                "2");
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).contains("open loop, 200 ops/s, uniform arrivals");
        String id = storedAs(table.out());

        JsonNode run = JSON.readTree(
                dbx("runs", "show", "--data-dir", data(), id, "--json").out());
        assertThat(run.get("config").get("mode").asText()).startsWith("open loop, 200 ops/s");
        JsonNode sqlite = run.get("results").get(0);
        assertThat(sqlite.get("mode").asText()).startsWith("open loop");
        assertThat(sqlite.get("status").asText()).isEqualTo("COMPLETE");
        assertThat(sqlite.get("operations").asLong()).isPositive();
        assertOrderedLatencies(sqlite);
        JsonNode service = sqlite.get("service");
        assertOrderedLatencies(service);
        // response time runs from the intended start, service time from the actual one: never shorter
        for (String p : new String[] {"p50Ms", "p99Ms", "maxMs"}) {
            assertThat(sqlite.get(p).asDouble())
                    .as(p)
                    .isGreaterThanOrEqualTo(service.get(p).asDouble());
        }
    }

    @Test
    void badInputIsAShortUsageErrorAndRunsNothing() throws Exception {
        String[][] cases = {
            {"ycsb-z", "'ycsb-z'"},
            {"ycsb-a", "--threads must be at least 1, not 0", "--threads", "0"},
            {"ycsb-a", "--duration and --ops", "--duration", "2s", "--ops", "100"},
            {"ycsb-a", "--ops must be at least 1", "--ops", "-5"},
            {"ycsb-a", "unknown store 'oracle'", "--stores", "oracle"},
            {"ycsb-a", "--sweep threads=", "--sweep", "threads="},
            {"ycsb-a", "'x' is not a number", "--sweep", "threads=1,x"},
            {"ycsb-a", "is not threads=... or rate=...", "--sweep", "speed=1,2"},
            {"ycsb-a", "'2parsecs' is not a duration", "--duration", "2parsecs"},
            {"ycsb-a", "--records must be at least 1", "--records", "0"},
        };
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("bench", c[0], "--data-dir", data()));
            args.addAll(List.of(c).subList(2, c.length));
            if (!args.contains("--stores")) {
                args.addAll(List.of("--stores", "sqlite"));
            }
            String what = String.join(" ", args);
            Run run = dbx(args.toArray(String[]::new));
            assertThat(run.exit()).as(what + "\n" + run.err()).isEqualTo(2);
            assertThat(run.out()).as(what).isEmpty();
            List<String> lines = run.err().lines().toList();
            assertThat(lines).as(what).hasSize(2);
            assertThat(lines.get(0)).as(what).startsWith("dbx: ").contains(c[1]);
            assertThat(lines.get(1)).as(what).startsWith("Try 'dbx bench");
        }
        assertThat(dbx("bench", "ycsb-z").err()).contains("ycsb-a").contains("ycsb-f");
        assertThat(dbx("runs", "--data-dir", data()).out()).contains("no runs yet");
        assertThat(dir.resolve("data/embedded")).doesNotExist();
    }

    /**
     * A real Redis server, SIGKILLed (by the PID dbx up reports) seconds into its store's measured phase: the
     * runner sees only errors, ends that store's run early with a partial result and the reason, and goes on to SQLite,
     * which runs whole and right; the exit code says the run did not finish everywhere; the run is stored.
     */
    @Test
    void aServerKilledMidRunEndsItsStoreEarlyAndTheNextStoreStillRuns() throws Exception {
        String port = Integer.toString(Ports.freeRange(1));
        Run up = dbx("up", "--data-dir", data(), "--engines", "redis", "--port", "redis=" + port);
        assertThat(up.exit()).as(up.err()).isZero();
        Process bench = null;
        try {
            long pid = redisPid();
            assertThat(Processes.isRunning(pid)).isTrue();

            Path out = dir.resolve("bench.out");
            Path err = dir.resolve("bench.err");
            int durationSeconds = 10;
            bench = dbxProcess(
                    out,
                    err,
                    "bench",
                    "ycsb-c",
                    "--data-dir",
                    data(),
                    "--port",
                    "redis=" + port,
                    "--stores",
                    "redis,sqlite",
                    "--records",
                    "1000",
                    "--duration",
                    durationSeconds + "s",
                    "--warmup",
                    "0s",
                    "--threads",
                    "2");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (!(Files.exists(err) && Files.readString(err).contains("  redis: starting"))
                    && bench.isAlive()
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertThat(bench.isAlive())
                    .as("bench runs redis: " + readOrEmpty(err))
                    .isTrue();
            Thread.sleep(2_500); // into the measured phase (no warm-up): reads done, then the server dies
            Processes.signal(pid, "KILL");

            // redis ends within seconds of the kill, then sqlite runs its whole duration: bounded, with ample slack
            assertThat(bench.waitFor(durationSeconds + 60, TimeUnit.SECONDS))
                    .as("bench finished: " + readOrEmpty(err))
                    .isTrue();
            String stdout = Files.readString(out);
            String stderr = Files.readString(err);
            assertThat(bench.exitValue()).as(stderr).isEqualTo(1);
            assertThat(stderr).contains("  redis: partial: ").doesNotContain("Exception\n\tat ");
            assertThat(stderr.indexOf("  sqlite: starting")).isGreaterThan(stderr.indexOf("  redis: partial"));

            assertThat(stdout.lines()
                            .filter(l -> l.startsWith("redis "))
                            .findFirst()
                            .orElseThrow())
                    .endsWith("PARTIAL");
            assertThat(stdout.lines()
                            .filter(l -> l.startsWith("sqlite "))
                            .findFirst()
                            .orElseThrow())
                    .endsWith("ok");
            assertThat(stdout).contains("STOPPED EARLY: redis");
            String id = storedAs(stdout);

            JsonNode run = JSON.readTree(
                    dbx("runs", "show", "--data-dir", data(), id, "--json").out());
            JsonNode redis = run.get("results").get(0);
            assertThat(redis.get("store").asText()).isEqualTo("redis");
            assertThat(redis.get("server").asText()).startsWith("Redis ");
            assertThat(redis.get("status").asText()).isEqualTo("PARTIAL");
            // with the server gone each operation fails at once (a refused reconnect): only errors, so the runner's
            // dead-server rule ends the run (not the operation timeout), naming the commonest error
            assertThat(redis.get("reason").asText())
                    .startsWith("the server stopped answering: only errors for ")
                    .containsPattern("\\((redis: |cannot reach redis at )");
            assertThat(redis.get("errors").asLong()).isPositive();
            assertThat(redis.get("operations").asLong())
                    .as("reads before the kill")
                    .isPositive();
            assertThat(redis.get("wrongAnswers").asLong()).isZero();
            assertThat(redis.get("measuredSeconds").asDouble())
                    .as("ended before its duration ran out")
                    .isLessThan(durationSeconds);
            // what the store is was asked while it answered, not after it died
            assertThat(redis.get("semantics").get("durability").asText()).doesNotStartWith("unknown");

            JsonNode sqlite = run.get("results").get(1);
            assertThat(sqlite.get("store").asText()).isEqualTo("sqlite");
            assertThat(sqlite.get("status").asText()).isEqualTo("COMPLETE");
            assertThat(sqlite.get("correct").asBoolean()).isTrue();
            assertThat(sqlite.get("errors").asLong()).isZero();
            assertThat(sqlite.get("operations").asLong()).isPositive();

            Path export = dir.resolve("killed.json");
            assertThat(dbx("runs", "export", "--data-dir", data(), id, "--out", export.toString())
                            .exit())
                    .isZero();
            JsonNode seconds =
                    JSON.readTree(export.toFile()).get("results").get(0).get("seconds");
            assertThat(seconds.size()).as("a partial series").isBetween(1, durationSeconds - 1);
            assertThat(StreamSupport.stream(seconds.spliterator(), false)
                            .mapToLong(
                                    s -> s.get("ops").asLong() - s.get("errors").asLong())
                            .sum())
                    .isPositive();
            assertThat(seconds.get(seconds.size() - 1).get("errors").asLong()).isPositive();

            JsonNode listed = JSON.readTree(
                            dbx("runs", "--data-dir", data(), "--json").out())
                    .get("runs")
                    .get(0);
            assertThat(listed.get("id").asText()).isEqualTo(id);
        } finally {
            if (bench != null && bench.isAlive()) {
                bench.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            dbx("down", "--data-dir", data(), "--wipe");
        }
    }

    private long redisPid() throws Exception {
        JsonNode status =
                JSON.readTree(dbx("status", "--data-dir", data(), "--json").out());
        for (JsonNode e : status.get("engines")) {
            if (e.get("name").asText().equals("redis")) {
                return e.get("pid").asLong();
            }
        }
        throw new AssertionError("no redis in " + status);
    }

    /** dbx in a JVM of its own (as a user runs it), its output in files. */
    private static Process dbxProcess(Path out, Path err, String... args) throws Exception {
        Path root = Path.of(System.getProperty("dbx.project.root", ".."));
        Path target = root.resolve("app/target");
        String classpath = target.resolve("dbx-app.jar") + ":" + Files.readString(target.resolve("classpath.txt"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                classpath.strip(),
                "dev.dbx.app.Dbx"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static String storedAs(String out) {
        Matcher m = STORED_AS.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }

    /** Percentiles present and in order (a property of any histogram, not a timing). */
    private static void assertOrderedLatencies(JsonNode node) {
        double last = 0;
        for (String p : new String[] {"p50Ms", "p95Ms", "p99Ms", "p999Ms", "maxMs"}) {
            assertThat(node.get(p).isNumber()).as(p + " in " + node).isTrue();
            assertThat(node.get(p).asDouble()).as(p).isGreaterThanOrEqualTo(last);
            last = node.get(p).asDouble();
        }
    }
}
