package dev.dbx.app;

import dev.dbx.runs.NoiseRule;
import dev.dbx.runs.RunComparison;
import dev.dbx.workloads.runner.BenchmarkRun;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code dbx compare}: the runs named (#1 the baseline), what differs between them, then per store a metric per row and
 * a run per column — the figure, its ratio to #1, and whether the difference is real or noise.
 */
final class CompareRendering {
    private CompareRendering() {}

    static void print(RunComparison comparison, PrintStream out) {
        List<BenchmarkRun> runs = comparison.runs();
        TextTable header = new TextTable("#", "RUN", "WORKLOAD", "VARIANT", "STARTED", "REVISION", "CORRECT");
        for (int i = 0; i < runs.size(); i++) {
            BenchmarkRun run = runs.get(i);
            header.row(
                    "#" + (i + 1),
                    run.id(),
                    run.workload(),
                    run.variant().isEmpty() ? null : run.variant(),
                    Format.time(run.started()),
                    run.revision(),
                    run.correct() ? "yes" : "NO");
        }
        header.print(out);
        if (!comparison.differences().isEmpty()) {
            out.println("these runs are not alike: ratios measure the change as much as the stores");
            comparison.differences().forEach(d -> out.println("  " + d));
        }
        for (RunComparison.StoreComparison store : comparison.stores()) {
            out.println();
            out.println(store.store());
            if (store.rows().stream().flatMap(r -> r.cells().stream()).allMatch(c -> c.value() == null)) {
                // no figure in any run: what happened says more than a table of dashes
                store.notes().forEach(note -> out.println("  " + note));
                continue;
            }
            List<String> headers = new ArrayList<>(List.of("METRIC"));
            for (int i = 0; i < runs.size(); i++) {
                headers.add("#" + (i + 1));
            }
            TextTable table = new TextTable(headers.toArray(String[]::new));
            for (RunComparison.Row row : store.rows()) {
                List<Object> cells = new ArrayList<>(List.of(row.metric().label));
                row.cells().forEach(cell -> cells.add(cell(row.metric(), cell)));
                table.row(cells.toArray());
            }
            table.print(out);
            store.notes().forEach(note -> out.println("  " + note));
        }
        out.println();
        out.println("ratios against #1; latencies are response times. " + NoiseRule.DESCRIPTION
                + ". p99.9 has no per-second series: untested.");
    }

    /** "12,345", "12,400 1.00× ≈ noise", "24,000 1.94× better", "-". */
    private static String cell(RunComparison.Metric metric, RunComparison.Cell cell) {
        if (cell.value() == null) {
            return null;
        }
        String value = metric == RunComparison.Metric.OPS_PER_SEC
                ? BenchFormat.opsPerSecond(cell.value())
                : BenchFormat.ms(cell.value());
        if (cell.ratio() == null) {
            return value;
        }
        String mark = switch (cell.verdict()) {
            case NOISE -> " ≈ noise";
            case BETTER -> " better";
            case WORSE -> " worse";
            case UNTESTED -> " untested";
            default -> "";
        };
        return value + " " + BenchFormat.ratio(cell.ratio()) + mark;
    }
}
