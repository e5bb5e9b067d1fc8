package dev.dbx.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dbx.core.query.BuiltIndex;
import dev.dbx.core.query.IndexProposal;
import dev.dbx.lab.IndexAdvice;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code dbx advise}'s output: proposals, and with apply the measurements before and after; or JSON. */
final class AdviceRendering {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AdviceRendering() {}

    static void text(IndexAdvice.Report r, PrintStream out) {
        if (r.mode().equals("revert")) {
            out.println(r.store() + " (" + r.server() + "): "
                    + (r.reverted().isEmpty()
                            ? "dbx had added no index; nothing dropped"
                            : "dropped " + String.join(", ", r.reverted())));
            return;
        }
        out.println(r.store() + " (" + r.server() + "): index advice for " + r.workload()
                + (r.mode().equals("advise") ? " (nothing changed; --apply builds them)" : ""));
        if (!r.existing().isEmpty()) {
            out.println("already added by dbx: "
                    + r.existing().stream().map(BuiltIndex::name).collect(Collectors.joining(", "))
                    + " (dbx advise --revert drops them)");
        }
        if (!r.skipped().isEmpty()) {
            out.println(r.skipped().size() + " queries skipped:");
            r.skipped().forEach(s -> out.println("  - " + s));
        }
        if (r.proposals().isEmpty()) {
            out.println("no index proposed: no full scan in these plans that a single-column index would serve with"
                    + " a gain the planner sees");
            return;
        }
        for (IndexProposal p : r.proposals()) {
            out.println();
            out.println(p.ddl());
            out.println("  why: " + p.reason());
            TextTable estimates = new TextTable("query", "before", "with it", "unit", "planner uses it", "gain");
            for (IndexProposal.Estimate e : p.estimates()) {
                estimates.row(
                        e.query(),
                        number(e.before()),
                        number(e.after()),
                        e.unit(),
                        e.usesIndex() ? "yes" : "no",
                        e.usesIndex() ? String.format(Locale.ROOT, "%.1fx", e.speedup()) : "");
            }
            indented(estimates, out);
            out.println("  estimated by: " + p.estimateMethod());
        }
        if (!r.mode().equals("apply")) {
            return;
        }
        out.println();
        out.println("built:");
        TextTable built = new TextTable("index", "table", "size", "build ms");
        r.built()
                .forEach(b -> built.row(
                        b.name(),
                        b.table(),
                        b.sizeBytes() == null ? null : Format.bytes(b.sizeBytes()),
                        b.buildMs() == null ? null : String.format(Locale.ROOT, "%.0f", b.buildMs())));
        indented(built, out);
        out.println("queries before and after (" + r.timing() + "):");
        TextTable times =
                new TextTable("query", "before ms", "after ms", "speedup", "answers", "plan before", "plan after");
        for (IndexAdvice.QueryTime t : r.times()) {
            times.row(
                    t.query(),
                    number(t.beforeMs()),
                    number(t.afterMs()),
                    t.beforeMs() == null || t.afterMs() == null || t.afterMs() == 0
                            ? null
                            : String.format(Locale.ROOT, "%.2fx", t.beforeMs() / t.afterMs()),
                    t.correct() == null ? "unchecked" : t.correct() ? "right" : "WRONG",
                    t.accessBefore(),
                    t.accessAfter());
        }
        indented(times, out);
        out.println("writes before and after (" + IndexAdviceText.WRITES + "):");
        TextTable writes = new TextTable("table", "insert ms before", "after", "delete ms before", "after");
        for (IndexAdvice.WriteComparison w : r.writes()) {
            if (w.unavailable() != null) {
                writes.row(w.table(), "n/a: " + w.unavailable(), "", "", "");
            } else {
                writes.row(
                        w.table(),
                        number(w.before().insertMs()),
                        number(w.after().insertMs()),
                        number(w.before().deleteMs()),
                        number(w.after().deleteMs()));
            }
        }
        indented(writes, out);
        out.println("undo with: dbx advise --store " + r.store() + " --revert");
    }

    /** Words for the write workload. */
    static final class IndexAdviceText {
        static final String WRITES =
                "1000 existing rows copied under new keys, then deleted one by one by key, rolled back; fastest of 3";

        private IndexAdviceText() {}
    }

    private static String number(Double v) {
        if (v == null) {
            return null;
        }
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static void indented(TextTable table, PrintStream out) {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        table.print(new PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8));
        buffer.toString(java.nio.charset.StandardCharsets.UTF_8).lines().forEach(line -> out.println("  " + line));
    }

    static void json(IndexAdvice.Report r, PrintStream out) {
        try {
            out.println(JSON.writeValueAsString(r));
        } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
            throw new UncheckedIOException(x);
        }
    }
}
