package dev.dbx.runs;

import dev.dbx.workloads.runner.BenchmarkRun;
import dev.dbx.workloads.runner.Second;
import dev.dbx.workloads.runner.StoreRun;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Runs side by side, per store present in any of them: each metric with its ratio to the first run, and whether the
 * difference is real or lies within the runs' own spread ({@link NoiseRule}, on the per-second series). What makes two
 * runs not alike — other workloads, other settings, other servers or durabilities — is listed, since a ratio across
 * them measures the change as much as the store.
 *
 * @param runs the runs in the order given; the first is the baseline
 * @param differences what differs between the runs as a whole (workload, configuration, parameters)
 * @param stores one entry per store, in the order stores first appear
 */
public record RunComparison(List<BenchmarkRun> runs, List<String> differences, List<StoreComparison> stores) {

    /** What is compared, and which way is better. */
    public enum Metric {
        OPS_PER_SEC("ops/s", true),
        P50("p50 ms", false),
        P99("p99 ms", false),
        P999("p99.9 ms", false),
        /** A query suite's: the geometric mean of the hot times of the queries answered correctly. */
        HOT_SCORE("hot score ms", false),
        COLD_SCORE("cold score ms", false);

        /** The metrics of an operation mix's runs (YCSB). */
        static final List<Metric> OPERATIONS = List.of(OPS_PER_SEC, P50, P99, P999);
        /** The metrics of a query suite's runs (TPC-H, search, graph). */
        static final List<Metric> QUERIES = List.of(HOT_SCORE, COLD_SCORE);

        public final String label;
        public final boolean higherIsBetter;

        Metric(String label, boolean higherIsBetter) {
            this.label = label;
            this.higherIsBetter = higherIsBetter;
        }
    }

    public enum Verdict {
        /** The first run: what the others are compared with. */
        BASELINE,
        /** Within the runs' own spread. */
        NOISE,
        BETTER,
        WORSE,
        /** No per-second series to judge by (p99.9, or a run of fewer than two seconds): the ratio alone. */
        UNTESTED,
        /** The store has no figure in this run (absent, failed, or nothing finished), or none in the first. */
        MISSING
    }

    /**
     * One metric of one store in one run.
     *
     * @param value the figure (latencies in ms), or null
     * @param ratio value / the first run's value, or null
     * @param test the noise rule's figures, when it could be applied
     */
    public record Cell(Double value, Double ratio, Verdict verdict, NoiseRule.Test test) {}

    public record Row(Metric metric, List<Cell> cells) {}

    /**
     * @param runs the store's part in each run, or null where it is absent
     * @param notes what differs for this store (server, durability, mode) and which runs did not finish
     */
    public record StoreComparison(String store, List<StoreRun> runs, List<Row> rows, List<String> notes) {}

