package dev.dbx.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbx.runs.RunJson;
import dev.dbx.runs.RunSummary;
import dev.dbx.workloads.runner.StoreRun;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** {@code dbx runs}: the stored runs, newest first, as a table (for people) or JSON (for scripts). */
final class RunsRendering {
    private RunsRendering() {}

    static void table(List<RunSummary> runs, Path file, PrintStream out) {
        if (runs.isEmpty()) {
            out.println("no runs yet in " + file + " (dbx bench stores every run it measures)");
            return;
        }
        TextTable table =
                new TextTable("ID", "STARTED", "WORKLOAD", "VARIANT", "CORRECT", "OPS/S (OR QUERY SCORE) BY STORE");
        for (RunSummary run : runs) {
            table.row(
                    run.id(),
                    Format.time(run.started()),
                    run.workload(),
                    run.variant().isEmpty() ? null : run.variant(),
                    run.correct() ? "yes" : "NO",
                    run.stores().stream().map(RunsRendering::brief).collect(Collectors.joining(", ")));
        }
        table.print(out);
        out.println(runs.size() + " run(s) in " + file + "; dbx runs show ID prints one (an id's start is enough)");
    }

    /** "redis 45,678", "neo4j n/a", "postgres 1,234 (partial)", "mongo 900 (wrong)". */
    private static String brief(RunSummary.Store s) {
        if (s.status() == StoreRun.Status.FAILED) {
            return s.store() + (s.reason() != null && s.reason().startsWith("n/a") ? " n/a" : " failed");
        }
        String ops = s.hotScoreMs() != null
                ? s.store() + " " + BenchFormat.ms(s.hotScoreMs()) + " ms"
                : s.store() + " " + BenchFormat.opsPerSecond(s.opsPerSecond());
        if (s.status() == StoreRun.Status.PARTIAL) {
            ops += " (partial)";
        }
        return s.correct() ? ops : ops + " (wrong)";
    }

    /** {"runs": [{"id", "group", "variant", "workload", "started", "correct", "stores": [{"store", ...}]}]} */
    static void json(List<RunSummary> runs, PrintStream out) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode array = root.putArray("runs");
        for (RunSummary run : runs) {
            ObjectNode node = array.addObject();
            node.put("id", run.id());
            node.put("group", run.group());
            node.put("variant", run.variant());
            node.put("workload", run.workload());
            node.put("started", run.started().toString());
            node.put("correct", run.correct());
            ArrayNode stores = node.putArray("stores");
            for (RunSummary.Store s : run.stores()) {
                ObjectNode store = stores.addObject();
                store.put("store", s.store());
                store.put("status", s.status().name());
                store.put("opsPerSec", s.opsPerSecond());
                store.put("hotScoreMs", s.hotScoreMs());
                store.put("correct", s.correct());
                store.put("reason", s.reason());
            }
        }
        out.println(RunJson.text(root));
    }
}
