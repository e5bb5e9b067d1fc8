package dev.dbx.runs;

import static dev.dbx.runs.SampleRuns.STARTED;
import static dev.dbx.runs.SampleRuns.run;
import static dev.dbx.runs.SampleRuns.steady;
import static dev.dbx.runs.SampleRuns.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dbx.runs.RunComparison.Metric;
import dev.dbx.runs.RunComparison.Verdict;
import dev.dbx.workloads.runner.BenchmarkRun;
import dev.dbx.workloads.runner.StoreRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunComparisonTest {
    private static final String W = "ycsb-a";

    private static BenchmarkRun redis(String id, long meanOps, long seed) {
        return run(
                id,
                W,
                STARTED,
                store("redis", steady(20, meanOps, 60, seed)).seed(seed).build(W));
    }

    private static RunComparison.Row row(RunComparison c, String store, Metric metric) {
        return c.stores().stream().filter(s -> s.store().equals(store)).findFirst().orElseThrow().rows().stream()
                .filter(r -> r.metric() == metric)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void runsWithinEachOthersSpreadAreNoiseAndSeparatedOnesAreNot() {
        RunComparison c = RunComparison.of(List.of(redis("a", 1000, 1), redis("b", 1010, 2), redis("c", 2000, 3)));
        RunComparison.Row ops = row(c, "redis", Metric.OPS_PER_SEC);
        assertThat(ops.cells())
                .extracting(RunComparison.Cell::verdict)
                .containsExactly(Verdict.BASELINE, Verdict.NOISE, Verdict.BETTER);
        assertThat(ops.cells().get(2).ratio()).isCloseTo(2.0, within(0.05));
        assertThat(ops.cells().get(1).ratio()).isCloseTo(1.01, within(0.02));
        // twice the throughput from 8 threads: half the latency, which is better
        RunComparison.Row p50 = row(c, "redis", Metric.P50);
        assertThat(p50.cells())
                .extracting(RunComparison.Cell::verdict)
                .containsExactly(Verdict.BASELINE, Verdict.NOISE, Verdict.BETTER);
        assertThat(p50.cells().get(2).ratio()).isCloseTo(0.5, within(0.05));
        // p99.9 has no per-second series: a ratio, untested
        assertThat(row(c, "redis", Metric.P999).cells().get(2).verdict()).isEqualTo(Verdict.UNTESTED);
        assertThat(c.differences()).isEmpty();
        assertThat(c.stores().get(0).notes()).isEmpty();
    }

    @Test
    void aSlowerRunIsWorse() {
        RunComparison c = RunComparison.of(List.of(redis("a", 2000, 1), redis("b", 1000, 2)));
        assertThat(row(c, "redis", Metric.OPS_PER_SEC).cells().get(1).verdict()).isEqualTo(Verdict.WORSE);
        assertThat(row(c, "redis", Metric.P99).cells().get(1).verdict()).isEqualTo(Verdict.WORSE);
    }

    @Test
    void saysWhatDiffersBetweenRuns() {
        BenchmarkRun a = run(
                "a",
                "a",
                "",
                "ycsb-a",
                STARTED,
                Map.of("threads", "8"),
                store("postgres", 100, 100).durability("synchronous_commit=on").build("ycsb-a"),
                store("redis", 100, 100).build("ycsb-a"));
        BenchmarkRun b = run(
                "b",
                "b",
                "",
                "ycsb-b",
                STARTED,
                Map.of("threads", "16", "rate", "1000"),
                store("postgres", 100, 100)
                        .durability("synchronous_commit=off")
                        .server("PostgreSQL 16")
                        .build("ycsb-b"),
                StoreRun.failed("ycsb-b", "neo4j", null, "cannot reach it: refused"));
        RunComparison c = RunComparison.of(List.of(a, b));
        assertThat(c.differences())
                .containsExactly(
                        "workload differs: #1 ycsb-a | #2 ycsb-b",
                        "config rate differs: #1 (unset) | #2 1000",
                        "config threads differs: #1 8 | #2 16");
        RunComparison.StoreComparison postgres = c.stores().get(0);
        assertThat(postgres.notes())
                .containsExactly(
                        "server differs: #1 postgres 1.0 | #2 PostgreSQL 16",
                        "durability differs: #1 synchronous_commit=on | #2 synchronous_commit=off (write throughput is"
                                + " not comparable across durabilities)");
        assertThat(c.stores())
                .extracting(RunComparison.StoreComparison::store)
                .containsExactly("postgres", "redis", "neo4j");
        RunComparison.StoreComparison redis = c.stores().get(1);
        assertThat(redis.runs().get(1)).isNull();
        assertThat(redis.notes()).containsExactly("not in #2");
        assertThat(row(c, "redis", Metric.OPS_PER_SEC).cells().get(1).verdict()).isEqualTo(Verdict.MISSING);
        RunComparison.StoreComparison neo4j = c.stores().get(2);
        assertThat(neo4j.notes())
                .containsExactly("not in the first run: no ratios", "#2 failed: cannot reach it: refused");
        assertThat(row(c, "neo4j", Metric.OPS_PER_SEC).cells())
                .extracting(RunComparison.Cell::verdict)
                .containsOnly(Verdict.MISSING);
    }

    @Test
    void onlyWholeSecondsAreSamples() {
        StoreRun r = store("redis", 100, 100, 100).build(W);
        // measured 3.0012 s: all three seconds are whole
        assertThat(RunComparison.samples(Metric.OPS_PER_SEC, r).orElseThrow()).containsExactly(100, 100, 100);
        StoreRun cut = new StoreRun(
                r.workload(),
                r.store(),
                r.server(),
                r.placement(),
                r.semantics(),
                r.mode(),
                r.status(),
                r.reason(),
                r.started(),
                2_500_000_000L,
                r.operations(),
                r.errors(),
                r.wrongAnswers(),
                r.wrongExamples(),
                r.series(),
                r.resources(),
                r.dbxCpuNanos(),
                r.conflictRetries());
        assertThat(RunComparison.samples(Metric.OPS_PER_SEC, cut).orElseThrow()).containsExactly(100, 100);
        assertThat(RunComparison.samples(Metric.P999, r)).isEmpty();
    }
}
