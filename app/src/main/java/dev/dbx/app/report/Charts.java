package dev.dbx.app.report;

import dev.dbx.workloads.runner.ResourceSample;
import dev.dbx.workloads.runner.Second;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;

/** The charts of a run and of a sweep, built from the model alone. */
final class Charts {
    /** Points per decade of 1/(1-p) on the percentile axis: 90%, 99%, 99.9% each get ten. */
    private static final int STEPS_PER_DECADE = 10;
    /** The percentile axis ends at 99.99999% (1/(1-p) = 10^7) at most. */
    private static final int MAX_DECADES = 7;
    /** The smallest latency a log axis shows: a recorded 0 µs is drawn at 1 µs. */
    private static final double MIN_MS = 0.001;

    private static final double MIB = 1024.0 * 1024.0;

    private final Palette palette;

    Charts(Palette palette) {
        this.palette = palette;
    }

    /** A run's charts; none when no store was measured. */
    List<Chart> of(RunView view) {
        if (QueryTables.isQueryRun(view)) {
            return queryCharts(view);
        }
        List<StoreSummary> measured = view.measured();
        if (measured.isEmpty()) {
            return List.of();
        }
        List<Chart> charts = new ArrayList<>();
        charts.add(percentiles(measured));
        charts.add(throughput(measured));
        if (measured.stream().anyMatch(s -> !s.run().series().isEmpty())) {
            charts.add(overTime(
                    measured,
                    "Throughput over time",
                    "Operations finished in each second of the measured run, per store (warm-up excluded). A dip"
                            + " is a stall; a steady line is a steady store.",
                    "ops/s",
                    second -> (double) second.operations()));
            charts.add(overTime(
                    measured,
                    "p99 latency over time",
                    "The 99th percentile of response time in each second, per store, in ms: when the slow"
                            + " operations happened.",
                    "p99 ms",
                    second -> second.operations() == 0 ? null : second.p99Micros() / 1_000.0));
        }
        if (measured.stream().anyMatch(s -> !s.run().resources().isEmpty())) {
            charts.add(cpu(measured));
            charts.add(memory(measured));
        }
        return charts;
    }

    /** A sweep's curves: throughput against the swept setting, and p99 against it (the hockey stick for rate). */
    List<Chart> of(Sweep sweep) {
        boolean rate = sweep.offeredRate();
        String xLabel = rate ? "offered rate (ops/s)" : sweep.key();
        String xScale = !rate && sweep.points().stream().allMatch(p -> p.value() > 0) ? "log2" : "linear";
        List<Double> x = sweep.points().stream().map(Sweep.Point::value).toList();
        Chart throughput = new Chart(
                rate ? "Achieved throughput against the offered rate" : "Throughput against " + sweep.key(),
                rate
                        ? "Each store's achieved ops/s at each offered rate of the sweep: it follows the offered"
                                + " rate until the store saturates, then flattens."
                        : "Each store's ops/s at each value of " + sweep.key() + " in the sweep: it rises while the"
                                + " store has room, and flattens (or falls) where it saturates.",
                List.of(),
                new Chart.Plot(
                        "line",
                        xLabel,
                        "ops/s",
                        xScale,
                        "linear",
                        "number",
                        List.of(),
                        x,
                        sweepSeries(sweep, s -> s.run().opsPerSecond())));
        Chart p99 = new Chart(
                rate ? "p99 latency against the offered rate (the hockey stick)" : "p99 latency against " + sweep.key(),
                rate
                        ? "Each store's 99th percentile response time at each offered rate, in ms: flat while the"
                                + " store keeps up, then a sharp rise where it saturates and operations queue."
                        : "Each store's 99th percentile response time at each value of " + sweep.key()
                                + ", in ms: where added load turns into waiting.",
                List.of(),
                new Chart.Plot(
                        "line",
                        xLabel,
                        "p99 ms",
                        xScale,
                        "linear",
                        "number",
                        List.of(),
                        x,
                        sweepSeries(sweep, s -> s.responseMicros(99) / 1_000.0)));
        return List.of(throughput, p99);
    }

