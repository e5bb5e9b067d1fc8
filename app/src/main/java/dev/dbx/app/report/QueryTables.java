package dev.dbx.app.report;

import dev.dbx.workloads.query.QueryFigures;
import dev.dbx.workloads.query.QueryResult;
import dev.dbx.workloads.runner.StoreRun;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The tables of a query suite's run (TPC-H, search, graph), in every format. */
final class QueryTables {
    private QueryTables() {}

    static boolean isQueryRun(RunView view) {
        return view.run().results().stream().anyMatch(r -> r.queries() != null);
    }

    static List<Table> all(RunView view) {
        List<Table> tables = new ArrayList<>();
        tables.add(scores(view));
        tables.add(queries(view));
        tables.add(wrong(view));
        tables.add(coldStarts(view));
        tables.add(RunTables.settings(view.run()));
        return tables.stream().filter(t -> !t.isEmpty()).toList();
    }

    static List<StoreRun> ran(RunView view) {
        return view.run().results().stream().filter(r -> r.queries() != null).toList();
    }

    static Set<String> queryNames(RunView view) {
        Set<String> names = new LinkedHashSet<>();
        ran(view).forEach(r -> r.queries().results().forEach(q -> names.add(q.query())));
        return names;
    }

    /** Per store: its server, how many queries were right, wrong, n/a, and its scores. */
    static Table scores(RunView view) {
        Table table = new Table(
                "query-scores",
                "Scores: the geometric mean of each store's times over the queries it answered correctly, in ms (lower"
                        + " is better; compare stores over the same queries)",
                "store",
                "server",
                "right",
                "wrong",
                "n/a",
                "hot score",
                "cold score",
                "throughput (queries/h)",
                "status");
        for (StoreRun r : view.run().results()) {
            QueryFigures f = r.queries();
            table.row(
                    r.store(),
                    r.server(),
                    f == null ? null : Long.toString(f.correctCount()),
                    f == null ? null : Long.toString(f.wrong()),
                    f == null ? null : Long.toString(f.notApplicable()),
                    f == null ? null : Numbers.ms(f.hotScore()),
                    f == null ? null : Numbers.ms(f.coldScore()),
                    f == null || f.queriesPerHour() == null
                            ? null
                            : String.format(Locale.ROOT, "%,.0f (%d streams)", f.queriesPerHour(), f.streams()),
                    r.status() == StoreRun.Status.FAILED
                            ? (r.reason() == null ? "FAILED" : r.reason())
                            : (f != null && !f.correct() ? "WRONG" : "ok"));
        }
        return table;
    }

    /** A row per query, a column per store: hot / cold ms and the verdict. */
    static Table queries(RunView view) {
        List<StoreRun> ran = ran(view);
        List<String> headers = new ArrayList<>(List.of("query"));
        ran.forEach(r -> headers.add(r.store() + " hot / cold"));
        Table table = new Table(
                "queries",
                "Each query's hot time (fastest of the runs after the first) / cold time (the first run), in ms; ✓"
                        + " right, ✗ wrong or failed, n/a cannot be expressed",
                headers.toArray(String[]::new));
        for (String name : queryNames(view)) {
            List<String> cells = new ArrayList<>(List.of(name));
            for (StoreRun r : ran) {
                cells.add(r.queries().results().stream()
                        .filter(q -> q.query().equals(name))
                        .findFirst()
                        .map(QueryTables::cell)
                        .orElse(null));
            }
            table.row(cells.toArray(String[]::new));
        }
        return table;
    }

    /** Every wrong answer or failure, with the first difference. */
    static Table wrong(RunView view) {
        Table table = new Table("query-wrong", "Wrong answers and failures", "store", "query", "what was wrong");
        for (StoreRun r : ran(view)) {
            for (QueryResult q : r.queries().results()) {
                if (Boolean.FALSE.equals(q.correct())) {
                    table.row(r.store(), q.query(), q.reason());
                }
            }
        }
        return table;
    }

    /** What "cold" meant on each store, and why some queries are n/a. */
    static Table coldStarts(RunView view) {
        Table table = new Table(
                "query-notes",
                "What cold meant, and what could not run",
                "store",
                "dropped before each cold run",
                "not dropped",
                "n/a");
        for (StoreRun r : ran(view)) {
            QueryFigures f = r.queries();
            List<String> na = f.results().stream()
                    .filter(q -> !q.ran() && q.reason() != null && q.reason().startsWith("n/a"))
                    .map(q -> q.query() + " (" + q.reason() + ")")
                    .toList();
            table.row(
                    r.store(),
                    String.join("; ", f.coldStart().dropped()),
                    String.join("; ", f.coldStart().kept()),
                    String.join("; ", na));
        }
        return table;
    }

    private static String cell(QueryResult q) {
        if (!q.ran()) {
            return q.reason() != null && q.reason().startsWith("n/a") ? "n/a" : "✗ failed";
        }
        String mark = Boolean.TRUE.equals(q.correct()) ? " ✓" : Boolean.FALSE.equals(q.correct()) ? " ✗" : "";
        return (q.hotMs() == null ? "–" : Numbers.ms(q.hotMs())) + " / " + Numbers.ms(q.coldMs()) + mark;
    }
}
