package dev.dbx.app.report;

import dev.dbx.core.store.Placement;
import dev.dbx.workloads.runner.BenchmarkRun;
import dev.dbx.workloads.runner.OperationStats;
import dev.dbx.workloads.runner.ResourceSample;
import dev.dbx.workloads.runner.Second;
import dev.dbx.workloads.runner.StoreRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * Benchmark runs as the runner makes them, built here so the report is tested without a server: real HdrHistograms of
 * thousands of latencies, 20 seconds of series and resource samples, a local engine, an external server (no server
 * figures), an embedded store, a store that could not run, and a thread sweep of three runs.
 */
final class ReportFixtures {
    /** A server identity and an error text holding markup: a report must show them as text. */
    static final String HOSTILE_SERVER = "Redis 7.0.15 <script>window.hostile = 1</script> & \"quoted\" | piped";

    static final String HOSTILE_ERROR = "connection reset <b>by</b> peer | at _line_ 1";
    static final int SECONDS = 20;
    private static final long HIGHEST = 3_600_000_000L;

    private ReportFixtures() {}

    /** An open-loop ycsb-a run on a local PostgreSQL, an external Redis, and ClickHouse that could not run it. */
    static BenchmarkRun openLoopRun() {
        String mode = "open loop, 2,000 ops/s, uniform arrivals";
        StoreRun postgres = store(
                "ycsb-a",
                "postgres",
                "PostgreSQL 17.11",
                Placement.LOCAL_ENGINE.label() + "; server figures: the local engine's process tree",
                "synchronous_commit=on, fsync=on",
                mode,
                1,
                420,
                true,
                true,
                Map.of());
        StoreRun redis = store(
                "ycsb-a",
                "redis",
                HOSTILE_SERVER,
                Placement.EXTERNAL.label() + "; server figures: not sampled: an external server",
                "appendonly=no",
                mode,
                2,
                95,
                true,
                false,
                Map.of("timeout", 3L, HOSTILE_ERROR, 1L));
        StoreRun clickhouse = StoreRun.failed(
                "ycsb-a", "clickhouse", "ClickHouse 18.16.1", "n/a: the store has no key-value capability");
        return new BenchmarkRun(
                "20261202-143501-000-ycsb-a",
                "20261202-143501-000-ycsb-a",
                "",
                "ycsb-a",
                "YCSB A: 50/50 read/update, zipfian",
                Map.of("records", "100000", "fieldLength", "100"),
                Map.of("threads", "8", "duration", "20s", "warmup", "5s", "rate", "2000", "arrival", "uniform"),
                Map.of("cores", "2", "memory", "24 GiB", "os", "Linux 6.1", "jdk", "25"),
                "935f3f6",
                Instant.parse("2026-12-02T14:35:01Z"),
                List.of(postgres, redis, clickhouse));
    }

    /** A closed-loop thread sweep of ycsb-c on a local PostgreSQL and an embedded SQLite. */
    static List<BenchmarkRun> threadSweep() {
        String group = "20261202-150000-000-ycsb-c";
        List<BenchmarkRun> runs = new ArrayList<>();
        int[] threads = {1, 2, 4};
        for (int i = 0; i < threads.length; i++) {
            int t = threads[i];
            String mode = "closed loop (each thread starts its next operation when the last one ends)";
            StoreRun postgres = store(
                    "ycsb-c",
                    "postgres",
                    "PostgreSQL 17.11",
                    Placement.LOCAL_ENGINE.label() + "; server figures: the local engine's process tree",
                    "synchronous_commit=on, fsync=on",
                    mode,
                    10 + t,
                    300 + 40 * t,
                    false,
                    true,
                    Map.of());
            StoreRun sqlite = store(
                    "ycsb-c",
                    "sqlite",
                    "SQLite 3.54.1",
                    Placement.EMBEDDED.label() + "; server figures: none of its own",
                    "WAL, synchronous=NORMAL",
                    mode,
                    20 + t,
                    150 + 90 * t,
                    false,
                    false,
                    Map.of());
            runs.add(new BenchmarkRun(
                    i == 0 ? group : group.replace("000-", "00" + i + "-"),
                    group,
                    "threads=" + t,
                    "ycsb-c",
                    "YCSB C: read only, zipfian",
                    Map.of("records", "100000"),
                    Map.of("threads", Integer.toString(t), "duration", "20s"),
                    Map.of("cores", "2"),
                    "935f3f6+dirty",
                    Instant.parse("2026-12-02T15:00:00Z").plusSeconds(30L * i),
                    List.of(postgres, sqlite)));
        }
        return runs;
    }

    static List<BenchmarkRun> all() {
        List<BenchmarkRun> runs = new ArrayList<>();
        runs.add(openLoopRun());
        runs.addAll(threadSweep());
        return runs;
    }

    /**
     * One store's run: a read and an update histogram of several thousand log-normal latencies around {@code
     * medianMicros} with a few slow outliers; in an open loop, response time adds queueing to some operations.
     */
    private static StoreRun store(
            String workload,
            String store,
            String server,
            String placement,
            String durability,
            String mode,
            long seed,
            double medianMicros,
            boolean openLoop,
            boolean serverFigures,
            Map<String, Long> errors) {
        Random random = new Random(seed);
        List<OperationStats> operations = new ArrayList<>();
        for (String name : List.of("read", "update")) {
            Histogram service = new Histogram(HIGHEST, 3);
            Histogram response = new Histogram(HIGHEST, 3);
            int count = 4_000 + random.nextInt(2_000);
            double median = name.equals("update") ? medianMicros * 1.8 : medianMicros;
            for (int i = 0; i < count; i++) {
                long micros = Math.max(1, Math.round(median * Math.exp(0.45 * random.nextGaussian())));
                if (random.nextInt(1_000) == 0) {
                    micros *= 40; // a rare stall
                }
                service.recordValue(micros);
                long queued = openLoop && random.nextInt(50) == 0 ? random.nextInt(20_000) : 0;
                response.recordValue(micros + queued);
            }
            long failed = errors.values().stream().mapToLong(Long::longValue).sum() / 2;
            operations.add(new OperationStats(name, count, failed, service, response));
        }
        long total = operations.stream().mapToLong(OperationStats::count).sum();
        List<Second> series = new ArrayList<>();
        List<ResourceSample> resources = new ArrayList<>();
        for (int s = 1; s <= SECONDS; s++) {
            long ops = total / SECONDS + random.nextInt(50) - 25;
            long p50 = Math.round(medianMicros * (0.9 + 0.2 * random.nextDouble()));
            series.add(new Second(s, ops, s == 7 ? 2 : 0, p50, p50 * 4, p50 * 9));
            resources.add(new ResourceSample(
                    s,
                    serverFigures ? 60 + 40 * random.nextDouble() : null,
                    serverFigures ? 180L * 1024 * 1024 + random.nextInt(8 * 1024 * 1024) : null,
                    15 + 10 * random.nextDouble(),
                    64L * 1024 * 1024 + random.nextInt(32 * 1024 * 1024),
                    s % 5 == 0 ? 3 : 0));
        }
        Map<String, String> semantics = new LinkedHashMap<>();
        semantics.put("update", "atomic");
        semantics.put("durability", durability);
        return new StoreRun(
                workload,
                store,
                server,
                placement,
                semantics,
                mode,
                StoreRun.Status.COMPLETE,
                null,
                Instant.parse("2026-12-02T14:35:10Z"),
                SECONDS * 1_000_000_000L,
                operations,
                errors,
                0,
                List.of(),
                series,
                resources,
                total * 12_000L,
                0);
    }
}