    private Chart percentiles(List<StoreSummary> measured) {
        long most = measured.stream()
                .mapToLong(s -> s.response().getTotalCount())
                .max()
                .orElse(1);
        int lastStep = (int)
                Math.min((long) MAX_DECADES * STEPS_PER_DECADE, (long) Math.ceil(Math.log10(most) * STEPS_PER_DECADE));
        List<Double> x = new ArrayList<>();
        for (int step = 0; step <= Math.max(lastStep, STEPS_PER_DECADE); step++) {
            x.add(Math.pow(10, step / (double) STEPS_PER_DECADE));
        }
        List<Chart.Series> series = new ArrayList<>();
        boolean anyService = false;
        for (StoreSummary s : measured) {
            String store = s.run().store();
            series.add(new Chart.Series(store, palette.color(store), false, percentileCurve(s.response(), x)));
            if (s.serviceDiffers()) {
                anyService = true;
                series.add(new Chart.Series(
                        store + " (service)", palette.color(store), true, percentileCurve(s.service(), x)));
            }
        }
        String caption = "Response time (from each operation's intended start) at every percentile, per store, in"
                + " ms on a log scale. The x axis is stretched HdrHistogram style, so 90%, 99%, 99.9% and"
                + " 99.99% each get the same room: the right end is the slowest few operations. Lower is better."
                + (anyService
                        ? " Dashed: service time (from each operation's actual start), where it differs: the gap"
                                + " is time spent waiting behind slower operations."
                        : "");
        return new Chart(
                "Latency by percentile",
                caption,
                List.of(),
                new Chart.Plot("line", "percentile", "ms", "log10", "log10", "percentile", List.of(), x, series));
    }

    /**
     * A histogram's value at each x = 1/(1-p), up to the first x past its own count (beyond it a histogram has no
     * more to say than its maximum).
     */
    private static List<Double> percentileCurve(Histogram h, List<Double> x) {
        List<Double> values = new ArrayList<>();
        boolean past = false;
        for (double xi : x) {
            if (past) {
                values.add(null);
                continue;
            }
            double percentile = 100.0 * (1.0 - 1.0 / xi);
            values.add(Math.max(MIN_MS, h.getValueAtPercentile(percentile) / 1_000.0));
            past = xi >= h.getTotalCount();
        }
        return values;
    }

