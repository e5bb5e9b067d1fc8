package dev.dbx.app;

import dev.dbx.runs.RunJson;
import dev.dbx.runs.StoreFigures;
import dev.dbx.workloads.runner.BenchmarkRun;
import dev.dbx.workloads.runner.StoreRun;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One benchmark run as {@code dbx bench} prints it and {@code dbx runs show} prints it again: a row per store (ops/s,
 * response-time percentiles, and service time beneath where it differs; errors, wrong answers, the server's CPU and
 * memory, dbx's CPU per operation, how it ended), then what each store is and how it ran. Or the run as JSON.
 */
final class BenchRendering {
    private BenchRendering() {}

    static void table(BenchmarkRun run, PrintStream out) {
        if (QueryRendering.isQueryRun(run)) {
            QueryRendering.table(run, out);
            return;
        }
        out.println(run.workload() + (run.description() == null ? "" : " (" + run.description() + ")") + " — run "
                + run.id() + (run.variant().isEmpty() ? "" : ", " + run.variant()) + ", started "
                + Format.time(run.started()));
        Map<String, String> settings = new TreeMap<>(run.parameters());
        settings.putAll(run.config());
        if (!settings.isEmpty()) {
            out.println("  settings: "
                    + settings.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(", ")));
        }
        TextTable table = new TextTable(
                "STORE",
                "OPS/S",
                "P50 MS",
                "P95 MS",
                "P99 MS",
                "P99.9 MS",
                "MAX MS",
                "ERRORS",
                "WRONG",
                "SERVER CPU MEAN/PEAK",
                "SERVER MEM PEAK",
                "DBX CPU/OP",
                "STATUS");
        for (StoreRun r : run.results()) {
            StoreFigures f = StoreFigures.of(r);
            boolean ran = r.status() != StoreRun.Status.FAILED;
            List<Object> cells = new ArrayList<>();
            cells.add(r.store());
            cells.add(ran ? BenchFormat.opsPerSecond(f.opsPerSecond()) : null);
            cells.addAll(latencies(f.response()));
            cells.add(ran ? Format.count(r.totalErrors()) : null);
            cells.add(ran ? Format.count(r.wrongAnswers()) : null);
            cells.add(
                    f.serverCpuMeanPercent() == null
                            ? null
                            : BenchFormat.percent(f.serverCpuMeanPercent()) + " / "
                                    + BenchFormat.percent(f.serverCpuPeakPercent()));
            cells.add(Format.bytes(f.serverMemoryPeakBytes()));
            cells.add(ran && r.totalOperations() > 0 ? BenchFormat.micros(f.dbxCpuMicrosPerOperation()) : null);
            cells.add(status(r));
            table.row(cells.toArray());
            if (!latencies(f.service()).equals(latencies(f.response()))) {
                List<Object> service = new ArrayList<>(List.of("  service", ""));
                service.addAll(latencies(f.service()));
                table.row(service.toArray());
            }
        }
        table.print(out);
        for (StoreRun r : run.results()) {
            out.println("  " + r.store() + ": " + String.join("; ", details(r)));
        }
        String wrong = run.results().stream()
                .filter(r -> r.wrongAnswers() > 0)
                .map(r -> r.store() + " " + Format.count(r.wrongAnswers()))
                .collect(Collectors.joining(", "));
        String failed = run.results().stream()
                .filter(r -> status(r).equals("FAILED"))
                .map(StoreRun::store)
                .collect(Collectors.joining(", "));
        if (wrong.isEmpty() && failed.isEmpty()) {
            out.println("every store that ran answered correctly");
        }
        if (!wrong.isEmpty()) {
            out.println("WRONG ANSWERS: " + wrong + " (a wrong answer fails the run)");
        }
        if (!failed.isEmpty()) {
            out.println("FAILED: " + failed + " could not run (why is above)");
        }
        String partial = run.results().stream()
                .filter(r -> r.status() == StoreRun.Status.PARTIAL)
                .map(StoreRun::store)
                .collect(Collectors.joining(", "));
        if (!partial.isEmpty()) {
            out.println("STOPPED EARLY: " + partial + " (why is above; its figures cover only the part that ran)");
        }
    }

    static void json(BenchmarkRun run, PrintStream out) {
        out.println(RunJson.text(RunJson.summary(run)));
    }

    /** p50, p95, p99, p99.9, max, formatted; dashes when nothing finished. */
    private static List<String> latencies(StoreFigures.Latencies l) {
        List<String> cells = new ArrayList<>();
        if (l == null) {
            for (int i = 0; i < 5; i++) {
                cells.add("-");
            }
            return cells;
        }
        for (double ms : new double[] {l.p50Ms(), l.p95Ms(), l.p99Ms(), l.p999Ms(), l.maxMs()}) {
            cells.add(BenchFormat.ms(ms));
        }
        return cells;
    }

    private static String status(StoreRun r) {
        if (r.status() == StoreRun.Status.FAILED) {
            return r.reason() != null && r.reason().startsWith("n/a") ? "n/a" : "FAILED";
        }
        if (r.status() == StoreRun.Status.PARTIAL) {
            return "PARTIAL";
        }
        return r.wrongAnswers() > 0 ? "WRONG" : "ok";
    }

    /** The server, where it ran, the loop, the durability, and what went wrong. */
    private static List<String> details(StoreRun r) {
        List<String> details = new ArrayList<>();
        details.add(r.server() == null ? "server unreachable" : r.server());
        if (r.placement() != null) {
            details.add(r.placement());
        }
        if (r.mode() != null) {
            details.add(r.mode());
        }
        if (r.status() != StoreRun.Status.FAILED) {
            details.add("measured " + Format.seconds(r.measuredNanos()) + ", " + Format.count(r.totalOperations())
                    + " operations");
        }
        String durability = r.semantics().get("durability");
        if (durability != null) {
            details.add("durability: " + durability);
        }
        if (!r.errors().isEmpty()) {
            details.add("errors: "
                    + new TreeMap<>(r.errors())
                            .entrySet().stream()
                                    .map(e -> e.getKey() + " " + Format.count(e.getValue()))
                                    .collect(Collectors.joining(", ")));
        }
        if (r.conflictRetries() > 0) {
            details.add(Format.count(r.conflictRetries()) + " writes re-run after a conflict");
        }
        if (r.reason() != null) {
            details.add(r.reason());
        }
        r.wrongExamples().forEach(e -> details.add("wrong: " + e));
        return details;
    }
}
