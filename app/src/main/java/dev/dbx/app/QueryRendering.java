package dev.dbx.app;

import dev.dbx.workloads.query.QueryFigures;
import dev.dbx.workloads.query.QueryResult;
import dev.dbx.workloads.runner.BenchmarkRun;
import dev.dbx.workloads.runner.StoreRun;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A query suite's run as {@code dbx bench tpch} (search, graph) prints it: a row per query and a column per store, each
 * cell the hot time (cold beneath it) marked right, WRONG or n/a; the scores; then per store what it is, what "cold"
 * meant there, and every wrong answer's first difference.
 */
final class QueryRendering {
    private QueryRendering() {}

    /** Whether the run is a query suite's (some store has query figures). */
    static boolean isQueryRun(BenchmarkRun run) {
        return dev.dbx.lab.QuerySuites.NAMES.contains(run.workload())
                || run.results().stream().anyMatch(r -> r.queries() != null);
    }

    static void table(BenchmarkRun run, PrintStream out) {
        out.println(run.workload() + (run.description() == null ? "" : " (" + run.description() + ")") + " — run "
                + run.id() + ", started " + Format.time(run.started()));
        Map<String, String> settings = new TreeMap<>(run.parameters());
        settings.putAll(run.config());
        out.println("  settings: "
                + settings.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ")));
        List<StoreRun> ran =
                run.results().stream().filter(r -> r.queries() != null).toList();
        Set<String> queries = new LinkedHashSet<>();
        ran.forEach(r -> r.queries().results().forEach(q -> queries.add(q.query())));
        List<String> headers = new ArrayList<>(List.of("QUERY"));
        ran.forEach(r -> headers.add(r.store().toUpperCase(Locale.ROOT) + " HOT/COLD MS"));
        TextTable table = new TextTable(headers.toArray(String[]::new));
        for (String query : queries) {
            List<Object> cells = new ArrayList<>(List.of(query));
            for (StoreRun r : ran) {
                cells.add(r.queries().results().stream()
                        .filter(q -> q.query().equals(query))
                        .findFirst()
                        .map(QueryRendering::cell)
                        .orElse(""));
            }
            table.row(cells.toArray());
        }
        List<Object> hot = new ArrayList<>(List.of("score hot (geomean)"));
        List<Object> cold = new ArrayList<>(List.of("score cold (geomean)"));
        List<Object> right = new ArrayList<>(List.of("right / wrong / n/a"));
        for (StoreRun r : ran) {
            QueryFigures f = r.queries();
            hot.add(BenchFormat.ms(f.hotScore()));
            cold.add(BenchFormat.ms(f.coldScore()));
            right.add(f.correctCount() + " / " + f.wrong() + " / " + f.notApplicable());
        }
        table.row(hot.toArray());
        table.row(cold.toArray());
        table.row(right.toArray());
        if (ran.stream().anyMatch(r -> r.queries().streams() > 1)) {
            List<Object> qph = new ArrayList<>(List.of("throughput (queries/h)"));
            for (StoreRun r : ran) {
                Double perHour = r.queries().queriesPerHour();
                qph.add(
                        perHour == null
                                ? "-"
                                : String.format(
                                                Locale.ROOT,
                                                "%,.0f (%d streams)",
                                                perHour,
                                                r.queries().streams())
                                        + (r.queries().streamWrong() > 0
                                                ? " " + r.queries().streamWrong() + " WRONG"
                                                : ""));
            }
            table.row(qph.toArray());
        }
        if (!ran.isEmpty()) {
            table.print(out);
        }
        String runs = run.config().getOrDefault("runs", "3");
        out.println("  hot: "
                + (runs.equals("2") ? "run 2" : runs.equals("1") ? "none (one run)" : "the fastest of runs 2.." + runs)
                + "; cold: the first run; scores over each store's correct queries only (they differ when the sets"
                + " differ)");
        for (StoreRun r : run.results()) {
            out.println("  " + r.store() + ": " + String.join("; ", details(r)));
            if (r.queries() != null) {
                for (QueryResult q : r.queries().results()) {
                    if (Boolean.FALSE.equals(q.correct())) {
                        out.println("    WRONG " + q.query() + ": " + q.reason());
                    }
                }
            }
        }
        long wrong = ran.stream()
                .mapToLong(r -> r.queries().wrong() + r.queries().streamWrong())
                .sum();
        String failed = run.results().stream()
                .filter(r -> r.status() == StoreRun.Status.FAILED
                        && (r.reason() == null || !r.reason().startsWith("n/a")))
                .map(StoreRun::store)
                .collect(Collectors.joining(", "));
        if (wrong == 0 && failed.isEmpty()) {
            out.println("every query that ran was answered correctly");
        }
        if (wrong > 0) {
            out.println(
                    "WRONG ANSWERS: " + wrong + " (a wrong answer or a failure fails its query, whatever its time)");
        }
        if (!failed.isEmpty()) {
            out.println("FAILED: " + failed + " could not run (why is above)");
        }
    }

    private static String cell(QueryResult q) {
        if (!q.ran()) {
            return q.reason() != null && q.reason().startsWith("n/a") ? "n/a" : "FAILED";
        }
        String times = (q.hotMs() == null ? "-" : BenchFormat.ms(q.hotMs())) + " / " + BenchFormat.ms(q.coldMs());
        if (Boolean.FALSE.equals(q.correct())) {
            return times + " WRONG";
        }
        return Boolean.TRUE.equals(q.correct()) ? times + " ✓" : times + " ?";
    }

    private static List<String> details(StoreRun r) {
        List<String> details = new ArrayList<>();
        details.add(r.server() == null ? "server unreachable" : r.server());
        if (r.placement() != null) {
            details.add(r.placement());
        }
        if (r.queries() != null) {
            QueryFigures f = r.queries();
            if (!f.coldStart().dropped().isEmpty()) {
                details.add(
                        "cold after dropping " + String.join(", ", f.coldStart().dropped()));
            }
            if (!f.coldStart().kept().isEmpty()) {
                details.add("not dropped: " + String.join(", ", f.coldStart().kept()));
            }
            String na = f.results().stream()
                    .filter(q -> !q.ran() && q.reason() != null && q.reason().startsWith("n/a"))
                    .map(q -> q.query())
                    .collect(Collectors.joining(","));
            if (!na.isEmpty()) {
                details.add("n/a: " + na + " (dbx runs show --json has each reason)");
            }
            f.results().stream()
                    .filter(q -> q.ran() && q.correct() == null && q.reason() != null)
                    .findFirst()
                    .ifPresent(q -> details.add("unchecked: " + q.reason()));
        }
        if (r.reason() != null) {
            details.add(r.reason());
        }
        return details;
    }
}
