package dev.dbx.app;

import static dev.dbx.app.InProcess.dbx;
import static dev.dbx.runs.SampleRuns.STARTED;
import static dev.dbx.runs.SampleRuns.run;
import static dev.dbx.runs.SampleRuns.steady;
import static dev.dbx.runs.SampleRuns.store;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbx.app.InProcess.Run;
import dev.dbx.runs.Histograms;
import dev.dbx.runs.RunStore;
import dev.dbx.workloads.runner.BenchmarkRun;
import dev.dbx.workloads.runner.StoreRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dbx runs, dbx runs show, dbx runs export and dbx compare on a data directory whose run store holds three runs. */
class RunsCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIRST = "20261202-140000-ycsb-a";
    private static final String SECOND = "20261202-150000-ycsb-a";
    private static final String THIRD = "20261203-090000-ycsb-b";

    @TempDir
    Path dir;

    private BenchmarkRun first;
    private BenchmarkRun second;
    private BenchmarkRun third;

    private String data() {
        return dir.resolve("data").toString();
    }

    @BeforeEach
    void threeRuns() {
        first = run(
                FIRST,
                "ycsb-a",
                STARTED,
                store("postgres", steady(10, 1000, 50, 1))
                        .server("PostgreSQL 17.11")
                        .durability("synchronous_commit=on, fsync=on")
                        .seed(1)
                        .build("ycsb-a"),
                store("redis", steady(10, 5000, 100, 2))
                        .server("Redis 7.0.15")
                        .openLoop(3_000)
                        .seed(2)
                        .build("ycsb-a"),
                StoreRun.failed("ycsb-a", "clickhouse", "ClickHouse 18.16.1", "n/a: updates are read-then-write"));
        second = run(
                SECOND,
                "ycsb-a",
                STARTED.plusSeconds(3600),
                store("postgres", steady(10, 1010, 50, 3))
                        .server("PostgreSQL 17.11")
                        .durability("synchronous_commit=off, fsync=on")
                        .seed(3)
                        .build("ycsb-a"),
                store("redis", steady(10, 10_000, 100, 4))
                        .server("Redis 7.0.15")
                        .openLoop(3_000)
                        .seed(4)
                        .build("ycsb-a"));
        third = run(
                THIRD,
                "ycsb-b",
                STARTED.plusSeconds(86_400),
                store("redis", steady(5, 8000, 100, 5)).wrongAnswers(3).seed(5).build("ycsb-b"));
        try (RunStore store = RunStore.open(dir.resolve("data"))) {
            store.save(first);
            store.save(second);
            store.save(third);
        }
    }

    @Test
    void listsTheRunsNewestFirst() throws Exception {
        Run run = dbx("runs", "--data-dir", data());
        assertThat(run.exit()).as(run.err()).isZero();
        String out = run.out();
        assertThat(out).containsSubsequence(THIRD, SECOND, FIRST);
        assertThat(out.lines().filter(l -> l.startsWith(THIRD)).findFirst().orElseThrow())
                .contains("ycsb-b")
                .contains("NO")
                .contains("redis "
                        + BenchFormat.opsPerSecond(third.results().get(0).opsPerSecond()))
                .contains("(wrong)");
        assertThat(out.lines().filter(l -> l.startsWith(FIRST)).findFirst().orElseThrow())
                .contains("yes")
                .contains("postgres "
                        + BenchFormat.opsPerSecond(first.results().get(0).opsPerSecond()))
                .contains("redis "
                        + BenchFormat.opsPerSecond(first.results().get(1).opsPerSecond()))
                .contains("clickhouse n/a");
        assertThat(out).contains("3 run(s) in " + dir.resolve("data").resolve("runs.sqlite"));

        JsonNode json =
                JSON.readTree(dbx("runs", "--data-dir", data(), "--json").out());
        assertThat(json.get("runs")).hasSize(3);
        assertThat(json.get("runs").get(0).get("id").asText()).isEqualTo(THIRD);
        assertThat(json.get("runs").get(0).get("correct").asBoolean()).isFalse();
        assertThat(json.get("runs").get(2).get("stores").get(2).get("status").asText())
                .isEqualTo("FAILED");
    }

    @Test
    void anEmptyRunStoreSaysSo() {
        Run run = dbx("runs", "--data-dir", dir.resolve("fresh").toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("no runs yet");
    }

    @Test
    void showsARunAgainByAPrefix() {
        Run run = dbx("runs", "show", "--data-dir", data(), "20261202-14");
        assertThat(run.exit()).as(run.err()).isZero();
        String out = run.out();
        assertThat(out).contains("ycsb-a").contains("run " + FIRST);
        assertThat(out).contains("STORE").contains("OPS/S").contains("P99.9 MS").contains("SERVER CPU MEAN/PEAK");
        String postgres =
                out.lines().filter(l -> l.startsWith("postgres ")).findFirst().orElseThrow();
        StoreRun pg = first.results().get(0);
        assertThat(postgres)
                .contains(BenchFormat.opsPerSecond(pg.opsPerSecond()))
                .contains(BenchFormat.ms(pg.response().getValueAtPercentile(99) / 1000.0))
                .endsWith("ok");
        // redis ran open loop: its service times are shown beneath, for they differ
        assertThat(out).containsPattern("redis .*\\n  service ");
        assertThat(out.lines()
                        .filter(l -> l.startsWith("clickhouse"))
                        .findFirst()
                        .orElseThrow())
                .endsWith("n/a");
        assertThat(out)
                .contains("postgres: PostgreSQL 17.11")
                .contains("durability: synchronous_commit=on, fsync=on")
                .contains("clickhouse: ClickHouse 18.16.1; n/a: updates are read-then-write")
                .contains("every store that ran answered correctly");
        Run wrong = dbx("runs", "show", "--data-dir", data(), THIRD);
        assertThat(wrong.exit()).isZero();
        assertThat(wrong.out())
                .contains("WRONG ANSWERS: redis 3 (a wrong answer fails the run)")
                .contains("wrong: read: user42 field3 holds version 7");
        assertThat(wrong.out()
                        .lines()
                        .filter(l -> l.startsWith("redis "))
                        .findFirst()
                        .orElseThrow())
                .endsWith("WRONG");
    }

    @Test
    void anAmbiguousOrUnknownIdIsNamed() {
        Run ambiguous = dbx("runs", "show", "--data-dir", data(), "20261202");
        assertThat(ambiguous.exit()).isEqualTo(1);
        assertThat(ambiguous.err())
                .contains("'20261202' is the start of 2 runs: " + FIRST + ", " + SECOND)
                .contains("give more of the id");
        Run unknown = dbx("runs", "show", "--data-dir", data(), "1999");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("no run '1999'").contains("dbx runs lists the stored runs");
    }

    @Test
    void showsARunAsJson() throws Exception {
        Run run = dbx("runs", "show", "--data-dir", data(), FIRST, "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("runId").asText()).isEqualTo(FIRST);
        assertThat(json.get("workload").asText()).isEqualTo("ycsb-a");
        JsonNode postgres = json.get("results").get(0);
        StoreRun pg = first.results().get(0);
        assertThat(postgres.get("store").asText()).isEqualTo("postgres");
        assertThat(postgres.get("server").asText()).isEqualTo("PostgreSQL 17.11");
        assertThat(postgres.get("opsPerSec").asDouble()).isEqualTo(pg.opsPerSecond());
        assertThat(postgres.get("p99Ms").asDouble()).isEqualTo(pg.response().getValueAtPercentile(99) / 1000.0);
        for (String field : new String[] {"p50Ms", "p95Ms", "p999Ms", "maxMs", "errors", "wrongAnswers", "correct"}) {
            assertThat(postgres.has(field)).as(field).isTrue();
        }
        assertThat(postgres.get("correct").asBoolean()).isTrue();
        assertThat(json.get("results").get(2).get("correct").asBoolean()).isFalse();
    }

    @Test
    void exportsARunWholeAndNeverOverwritesUnasked() throws Exception {
        Path out = dir.resolve("run.json");
        Run run = dbx("runs", "export", "--data-dir", data(), FIRST, "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("run " + FIRST + " written to " + out);
        JsonNode json = JSON.readTree(out.toFile());
        JsonNode read = json.get("results").get(0).get("byOperation").get(0);
        assertThat(read.get("op").asText()).isEqualTo("read");
        assertThat(Histograms.decode(read.get("response").get("histogram").asText(), "export"))
                .isEqualTo(first.results().get(0).operations().get(0).response());
        assertThat(json.get("results").get(0).get("seconds")).hasSize(10);

        Files.writeString(out, "mine");
        Run refused = dbx("runs", "export", "--data-dir", data(), FIRST, "--out", out.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains(out + " exists: not overwritten").contains("--force");
        assertThat(Files.readString(out)).isEqualTo("mine");

        Run forced = dbx("runs", "export", "--data-dir", data(), FIRST, "--out", out.toString(), "--force");
        assertThat(forced.exit()).as(forced.err()).isZero();
        assertThat(JSON.readTree(out.toFile()).get("runId").asText()).isEqualTo(FIRST);

        Path nowhere = dir.resolve("missing").resolve("run.json");
        Run missing = dbx("runs", "export", "--data-dir", data(), FIRST, "--out", nowhere.toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("its directory does not exist");
        assertThat(nowhere.getParent()).doesNotExist();
    }

    @Test
    void comparesRunsMarkingNoiseAsNoise() {
        Run run = dbx("compare", "--data-dir", data(), FIRST, SECOND, "20261203");
        assertThat(run.exit()).as(run.err()).isZero();
        String out = run.out();
        assertThat(out).contains("#1  " + FIRST).contains("#2  " + SECOND).contains("#3  " + THIRD);
        assertThat(out).contains("workload differs: #1 ycsb-a | #2 ycsb-a | #3 ycsb-b");
        String postgres = section(out, "postgres");
        // 1,000 vs 1,010 ops/s a second, each ±50: noise; its durability changed, and the output says so
        assertThat(postgres.lines()
                        .filter(l -> l.startsWith("ops/s"))
                        .findFirst()
                        .orElseThrow())
                .contains("≈ noise");
        assertThat(postgres)
                .contains("durability differs: #1 synchronous_commit=on, fsync=on | #2 synchronous_commit=off,"
                        + " fsync=on | #3 -");
        String redis = section(out, "redis");
        // 5,000 then 10,000 ops/s: twice as fast, a real difference
        double ratio =
                second.results().get(1).opsPerSecond() / first.results().get(1).opsPerSecond();
        assertThat(redis.lines().filter(l -> l.startsWith("ops/s")).findFirst().orElseThrow())
                .contains(BenchFormat.opsPerSecond(second.results().get(1).opsPerSecond()) + " "
                        + BenchFormat.ratio(ratio) + " better");
        assertThat(ratio).isBetween(1.9, 2.1);
        assertThat(redis.lines()
                        .filter(l -> l.startsWith("p99.9 ms"))
                        .findFirst()
                        .orElseThrow())
                .contains("untested");
        assertThat(out).contains("Welch's t-test");
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] command : new String[][] {{"runs"}, {"runs", "show"}, {"runs", "export"}, {"compare"}}) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            Run run = dbx(args);
            assertThat(run.exit()).as(String.join(" ", command)).isZero();
            assertThat(run.out()).contains("Usage: dbx " + String.join(" ", command));
        }
        assertThat(dbx("--help").out()).contains("runs").contains("compare");
    }

    @Test
    void compareNeedsTwoRuns() {
        Run run = dbx("compare", "--data-dir", data(), FIRST);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("RUN");
    }

    /** A store's block of dbx compare's output: from its name to the next blank line. */
    private static String section(String out, String store) {
        int start = out.indexOf("\n" + store + "\n");
        assertThat(start).as(store + " in:\n" + out).isNotNegative();
        int end = out.indexOf("\n\n", start + 1);
        return out.substring(start + 1, end < 0 ? out.length() : end);
    }
}
