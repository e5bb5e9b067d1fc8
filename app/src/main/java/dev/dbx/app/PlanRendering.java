package dev.dbx.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dbx.core.query.PlanNode;
import dev.dbx.core.query.QueryPlan;
import dev.dbx.lab.Plans;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code dbx explain}'s output: the summarised plan as an indented table, or JSON. */
final class PlanRendering {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int CONDITION_WIDTH = 60;

    private PlanRendering() {}

    static void table(Plans.Explained e, PrintStream out) {
        QueryPlan plan = e.plan();
        out.println(e.store() + " (" + e.server() + "), " + ("given".equals(e.workload()) ? "" : e.workload() + " ")
                + e.query() + ": " + plan.method()
                + (plan.totalMs() == null ? "" : String.format(Locale.ROOT, ", %.1f ms", plan.totalMs()))
                + (plan.totalCost() == null ? "" : String.format(Locale.ROOT, ", cost %.1f", plan.totalCost())));
        TextTable table = new TextTable(
                "operator", "relation", "access", "index", "est rows", "rows in", "rows out", "ms", "condition");
        add(table, plan.root(), 0);
        table.print(out);
        String scans = plan.fullScans().stream()
                .map(PlanNode::relation)
                .filter(r -> r != null)
                .distinct()
                .collect(Collectors.joining(", "));
        String indexed = plan.indexAccesses().stream()
                .map(n -> n.relation() + (n.index() == null ? "" : " (" + n.index() + ")"))
                .distinct()
                .collect(Collectors.joining(", "));
        out.println("full scans: " + (scans.isEmpty() ? "none" : scans));
        out.println("through an index: " + (indexed.isEmpty() ? "none" : indexed));
        plan.notes().forEach(n -> out.println("note: " + n));
    }

    private static void add(TextTable table, PlanNode n, int depth) {
        table.row(
                "  ".repeat(depth) + n.operator(),
                n.relation(),
                switch (n.access()) {
                    case INDEX -> "index";
                    case FULL_SCAN -> "FULL SCAN";
                    case OTHER -> "";
                },
                n.index(),
                n.estimatedRows() == null ? null : Format.count(Math.round(n.estimatedRows())),
                n.inputRows() == null ? null : Format.count(n.inputRows()),
                n.rowsOut() == null ? null : Format.count(n.rowsOut()),
                n.timeMs() == null ? null : String.format(Locale.ROOT, "%.2f", n.timeMs()),
                cut(n.condition()));
        for (PlanNode child : n.children()) {
            add(table, child, depth + 1);
        }
    }

    static String cut(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= CONDITION_WIDTH ? flat : flat.substring(0, CONDITION_WIDTH - 3) + "...";
    }

    static void json(Plans.Explained e, PrintStream out) {
        try {
            out.println(JSON.writeValueAsString(e));
        } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
            throw new UncheckedIOException(x);
        }
    }
}
