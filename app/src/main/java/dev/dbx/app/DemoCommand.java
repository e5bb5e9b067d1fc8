package dev.dbx.app;

import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.dataset.YcsbSchema;
import dev.dbx.core.store.Store;
import dev.dbx.engine.EngineStatus;
import dev.dbx.sync.verify.VerifyReport;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "dbx's main job, end to end, on local engines.",
            "Starts every local engine, writes and reads back one record in every store through its official",
            "client, loads TPC-H and the YCSB usertable into every store (replacing them where loaded), proves with",
            "dbx verify that all stores hold the same data, prints the status table, and stops the engines it",
            "started."
        })
final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    Dbx dbx;

    @Option(names = "--scale", paramLabel = "SF", description = "TPC-H scale factor (default: 0.01).")
    double scale = DatasetChoice.DEFAULT_SCALE;

    @Option(names = "--records", paramLabel = "N", description = "YCSB records (default: 10000).")
    long records = DatasetChoice.DEFAULT_RECORDS;

    @Option(names = "--keep", description = "Leave the engines running afterwards.")
    boolean keep;

    @Override
    public Integer call() {
        Lab lab = dbx.lab();
        PrintStream out = System.out;
        boolean ok = true;
        long t0 = System.nanoTime();

        step(out, "1/6 starting every local engine");
        Set<String> all = lab.select(null);
        UpCommand.Result up = UpCommand.start(lab, all, false, out);
        ok &= !up.failed();
        List<String> startedNow = up.startedNow();
        try {
            List<StoreTarget> targets = StoreSelection.resolve(lab, null, out);

            step(out, "2/6 one record written and read back in every store, through its official client");
            ok &= roundTrips(lab, targets, out);

            step(out, "3/6 loading TPC-H SF " + scale + " into every store");
            List<Loads.Outcome> tpch = Loads.run(lab, targets, DatasetChoice.of("tpch", scale, null), true, out);
            Loads.table(tpch, out);
            ok &= tpch.stream().allMatch(o -> o.error() == null);

            step(out, "4/6 loading the YCSB usertable (" + Format.count(records) + " records) into every store");
            List<Loads.Outcome> ycsb = Loads.run(lab, targets, DatasetChoice.of("ycsb", null, records), true, out);
            Loads.table(ycsb, out);
            ok &= ycsb.stream().allMatch(o -> o.error() == null);

            step(out, "5/6 dbx verify: the same data everywhere?");
            List<VerifyReport> reports = Verifications.run(lab, targets, null, null);
            Verifications.table(reports, out);
            ok &= Verifications.equal(reports);

            step(out, "6/6 dbx status");
            List<EngineStatus> statuses = new LabStatus(lab).collect(all);
            StatusReport.table(statuses, out);
        } finally {
            if (!keep && !startedNow.isEmpty()) {
                out.println();
                out.println("dbx: stopping the engines the demo started: " + String.join(", ", startedNow));
                DownCommand.stop(lab, new LinkedHashSet<>(startedNow), false);
            }
        }
        out.println();
        out.println("dbx: demo " + (ok ? "finished" : "FAILED") + " in " + Format.seconds(System.nanoTime() - t0)
                + (ok ? "" : " (see above)"));
        return ok ? 0 : 1;
    }

    private static boolean roundTrips(Lab lab, List<StoreTarget> targets, PrintStream out) {
        TextTable table = new TextTable("STORE", "SERVER", "WROTE AND READ BACK", "TIME");
        boolean ok = true;
        String key = "user-dbx-demo-" + Long.toHexString(System.nanoTime());
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : YcsbSchema.FIELDS) {
            fields.put(field, "hello from dbx, " + field);
        }
        for (StoreTarget target : targets) {
            long t0 = System.nanoTime();
            try (Store store = lab.open(target)) {
                String server = store.identity().toString();
                store.require(DatasetModel.class).create(YcsbSchema.DATASET);
                KeyValue kv = store.require(KeyValue.class);
                kv.insert(key, fields);
                Optional<Map<String, String>> back = kv.read(key, Set.of());
                kv.delete(key);
                boolean same = back.isPresent() && back.get().equals(fields);
                ok &= same;
                table.row(
                        target.storeId(),
                        server,
                        same ? "yes, " + key : "NO: read back " + back,
                        Format.seconds(System.nanoTime() - t0));
            } catch (RuntimeException e) {
                ok = false;
                table.row(target.storeId(), null, "FAILED: " + Errors.describe(e), null);
            }
        }
        table.print(out);
        return ok;
    }

    private static void step(PrintStream out, String title) {
        out.println();
        out.println("== " + title);
    }
}
