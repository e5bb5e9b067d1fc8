package dev.dbx.app.report;

import dev.dbx.app.Format;
import dev.dbx.workloads.runner.Second;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/** What a run's charts show, as tables: for a format without charts (Markdown). */
final class ChartSummaries {
    private static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99};

    private ChartSummaries() {}

    static List<Table> of(RunView view) {
        if (QueryTables.isQueryRun(view)) {
            return List.of(); // its tables already hold every figure its charts draw
        }
        List<StoreSummary> measured = view.measured();
        if (measured.isEmpty()) {
            return List.of();
        }
        List<Table> tables = new ArrayList<>();
        tables.add(percentiles(measured));
        tables.add(overTime(measured));
        tables.add(resources(measured));
        return tables.stream().filter(t -> !t.isEmpty()).toList();
    }

    /** The latency percentile curves at their landmarks: response time, and service time where it differs. */
    static Table percentiles(List<StoreSummary> measured) {
        Table table = new Table(
                "latency-percentiles",
                "Latency by percentile (ms): the percentile curves at their landmarks",
                "store",
                "time",
                "p50",
                "p90",
                "p99",
                "p99.9",
                "p99.99",
                "max");
        for (StoreSummary s : measured) {
            table.row(percentileRow(s.run().store(), "response", s.response()));
            if (s.serviceDiffers()) {
                table.row(percentileRow(s.run().store(), "service", s.service()));
            }
        }
        return table;
    }

    /** The per-second series in a few figures: how steady throughput was, and when the worst p99 came. */
    static Table overTime(List<StoreSummary> measured) {
        Table table = new Table(
                "over-time",
                "Over time: throughput and p99 second by second",
                "store",
                "seconds",
                "ops/s per second min / median / max",
                "worst p99 ms (second)",
                "seconds with errors");
        for (StoreSummary s : measured) {
            if (s.run().series().isEmpty()) {
                continue;
            }
            var throughput = s.throughputPerSecond();
            Second worst = s.worstP99Second();
            table.row(
                    s.run().store(),
                    Numbers.count(s.run().series().size()),
                    Numbers.count((long) throughput.getMin()) + " / " + Numbers.rate(s.medianThroughputPerSecond())
                            + " / " + Numbers.count((long) throughput.getMax()),
                    Numbers.ms(worst.p99Micros()) + " (" + worst.second() + ")",
                    Numbers.count(s.secondsWithErrors()));
        }
        return table;
    }

    /** The CPU and memory curves in a few figures, with why a server's are missing. */
    static Table resources(List<StoreSummary> measured) {
        Table table = new Table(
                "resources",
                "Resources over the run: the server's process tree and dbx's own JVM",
                "store",
                "server CPU mean / peak",
                "server memory peak",
                "dbx CPU mean / peak",
                "dbx heap peak",
                "dbx GC");
        for (StoreSummary s : measured) {
            if (s.run().resources().isEmpty()) {
                continue;
            }
            String absence = s.serverFiguresAbsence();
            Long memory = s.serverMemoryPeak();
            table.row(
                    s.run().store(),
                    s.serverCpu().getCount() > 0 ? Numbers.meanAndPeak(s.serverCpu()) : absence,
                    memory != null ? Format.bytes(memory) : absence,
                    Numbers.meanAndPeak(s.dbxCpu()),
                    Format.bytes(s.dbxHeapPeak()),
                    Numbers.count(s.dbxGcMillis()) + " ms");
        }
        return table;
    }

    private static String[] percentileRow(String store, String time, Histogram h) {
        List<String> row = new ArrayList<>(List.of(store, time));
        for (double p : PERCENTILES) {
            row.add(Numbers.ms(h.getValueAtPercentile(p)));
        }
        row.add(Numbers.ms(h.getMaxValue()));
        return row.toArray(String[]::new);
    }
}
