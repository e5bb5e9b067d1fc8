package dev.dbx.app;

import dev.dbx.core.DbxException;
import dev.dbx.core.store.Store;
import dev.dbx.workloads.load.CountingSource;
import dev.dbx.workloads.load.DatasetLoader;
import dev.dbx.workloads.load.HeapPeak;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Loads a dataset into stores one after the other (so each store's rows/s is its own), with progress. */
final class Loads {
    private Loads() {}

    /** One store's outcome: a result, or why it failed. */
    record Outcome(
            StoreTarget target,
            String server,
            DatasetLoader.Result result,
            Long peakHeapBytes,
            Long liveHeapBytes,
            String error) {}

    static List<Outcome> run(
            Lab lab, List<StoreTarget> targets, DatasetChoice choice, boolean replace, PrintStream out) {
        List<Outcome> outcomes = new ArrayList<>();
        String description = choice.source().description();
        out.println("dbx: loading " + description + " into " + String.join(", ", ids(targets)));
        for (StoreTarget target : targets) {
            outcomes.add(loadOne(lab, target, choice, replace, out));
        }
        return outcomes;
    }

    private static Outcome loadOne(
            Lab lab, StoreTarget target, DatasetChoice choice, boolean replace, PrintStream out) {
        String server = null;
        try (Store store = lab.open(target)) {
            server = store.identity().toString();
            CountingSource source = DatasetLoader.counting(choice.source());
            DatasetLoader.Result result;
            HeapPeak.reset();
            try (LoadProgress progress = new LoadProgress(target.storeId(), source, out)) {
                result = DatasetLoader.load(store, source, replace);
            }
            return new Outcome(target, server, result, HeapPeak.bytes(), HeapPeak.liveBytes(), null);
        } catch (DbxException e) {
            out.println("  ✗ " + target.storeId() + ": " + e.userMessage());
            return new Outcome(target, server, null, null, null, e.userMessage());
        } catch (RuntimeException e) {
            Logging.error("load into " + target.storeId() + " failed", e);
            out.println("  ✗ " + target.storeId() + ": " + Errors.describe(e) + " (details in " + Logging.file() + ")");
            return new Outcome(target, server, null, null, null, Errors.describe(e));
        }
    }

    static void table(List<Outcome> outcomes, PrintStream out) {
        TextTable table = new TextTable(
                "STORE", "SERVER", "ROWS", "LOAD", "ROWS/S", "INDEX", "DBX PEAK HEAP", "DBX LIVE HEAP", "RESULT");
        for (Outcome o : outcomes) {
            DatasetLoader.Result r = o.result();
            table.row(
                    o.target().storeId(),
                    o.server(),
                    r == null ? null : Format.count(r.totalRows()),
                    r == null ? null : Format.duration(r.loadTime()),
                    r == null ? null : Format.count(Math.round(r.rowsPerSecond())),
                    r == null ? null : Format.duration(r.indexTime()),
                    Format.bytes(o.peakHeapBytes()),
                    Format.bytes(o.liveHeapBytes()),
                    o.error() == null ? "ok" : "FAILED");
        }
        table.print(out);
    }

    private static List<String> ids(List<StoreTarget> targets) {
        return targets.stream().map(StoreTarget::storeId).toList();
    }
}