    public static RunComparison of(List<BenchmarkRun> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("nothing to compare");
        }
        Set<String> storeIds = new LinkedHashSet<>();
        runs.forEach(run -> run.results().forEach(r -> storeIds.add(r.store())));
        List<StoreComparison> stores = new ArrayList<>();
        for (String id : storeIds) {
            List<StoreRun> parts = runs.stream()
                    .map(run -> run.results().stream()
                            .filter(r -> r.store().equals(id))
                            .findFirst()
                            .orElse(null))
                    .toList();
            List<Row> rows = new ArrayList<>();
            boolean queries = parts.stream().anyMatch(r -> r != null && r.queries() != null);
            for (Metric metric : queries ? Metric.QUERIES : Metric.OPERATIONS) {
                rows.add(row(metric, parts));
            }
            stores.add(new StoreComparison(id, parts, rows, notes(parts)));
        }
        return new RunComparison(List.copyOf(runs), differences(runs), stores);
    }

    private static Row row(Metric metric, List<StoreRun> parts) {
        StoreRun base = parts.get(0);
        Double baseValue = value(metric, base);
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            StoreRun part = parts.get(i);
            Double value = value(metric, part);
            if (i == 0 || value == null || baseValue == null) {
                Verdict verdict = i == 0 && value != null ? Verdict.BASELINE : Verdict.MISSING;
                cells.add(new Cell(value, null, verdict, null));
                continue;
            }
            Double ratio = baseValue == 0 ? null : value / baseValue;
            Optional<NoiseRule.Test> test =
                    samples(metric, base).flatMap(a -> samples(metric, part).flatMap(b -> NoiseRule.test(a, b)));
            cells.add(new Cell(value, ratio, verdict(metric, value, baseValue, test), test.orElse(null)));
        }
        return new Row(metric, cells);
    }

    private static Verdict verdict(Metric metric, double value, double baseValue, Optional<NoiseRule.Test> test) {
        if (test.isEmpty()) {
            return Verdict.UNTESTED;
        }
        NoiseRule.Test t = test.get();
        boolean higher = value > baseValue;
        // the whole-run figure and the per-second means must agree on the direction, or it is no clear difference
        if (t.noise() || value == baseValue || higher != t.meanB() > t.meanA()) {
            return Verdict.NOISE;
        }
        return higher == metric.higherIsBetter ? Verdict.BETTER : Verdict.WORSE;
    }

    /** The whole-run figure: ops/s, or a response-time percentile in ms; null when there is none. */
    static Double value(Metric metric, StoreRun run) {
        if (run == null || run.status() == StoreRun.Status.FAILED) {
            return null;
        }
        if (metric == Metric.HOT_SCORE || metric == Metric.COLD_SCORE) {
            return run.queries() == null
                    ? null
                    : metric == Metric.HOT_SCORE
                            ? run.queries().hotScore()
                            : run.queries().coldScore();
        }
        StoreFigures f = StoreFigures.of(run);
        if (metric == Metric.OPS_PER_SEC) {
            return f.opsPerSecond();
        }
        if (f.response() == null) {
            return null;
        }
        return switch (metric) {
            case P50 -> f.response().p50Ms();
            case P99 -> f.response().p99Ms();
            default -> f.response().p999Ms();
        };
    }

    /**
     * The run's own per-second values of a metric, over the whole seconds measured (a last, shorter second would look
     * slow): operations that succeeded per second; the second's p50 or p99 where any finished. p99.9 has no series.
     */
    static Optional<double[]> samples(Metric metric, StoreRun run) {
        Function<Second, Double> perSecond = switch (metric) {
            case OPS_PER_SEC -> s -> (double) (s.operations() - s.errors());
            case P50 -> s -> s.operations() > s.errors() ? StoreFigures.ms(s.p50Micros()) : null;
            case P99 -> s -> s.operations() > s.errors() ? StoreFigures.ms(s.p99Micros()) : null;
            case P999, HOT_SCORE, COLD_SCORE -> s -> null;
        };
        double[] values = run.series().stream()
                .filter(s -> s.second() * 1_000_000_000L <= run.measuredNanos())
                .map(perSecond)
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .toArray();
        return values.length == 0 ? Optional.empty() : Optional.of(values);
    }

    /** Workload, configuration and parameters where the runs do not all agree. */
    private static List<String> differences(List<BenchmarkRun> runs) {
        List<String> differences = new ArrayList<>();
        disagreement("workload", runs, BenchmarkRun::workload).ifPresent(differences::add);
        keyed("config", runs, BenchmarkRun::config, differences);
        keyed("parameter", runs, BenchmarkRun::parameters, differences);
        return differences;
    }

    private static void keyed(
            String what,
            List<BenchmarkRun> runs,
            Function<BenchmarkRun, Map<String, String>> map,
            List<String> differences) {
        Set<String> keys = new TreeSet<>();
        runs.forEach(run -> keys.addAll(map.apply(run).keySet()));
        for (String key : keys) {
            disagreement(what + " " + key, runs, run -> map.apply(run).getOrDefault(key, "(unset)"))
                    .ifPresent(differences::add);
        }
    }

    /** The store's server, durability and mode where they differ between runs; the runs it did not finish. */
    private static List<String> notes(List<StoreRun> parts) {
        List<String> notes = new ArrayList<>();
        if (parts.get(0) == null) {
            notes.add("not in the first run: no ratios");
        }
        disagreement("server", parts, r -> r == null ? null : r.server()).ifPresent(notes::add);
        disagreement("durability", parts, r -> r == null ? null : r.semantics().get("durability"))
                .map(d -> d + " (write throughput is not comparable across durabilities)")
                .ifPresent(notes::add);
        disagreement("mode", parts, r -> r == null ? null : r.mode()).ifPresent(notes::add);
        List<String> absent = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            StoreRun r = parts.get(i);
            if (r == null) {
                absent.add("#" + (i + 1));
            } else if (r.queries() != null && !r.queries().correct()) {
                notes.add("#" + (i + 1) + " answered "
                        + (r.queries().wrong() + r.queries().streamWrong())
                        + " query(ies) wrongly: its score leaves them out");
            } else if (r.wrongAnswers() > 0) {
                notes.add(
                        "#" + (i + 1) + " gave " + r.wrongAnswers() + " wrong answer(s): a failed run, not a fast one");
            } else if (r.status() != StoreRun.Status.COMPLETE) {
                notes.add("#" + (i + 1) + " " + r.status().name().toLowerCase(Locale.ROOT)
                        + (r.reason() == null ? "" : ": " + r.reason()));
            }
        }
        if (parts.get(0) != null && !absent.isEmpty()) {
            notes.add("not in " + String.join(", ", absent));
        }
        return notes;
    }

    /** "what differs: #1 a | #2 b | #3 a" when the values are not all the same (null values are left out). */
    private static <T> Optional<String> disagreement(String what, List<T> items, Function<T, String> value) {
        List<String> values = items.stream().map(value).toList();
        if (values.stream().filter(Objects::nonNull).distinct().count() <= 1) {
            return Optional.empty();
        }
        List<String> labelled = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            labelled.add("#" + (i + 1) + " " + (values.get(i) == null ? "-" : values.get(i)));
        }
        return Optional.of(what + " differs: " + String.join(" | ", labelled));
    }
}
