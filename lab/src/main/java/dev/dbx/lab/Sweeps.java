package dev.dbx.lab;

import dev.dbx.workloads.runner.BenchmarkRun;
import dev.dbx.workloads.runner.StoreRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a store saturates, from a sweep: throughput against threads (the fewest threads that reach nearly its peak:
 * more add little but queueing), or latency against offered load (the hockey stick: the highest rate it still keeps up
 * with, at a p99 not far from its unloaded one).
 */
public final class Sweeps {
    /**
     * Saturated: at least this share of the sweep's peak throughput. Not "the first step that adds less than x%": one
     * noisy step on a shared machine would then stop the search early, where the curve goes on rising.
     */
    static final double NEAR_PEAK = 0.90;
    /** Keeping up: at least this share of the offered rate done. */
    static final double KEEPS_UP = 0.95;
    /** A p99 this many times the lightest load's is the knee of the stick. */
    static final double KNEE = 10;

    private Sweeps() {}

    /**
     * One store's saturation point, for people.
     *
     * @param point the threads or the rate where it saturates
     * @param opsPerSecond its throughput there
     */
    public record Saturation(String store, String parameter, double point, double opsPerSecond, String summary) {}

    /** Each store's saturation over the runs of one sweep (variants like "threads=8" or "rate=2000"). */
    public static List<Saturation> of(List<BenchmarkRun> sweep) {
        Map<String, List<Point>> byStore = new LinkedHashMap<>();
        String parameter = null;
        for (BenchmarkRun run : sweep) {
            String[] variant = run.variant().split("=", 2);
            if (variant.length != 2) {
                continue;
            }
            parameter = variant[0];
            double value = Double.parseDouble(variant[1]);
            for (StoreRun r : run.results()) {
                if (r.status() != StoreRun.Status.FAILED) {
                    byStore.computeIfAbsent(r.store(), s -> new ArrayList<>())
                            .add(new Point(value, r.opsPerSecond(), r.response().getValueAtPercentile(99) / 1000.0));
                }
            }
        }
        List<Saturation> out = new ArrayList<>();
        for (Map.Entry<String, List<Point>> e : byStore.entrySet()) {
            List<Point> points = e.getValue();
            points.sort((a, b) -> Double.compare(a.value, b.value));
            out.add("rate".equals(parameter) ? byRate(e.getKey(), points) : byThreads(e.getKey(), points));
        }
        return out;
    }

    static Saturation byThreads(String store, List<Point> points) {
        Point peak = points.stream().max((a, b) -> Double.compare(a.ops, b.ops)).orElseThrow();
        Point best = points.stream()
                .filter(p -> p.ops >= peak.ops * NEAR_PEAK)
                .findFirst()
                .orElse(peak);
        return new Saturation(
                store,
                "threads",
                best.value,
                best.ops,
                String.format(
                        Locale.ROOT,
                        "saturates at %.0f thread%s (%,.0f ops/s, p99 %.2f ms); peak %,.0f ops/s at %.0f",
                        best.value,
                        best.value == 1 ? "" : "s",
                        best.ops,
                        best.p99Ms,
                        peak.ops,
                        peak.value));
    }

    static Saturation byRate(String store, List<Point> points) {
        double baseline = points.get(0).p99Ms;
        Point held = null;
        for (Point p : points) {
            if (p.ops >= p.value * KEEPS_UP && p.p99Ms <= Math.max(baseline, 0.001) * KNEE) {
                held = p;
            }
        }
        if (held == null) {
            Point first = points.get(0);
            return new Saturation(
                    store,
                    "rate",
                    0,
                    first.ops,
                    String.format(
                            Locale.ROOT,
                            "keeps up with none of the rates (%,.0f ops/s done at the lowest)",
                            first.ops));
        }
        return new Saturation(
                store,
                "rate",
                held.value,
                held.ops,
                String.format(
                        Locale.ROOT,
                        "keeps up to %,.0f ops/s offered (p99 %.2f ms; %.2f ms at the lightest load)",
                        held.value,
                        held.p99Ms,
                        baseline));
    }

    /** One run of the sweep for one store: the threads or rate, its throughput and p99. */
    record Point(double value, double ops, double p99Ms) {}
}
