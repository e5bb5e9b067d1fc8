package dev.dbx.app;

import dev.dbx.lab.Loads;
import dev.dbx.workloads.load.DatasetLoader;
import java.io.PrintStream;
import java.util.List;

/** The outcome of loads, a row per store. */
final class LoadTable {
    private LoadTable() {}

    static void print(List<Loads.Outcome> outcomes, PrintStream out) {
        TextTable table = new TextTable(
                "STORE", "SERVER", "ROWS", "LOAD", "ROWS/S", "INDEX", "DBX PEAK HEAP", "DBX LIVE HEAP", "RESULT");
        for (Loads.Outcome o : outcomes) {
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
        for (Loads.Outcome o : outcomes) {
            if (o.result() != null) {
                out.println("  " + o.target().storeId() + ": " + o.result().loadMethod());
            }
        }
    }
}