    /** A query suite's: each query's hot time per store (a dot each, log scale), and each store's scores. */
    private List<Chart> queryCharts(RunView view) {
        List<dev.dbx.workloads.runner.StoreRun> ran = QueryTables.ran(view);
        if (ran.isEmpty()) {
            return List.of();
        }
        List<String> queries = List.copyOf(QueryTables.queryNames(view));
        List<Double> x = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            x.add((double) i);
        }
        List<Chart.Series> perQuery = new ArrayList<>();
        for (dev.dbx.workloads.runner.StoreRun r : ran) {
            List<Double> values = new ArrayList<>();
            for (String q : queries) {
                values.add(r.queries().results().stream()
                        .filter(result -> result.query().equals(q) && Boolean.TRUE.equals(result.correct()))
                        .map(result -> result.hotMs() == null ? result.coldMs() : result.hotMs())
                        .findFirst()
                        .orElse(null));
            }
            perQuery.add(new Chart.Series(r.store(), palette.color(r.store()), false, values));
        }
        List<String> stores =
                ran.stream().map(dev.dbx.workloads.runner.StoreRun::store).toList();
        List<Double> storeX = new ArrayList<>();
        for (int i = 0; i < stores.size(); i++) {
            storeX.add((double) i);
        }
        List<Double> hot = ran.stream().map(r -> r.queries().hotScore()).toList();
        List<Double> cold = ran.stream().map(r -> r.queries().coldScore()).toList();
        return List.of(
                new Chart(
                        "Hot time per query",
                        "Each query's hot time (the fastest run after the first) per store, in ms on a log scale."
                                + " Only answers that were right are drawn: a wrong, failed or n/a query has no dot.",
                        List.of(),
                        new Chart.Plot("points", "query", "ms", "linear", "log10", "category", queries, x, perQuery)),
                new Chart(
                        "Score per store",
                        "The geometric mean of each store's hot and cold times over the queries it answered"
                                + " correctly, in ms (lower is better). Stores that answered different sets of"
                                + " queries are not directly comparable: the table above says which.",
                        List.of(),
                        new Chart.Plot(
                                "points",
                                "store",
                                "ms",
                                "linear",
                                "log10",
                                "category",
                                stores,
                                storeX,
                                List.of(
                                        new Chart.Series("hot", "#4e79a7", false, hot),
                                        new Chart.Series("cold", "#e15759", false, cold)))));
    }

    private Chart throughput(List<StoreSummary> measured) {
        List<String> categories = measured.stream().map(s -> s.run().store()).toList();
        List<Chart.Series> series = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            List<Double> values = new ArrayList<>();
            for (int j = 0; j < measured.size(); j++) {
                values.add(i == j ? measured.get(i).run().opsPerSecond() : null);
            }
            String store = categories.get(i);
            series.add(new Chart.Series(store, palette.color(store), false, values));
        }
        List<Double> x = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            x.add((double) i);
        }
        return new Chart(
                "Throughput per store",
                "Operations finished per second over the whole measured run (all operation kinds, warm-up"
                        + " excluded). Higher is better, if the answers were right and the durability is the same.",
                List.of(),
                new Chart.Plot("bars", "store", "ops/s", "linear", "linear", "category", categories, x, series));
    }

    private Chart overTime(
            List<StoreSummary> measured, String title, String caption, String yLabel, Function<Second, Double> figure) {
        List<Double> x = union(
                measured, s -> s.run().series().stream().map(Second::second).toList());
        List<Chart.Series> series = new ArrayList<>();
        for (StoreSummary s : measured) {
            Map<Long, Double> bySecond = new TreeMap<>();
            s.run().series().forEach(second -> bySecond.put(second.second(), figure.apply(second)));
            String store = s.run().store();
            series.add(new Chart.Series(store, palette.color(store), false, aligned(x, bySecond)));
        }
        return new Chart(
                title,
                caption,
                List.of(),
                new Chart.Plot("line", "second", yLabel, "linear", "linear", "number", List.of(), x, series));
    }

    private Chart cpu(List<StoreSummary> measured) {
        List<Double> x = resourceSeconds(measured);
        List<Chart.Series> series = new ArrayList<>();
        for (StoreSummary s : measured) {
            String store = s.run().store();
            if (s.serverCpu().getCount() > 0) {
                series.add(new Chart.Series(
                        store + " server", palette.color(store), false, resource(x, s, r -> r.serverCpuPercent())));
            }
            series.add(new Chart.Series(
                    store + " dbx", palette.color(store), true, resource(x, s, r -> r.dbxCpuPercent())));
        }
        return new Chart(
                "CPU over time",
                "CPU in percent of one core (200% = two cores busy) in each second, per store's run: solid, the"
                        + " server's process tree (an external server's: as it reports itself, from the source its"
                        + " run's placement names; an embedded store's: the worker threads it starts itself inside"
                        + " dbx's JVM); dashed, dbx's own JVM driving it (an embedded store's work on dbx's threads"
                        + " included). dbx should cost far less than the server it measures.",
                absences(measured),
                new Chart.Plot("line", "second", "CPU %", "linear", "linear", "number", List.of(), x, series));
    }

    private Chart memory(List<StoreSummary> measured) {
        List<Double> x = resourceSeconds(measured);
        List<Chart.Series> series = new ArrayList<>();
        for (StoreSummary s : measured) {
            String store = s.run().store();
            if (s.serverMemoryPeak() != null) {
                series.add(new Chart.Series(
                        store + " server",
                        palette.color(store),
                        false,
                        resource(x, s, r -> r.serverMemoryBytes() == null ? null : r.serverMemoryBytes() / MIB)));
            }
            series.add(new Chart.Series(
                    store + " dbx heap", palette.color(store), true, resource(x, s, r -> r.dbxHeapBytes() / MIB)));
        }
        return new Chart(
                "Memory over time",
                "Memory in MiB in each second, per store's run: solid, the server's process tree (PSS: shared"
                        + " pages divided among the processes sharing them; an external server's: the figure it"
                        + " reports of itself, which its run's placement names); dashed, dbx's heap in use.",
                absences(measured),
                new Chart.Plot("line", "second", "MiB", "linear", "linear", "number", List.of(), x, series));
    }

    private List<Chart.Series> sweepSeries(Sweep sweep, ToDoubleFunction<StoreSummary> figure) {
        List<Chart.Series> series = new ArrayList<>();
        for (String store : sweep.stores()) {
            List<Double> values = new ArrayList<>();
            for (Sweep.Point point : sweep.points()) {
                Optional<StoreSummary> s = Sweep.at(point, store);
                values.add(s.isPresent() ? figure.applyAsDouble(s.get()) : null);
            }
            series.add(new Chart.Series(store, palette.color(store), false, values));
        }
        return series;
    }

    /** Why a store has no server line: said under the chart, not left for the reader to guess. */
    private static List<String> absences(List<StoreSummary> measured) {
        List<String> notes = new ArrayList<>();
        for (StoreSummary s : measured) {
            String absence = s.serverFiguresAbsence();
            if (absence != null) {
                notes.add(s.run().store() + ": no server line, " + absence);
            }
        }
        return notes;
    }

    private static List<Double> resourceSeconds(List<StoreSummary> measured) {
        return union(
                measured,
                s -> s.run().resources().stream().map(ResourceSample::second).toList());
    }

    private static List<Double> resource(List<Double> x, StoreSummary s, Function<ResourceSample, Double> figure) {
        Map<Long, Double> bySecond = new TreeMap<>();
        s.run().resources().forEach(r -> bySecond.put(r.second(), figure.apply(r)));
        return aligned(x, bySecond);
    }

    private static List<Double> union(List<StoreSummary> measured, Function<StoreSummary, List<Long>> seconds) {
        TreeSet<Long> all = new TreeSet<>();
        measured.forEach(s -> all.addAll(seconds.apply(s)));
        return all.stream().map(Long::doubleValue).toList();
    }

    private static List<Double> aligned(List<Double> x, Map<Long, Double> bySecond) {
        List<Double> values = new ArrayList<>();
        x.forEach(second -> values.add(bySecond.get(second.longValue())));
        return values;
    }
}
