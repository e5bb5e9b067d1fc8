package dev.dbx.app.report;

import dev.dbx.workloads.runner.BenchmarkRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The report as Markdown: the same tables as the HTML page, and in place of its charts the figures they show,
 * summarised in tables. Every value is escaped for Markdown (and for the HTML a Markdown renderer lets through).
 */
public final class MarkdownReport {
    private final StringBuilder md = new StringBuilder(64 * 1024);

    private MarkdownReport() {}

    /** Writes the report for these runs to {@code out} (whole, replacing it if it exists). */
    public static void write(List<BenchmarkRun> runs, Path out) throws IOException {
        ReportFile.write(out, render(runs));
    }

    /** The report for these runs, in the order given. */
    public static String render(List<BenchmarkRun> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to report");
        }
        return new MarkdownReport().document(RunView.of(runs));
    }

    private String document(List<RunView> views) {
        LinkedHashSet<String> workloads = new LinkedHashSet<>();
        views.forEach(v -> workloads.add(v.run().workload()));
        heading(1, "dbx report: " + String.join(", ", workloads));
        paragraph(views.size() + " run(s). Latencies are in milliseconds; response time is measured from each"
                + " operation's intended start. The HTML report (dbx report --format html) draws these figures as"
                + " charts.");
        for (Sweep sweep : Sweep.find(views)) {
            heading(2, "Sweep of " + sweep.key() + ": " + sweep.workload());
            paragraph(sweep.points().size() + " runs of group " + sweep.group() + ", one per value of " + sweep.key()
                    + ".");
            table(sweep.table());
            bullets(sweep.saturationLines());
        }
        for (RunView view : views) {
            heading(2, "Run " + view.title());
            if (view.run().description() != null && !view.run().description().isBlank()) {
                paragraph(view.run().description());
            }
            bullets(RunNotes.of(view));
            List<Table> tables = RunTables.all(view);
            table(tables.getFirst());
            ChartSummaries.of(view).forEach(this::table);
            tables.subList(1, tables.size()).forEach(this::table);
        }
        return md.toString();
    }

    private void heading(int level, String text) {
        md.append("#".repeat(level)).append(' ').append(escape(text)).append("\n\n");
    }

    private void paragraph(String text) {
        md.append(escape(text)).append("\n\n");
    }

    private void bullets(List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        items.forEach(item -> md.append("- ").append(escape(item)).append('\n'));
        md.append('\n');
    }

    private void table(Table table) {
        md.append("**").append(escape(table.title())).append("**\n\n|");
        table.headers().forEach(h -> md.append(' ').append(escape(h)).append(" |"));
        md.append("\n|");
        table.headers().forEach(h -> md.append(" --- |"));
        md.append('\n');
        for (List<String> row : table.rows()) {
            md.append('|');
            row.forEach(cell -> md.append(' ').append(escape(Table.cell(cell))).append(" |"));
            md.append('\n');
        }
        md.append('\n');
    }

    /**
     * Text as Markdown shows it literally: markup characters backslash-escaped, '|' too (it would split a table
     * cell), '<' and '&' as entities (Markdown passes HTML through), line breaks as spaces (a cell is one line).
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r', '\n' -> out.append(' ');
                case '\\', '`', '*', '_', '[', ']', '|', '#', '~' ->
                    out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
