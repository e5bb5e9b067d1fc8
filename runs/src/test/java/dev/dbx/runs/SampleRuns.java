package dev.dbx.runs;

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
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * Benchmark runs made up for tests, measured as the runner measures: real HdrHistograms (microseconds, 3 digits),
 * a per-second series whose counts and percentiles come from the same recorded latencies, and resource samples.
 * Deterministic for a seed. Shared with app's tests (test-jar).
 */
public final class SampleRuns {
    public static final Instant STARTED = Instant.parse("2026-12-02T14:35:01.123456Z");

    private SampleRuns() {}

    /** A run of ycsb-a-like settings on the given stores. */
    public static BenchmarkRun run(String id, String workload, Instant started, StoreRun... results) {
        return run(id, id, "", workload, started, Map.of("threads", "8", "duration", "PT30S"), results);
    }

    public static BenchmarkRun run(
            String id,
            String group,
            String variant,
            String workload,
            Instant started,
            Map<String, String> config,
            StoreRun... results) {
        return new BenchmarkRun(
                id,
                group,
                variant,
                workload,
                "50% read, 50% update, zipfian",
                Map.of("records", "1000", "fieldLength", "100"),
                config,
                Map.of("cores", "2", "os", "Linux 6.1", "jdk", "25"),
                "abc1234+dirty",
                started,
                List.of(results));
    }

    /** A store's run with these operations per second (reads and updates half each), by default a closed loop. */
    public static Store store(String store, long... opsPerSecond) {
        return new Store(store, opsPerSecond);
    }

    /** What a store's run is made of; {@link #build} measures it. */
    public static final class Store {
        private final String store;
        private final long[] opsPerSecond;
        private String server;
        private String placement = "local engine; server figures: its process tree";
        private final Map<String, String> semantics = new LinkedHashMap<>();
        private String mode = "closed loop (each thread starts its next operation when the last one ends)";
        private long queueMicros;
        private long errorsInFirstSecond;
        private long wrongAnswers;
        private boolean serverSampled = true;
        private long seed = 42;

        Store(String store, long[] opsPerSecond) {
            this.store = store;
            this.opsPerSecond = opsPerSecond;
            this.server = store + " 1.0";
            semantics.put("update", "atomic");
            semantics.put("durability", "fsync at commit");
        }

        public Store server(String server) {
            this.server = server;
            return this;
        }

        public Store durability(String durability) {
            semantics.put("durability", durability);
            return this;
        }

        /** An open loop whose operations waited this long behind the ones before them: response > service. */
        public Store openLoop(long queueMicros) {
            this.mode = "open loop, 1,000 ops/s, poisson arrivals";
            this.queueMicros = queueMicros;
            return this;
        }

        public Store errors(long inFirstSecond) {
            this.errorsInFirstSecond = inFirstSecond;
            return this;
        }

        public Store wrongAnswers(long wrong) {
            this.wrongAnswers = wrong;
            return this;
        }

        /** Embedded in dbx's JVM: no server figures of its own. */
        public Store embedded() {
            this.placement = "embedded in dbx's JVM; server figures: none (see dbx's own)";
            this.serverSampled = false;
            return this;
        }

        public Store seed(long seed) {
            this.seed = seed;
            return this;
        }

        public StoreRun build(String workload) {
            SplittableRandom random = new SplittableRandom(seed);
            String[] names = {"read", "update"};
            Histogram[] service = new Histogram[names.length];
            Histogram[] response = new Histogram[names.length];
            long[] counts = new long[names.length];
            for (int i = 0; i < names.length; i++) {
                service[i] = histogram();
                response[i] = histogram();
            }
            List<Second> series = new ArrayList<>();
            List<ResourceSample> resources = new ArrayList<>();
            for (int s = 0; s < opsPerSecond.length; s++) {
                long ops = opsPerSecond[s];
                Histogram second = histogram();
                // a closed loop of 8 threads: the faster the store, the shorter each operation
                long typical = 8_000_000 / Math.max(1, ops);
                for (long n = 0; n < ops; n++) {
                    int op = (int) (n % names.length);
                    long micros = typical / 2 + random.nextLong(typical + 1);
                    long waited = queueMicros == 0 ? 0 : random.nextLong(queueMicros + 1);
                    service[op].recordValue(micros);
                    response[op].recordValue(micros + waited);
                    second.recordValue(micros + waited);
                    counts[op]++;
                }
                long errors = s == 0 ? errorsInFirstSecond : 0;
                series.add(new Second(
                        s + 1,
                        ops + errors,
                        errors,
                        second.getValueAtPercentile(50),
                        second.getValueAtPercentile(99),
                        second.getMaxValue()));
                resources.add(new ResourceSample(
                        s + 1,
                        serverSampled ? 40.0 + random.nextInt(100) / 4.0 : null,
                        serverSampled ? 100_000_000L + random.nextInt(1_000_000) : null,
                        25.5 + s,
                        50_000_000L + s,
                        s % 3));
            }
            List<OperationStats> operations = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                long errors = i == 1 ? errorsInFirstSecond : 0;
                operations.add(new OperationStats(names[i], counts[i], errors, service[i], response[i]));
            }
            Map<String, Long> errors =
                    errorsInFirstSecond == 0 ? Map.of() : Map.of("SocketTimeoutException", errorsInFirstSecond);
            List<String> examples = wrongAnswers == 0 ? List.of() : List.of("read: user42 field3 holds version 7");
            return new StoreRun(
                    workload,
                    store,
                    server,
                    placement,
                    semantics,
                    mode,
                    StoreRun.Status.COMPLETE,
                    wrongAnswers == 0 ? null : wrongAnswers + " wrong answer(s)",
                    STARTED.plusMillis(seed),
                    opsPerSecond.length * 1_000_000_000L + 1_234_567,
                    operations,
                    errors,
                    wrongAnswers,
                    examples,
                    series,
                    resources,
                    3_000_000_000L,
                    7);
        }

        private static Histogram histogram() {
            return new Histogram(3_600_000_000L, 3);
        }
    }

    /** Seconds of a steady rate with a small wobble (±spread), deterministic for a seed. */
    public static long[] steady(int seconds, long mean, long spread, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] ops = new long[seconds];
        for (int i = 0; i < seconds; i++) {
            ops[i] = mean - spread + random.nextLong(2 * spread + 1);
        }
        return ops;
    }
}
