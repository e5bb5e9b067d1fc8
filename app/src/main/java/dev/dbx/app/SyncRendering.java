package dev.dbx.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbx.lab.Loads;
import dev.dbx.lab.Syncs;
import dev.dbx.sync.batch.IncrementalSync;
import dev.dbx.workloads.load.DatasetLoader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The outcome of dbx sync full and dbx sync incremental, a row per target, as a table or JSON. */
final class SyncRendering {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SyncRendering() {}

    static void table(Syncs.Full full, PrintStream out) {
        out.println("snapshot of " + full.source() + ": " + full.position());
        LoadTable.print(full.outcomes(), out); // errors were shown as each target finished
    }

    static void json(Syncs.Full full, PrintStream out) {
        ObjectNode root = JSON.createObjectNode();
        root.put("source", full.source());
        root.put("position", full.position());
        ArrayNode targets = root.putArray("targets");
        for (Loads.Outcome o : full.outcomes()) {
            ObjectNode t = targets.addObject();
            t.put("store", o.target().storeId());
            t.put("server", o.server());
            DatasetLoader.Result r = o.result();
            if (r != null) {
                t.put("rows", r.totalRows());
                t.put("seconds", r.loadTime().toNanos() / 1e9);
                t.put("indexSeconds", r.indexTime().toNanos() / 1e9);
                t.put("rowsPerSecond", Math.round(r.rowsPerSecond()));
                t.put("method", r.loadMethod());
            }
            t.put("error", o.error());
        }
        write(root, out);
    }

    static void table(List<Syncs.Incremental> outcomes, PrintStream out) {
        TextTable table =
                new TextTable("STORE", "UPSERTS", "DELETES", "TIME", "WATERMARK FROM", "WATERMARK TO", "RESULT");
        for (Syncs.Incremental o : outcomes) {
            IncrementalSync.Result r = o.result();
            table.row(
                    o.target().storeId(),
                    r == null ? null : Format.count(r.upserts()),
                    r == null ? null : Format.count(r.deletes()),
                    r == null ? null : Format.duration(r.time()),
                    r == null ? null : r.from(),
                    r == null ? null : r.to(),
                    o.error() == null ? "ok" : "FAILED");
        }
        table.print(out);
        for (Syncs.Incremental o : outcomes) {
            if (o.result() != null) {
                out.println("  " + o.target().storeId() + ": " + o.result().method() + "; change log rows pruned: "
                        + o.result().pruned());
            }
        }
        errors(
                outcomes.stream()
                        .map(o -> new String[] {o.target().storeId(), o.error()})
                        .toList(),
                out);
    }

    static void json(List<Syncs.Incremental> outcomes, PrintStream out) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode targets = root.putArray("targets");
        for (Syncs.Incremental o : outcomes) {
            ObjectNode t = targets.addObject();
            t.put("store", o.target().storeId());
            IncrementalSync.Result r = o.result();
            if (r != null) {
                t.put("upserts", r.upserts());
                t.put("deletes", r.deletes());
                t.put("seconds", r.time().toNanos() / 1e9);
                t.put("from", r.from());
                t.put("to", r.to());
                t.put("pruned", r.pruned());
                t.put("method", r.method());
            }
            t.put("error", o.error());
        }
        write(root, out);
    }

    private static void errors(List<String[]> storeAndError, PrintStream out) {
        for (String[] e : storeAndError) {
            if (e[1] != null) {
                out.println("  " + e[0] + ": " + e[1]);
            }
        }
    }

    private static void write(ObjectNode root, PrintStream out) {
        try {
            out.println(JSON.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
