package dev.dbx.app;

import dev.dbx.app.report.HtmlReport;
import dev.dbx.core.DbxException;
import dev.dbx.core.config.ConfigLoader;
import dev.dbx.core.dataset.YcsbSchema;
import dev.dbx.engine.EngineStatus;
import dev.dbx.engine.PrivateFiles;
import dev.dbx.lab.Benchmarks;
import dev.dbx.lab.CdcSync;
import dev.dbx.lab.DatasetChoice;
import dev.dbx.lab.EngineControl;
import dev.dbx.lab.Lab;
import dev.dbx.lab.LabStatus;
import dev.dbx.lab.Loads;
import dev.dbx.lab.QueryBenchmarks;
import dev.dbx.lab.QuerySuites;
import dev.dbx.lab.RoundTrip;
import dev.dbx.lab.StoreSelection;
import dev.dbx.lab.StoreTarget;
import dev.dbx.lab.Verification;
import dev.dbx.runs.RunStore;
import dev.dbx.sync.verify.VerifyReport;
import dev.dbx.workloads.churn.ChurnWorkload;
import dev.dbx.workloads.query.QueryRunConfig;
import dev.dbx.workloads.runner.BenchmarkRun;
import dev.dbx.workloads.runner.RunConfig;
import dev.dbx.workloads.ycsb.YcsbOptions;
import dev.dbx.workloads.ycsb.YcsbWorkloads;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
            "dbx verify that all stores hold the same data, runs a short YCSB benchmark on every store (every read",
            "checked) and writes its HTML report, prints the status table, and stops the engines it started."
        })
final class DemoCommand implements Callable<Integer> {
    private static final String BENCH_WORKLOAD = "ycsb-b";
    private static final int BENCH_THREADS = 2;

    @ParentCommand
    Dbx dbx;

    @Option(names = "--scale", paramLabel = "SF", description = "TPC-H scale factor (default: 0.01).")
    double scale = DatasetChoice.DEFAULT_SCALE;

    @Option(names = "--records", paramLabel = "N", description = "YCSB records (default: 10000).")
    long records = DatasetChoice.DEFAULT_RECORDS;

    @Option(names = "--keep", description = "Leave the engines running afterwards.")
    boolean keep;

    @Option(
            names = "--bench-duration",
            paramLabel = "DURATION",
            description =
                    "How long the benchmark measures each store, after a warm-up of 2s (default: 5s; 0 skips it).")
    String benchDuration = "5s";

    @Override
    public Integer call() {
        Lab lab = dbx.lab();
        PrintStream out = System.out;
        boolean ok = true;
        long t0 = System.nanoTime();

        step(out, "1/9 starting every local engine");
        Set<String> all = lab.select(null);
        EngineControl engines = new EngineControl(lab, e -> EngineEvents.print(e, out));
        EngineControl.UpResult up = engines.up(all, false);
        ok &= !up.failed();
        List<String> startedNow = up.startedNow();
        try {
            StoreSelection stores = StoreSelection.resolve(lab, null);
            stores.skipped().forEach(s -> out.println("  - " + s));

            step(out, "2/9 one record written and read back in every store, through its official client");
            ok &= roundTrips(lab, stores.targets(), out);

            step(out, "3/9 loading TPC-H SF " + scale + " into every store");
            List<Loads.Outcome> tpch =
                    LoadCommand.load(lab, stores, DatasetChoice.of("tpch", scale, null), true, false, out);
            LoadTable.print(tpch, out);
            ok &= tpch.stream().allMatch(o -> o.error() == null);

            step(out, "4/9 loading the YCSB usertable (" + Format.count(records) + " records) into every store");
            List<Loads.Outcome> ycsb =
                    LoadCommand.load(lab, stores, DatasetChoice.of("ycsb", null, records), true, false, out);
            LoadTable.print(ycsb, out);
            ok &= ycsb.stream().allMatch(o -> o.error() == null);

            step(out, "5/9 dbx verify: the same data everywhere?");
            List<Verification.Verified> verified = Verification.run(lab, stores.targets(), null, null);
            VerifyRendering.table(verified, out);
            ok &= Verification.equal(verified);

            Duration measure = ConfigLoader.parseDuration("--bench-duration", benchDuration);
            if (measure.isZero()) {
                step(out, "6/9 benchmark skipped (--bench-duration 0)");
            } else {
                step(
                        out,
                        "6/9 " + BENCH_WORKLOAD + " (YCSB B: 95% reads, 5% updates) on every store, " + BENCH_THREADS
                                + " client threads, " + Format.duration(measure) + " each after a 2s warm-up");
                ok &= bench(lab, stores.targets(), measure, out);
            }

            step(
                    out,
                    "7/9 TPC-H Q1, Q3, Q6, Q10, Q12, Q14 in each engine's own language (SQL, aggregation pipelines,"
                            + " search aggregations, Cypher), cold then hot, every answer checked");
            ok &= queries(lab, stores.targets(), out);

            step(
                    out,
                    "8/9 real-time sync: PostgreSQL's changes through Kafka (Debezium) into every other store, while"
                            + " an order-entry churn runs on PostgreSQL; then dbx verify against PostgreSQL");
            ok &= cdc(lab, stores.targets(), out);

            step(out, "9/9 dbx status");
            List<EngineStatus> statuses = new LabStatus(lab).collect(all);
            StatusReport.table(statuses, out);
        } finally {
            if (!keep && !startedNow.isEmpty()) {
                out.println();
                out.println("dbx: stopping the engines the demo started: " + String.join(", ", startedNow));
                engines.down(new LinkedHashSet<>(startedNow), false);
            }
        }
        out.println();
        out.println("dbx: demo " + (ok ? "finished" : "FAILED") + " in " + Format.seconds(System.nanoTime() - t0)
                + (ok ? "" : " (see above)"));
        return ok ? 0 : 1;
    }

    /**
     * CDC into every store with a sink, from a new snapshot; churn on PostgreSQL for a few seconds; the lag each target
     * saw; and verify, in this process (the embedded targets are open here), once every target caught up.
     */
    private boolean cdc(Lab lab, List<StoreTarget> targets, PrintStream out) {
        List<String> to = targets.stream()
                .map(StoreTarget::storeId)
                .filter(id -> !id.equals(CDC_SOURCE))
                .toList();
        StoreTarget source = targets.stream()
                .filter(t -> t.storeId().equals(CDC_SOURCE))
                .findFirst()
                .orElse(null);
        if (source == null || to.isEmpty()) {
            out.println("  skipped: CDC needs PostgreSQL and at least one other store");
            return true;
        }
        CdcSync.Options options = new CdcSync.Options(CDC_SOURCE, to, "tpch", "demo", 4, null, true);
        try (CdcSync sync = CdcSync.start(lab, options, line -> out.println("  " + line))) {
            out.println("  waiting for the snapshot to reach " + String.join(", ", to));
            if (!sync.awaitCaughtUp(Duration.ofMinutes(5))) {
                out.println("  the snapshot did not reach every target within 5 minutes: "
                        + SyncStatusRendering.line(sync.status()));
            }
            RunConfig config = new RunConfig(
                    4,
                    false,
                    Duration.ofSeconds(15),
                    0,
                    Duration.ZERO,
                    200,
                    null,
                    lab.config().timeout(),
                    1);
            out.println("  churn on postgres: " + config.mode() + " for 15 s");
            BenchmarkRun churn = Benchmarks.run(
                    lab,
                    new ChurnWorkload(1),
                    List.of(source),
                    config,
                    null,
                    "",
                    Map.of("source", "dbx demo"),
                    new Benchmarks.Listener() {});
            try (RunStore runs = RunStore.open(lab.dataDir())) {
                runs.save(churn);
            }
            boolean caughtUp = sync.awaitCaughtUp(Duration.ofMinutes(2));
            out.println("  " + (caughtUp ? "every target caught up" : "not every target caught up within 2 minutes"));
            SyncStatusRendering.table(sync.stop().status(), out);
            VerifyReport report = sync.verify();
            out.println();
            VerifyRendering.table(
                    List.of(new Verification.Verified(report, "every store against postgres (the source)", List.of())),
                    out);
            return churn.correct() && report.equal();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (DbxException e) {
            out.println("  CDC FAILED: " + e.userMessage());
            return false;
        }
    }

    /** TPC-H's natively answered queries on every store that has them, on the TPC-H just loaded: printed, stored. */
    private boolean queries(Lab lab, List<StoreTarget> targets, PrintStream out) {
        BenchmarkRun run = QueryBenchmarks.run(
                lab,
                QuerySuites.named("tpch-native", scale, null),
                targets,
                new QueryRunConfig(2, 1, QueryRunConfig.DEFAULT_TIMEOUT, true),
                Map.of("source", "dbx demo"),
                QueryBenchmarks.Listener.NONE);
        out.println();
        QueryRendering.table(run, out);
        try (RunStore runs = RunStore.open(lab.dataDir())) {
            runs.save(run);
        }
        out.println("stored as run " + run.id() + "; dbx report " + run.id() + " --out tpch.html draws it");
        return run.correct() && run.results().stream().allMatch(BenchWorkloadCommand::finished);
    }

    /** A short YCSB run on the usertable just loaded: printed, stored, and drawn into an HTML report. */
    private boolean bench(Lab lab, List<StoreTarget> targets, Duration measure, PrintStream out) {
        RunConfig config = new RunConfig(
                BENCH_THREADS,
                false,
                measure,
                0,
                Duration.ofSeconds(2),
                0,
                null,
                lab.config().timeout(),
                1);
        BenchmarkRun run = Benchmarks.run(
                lab,
                YcsbWorkloads.named(BENCH_WORKLOAD, YcsbOptions.of(records, YcsbSchema.FIELD_LENGTH)),
                targets,
                config,
                null,
                "",
                Map.of("warmup", "2s", "duration", benchDuration, "source", "dbx demo"),
                new BenchWorkloadCommand.Progress(out));
        BenchWorkloadCommand.markWritten(lab, targets, run);
        out.println();
        BenchRendering.table(run, out);
        Path report = lab.dataDir().resolve("reports").resolve("demo-" + run.id() + ".html");
        try (RunStore runs = RunStore.open(lab.dataDir())) {
            runs.save(run);
        }
        try {
            // under the data directory, private as the rest of it; the run's id makes the name new
            PrivateFiles.createFile(PrivateFiles.directory(report.getParent()).resolve(report.getFileName()));
        } catch (IOException e) {
            throw new DbxException("cannot write the demo's report in " + report.getParent() + ": " + e.getMessage());
        }
        OutputFile.write(report, true, HtmlReport.render(List.of(run)));
        out.println();
        out.println("stored as run " + run.id() + "; its report (charts and tables, opens offline): "
                + report.toAbsolutePath().toUri());
        return run.correct() && run.results().stream().allMatch(BenchWorkloadCommand::finished);
    }

    private static boolean roundTrips(Lab lab, List<StoreTarget> targets, PrintStream out) {
        TextTable table = new TextTable("STORE", "SERVER", "WROTE AND READ BACK", "TIME");
        TextTable semantics = new TextTable("STORE", "UPDATE", "DURABILITY (AS THE SERVER REPORTS IT)");
        boolean ok = true;
        String key = "user-dbx-demo-" + Long.toHexString(System.nanoTime());
        for (StoreTarget target : targets) {
            RoundTrip.Result r = RoundTrip.check(lab, target, key);
            if (r.semantics() != null) {
                semantics.row(
                        r.store(), r.semantics().update().label(), r.semantics().durability());
            }
            ok &= r.same();
            table.row(
                    r.store(),
                    r.server(),
                    r.error() != null
                            ? "FAILED: " + r.error()
                            : r.same() ? "yes, " + r.key() : "NO: read back " + Arrays.toString(r.readBack()),
                    Format.seconds(r.took().toNanos()));
        }
        table.print(out);
        if (!semantics.isEmpty()) {
            out.println();
            semantics.print(out);
        }
        return ok;
    }

    private static final String CDC_SOURCE = "postgres";

    private static void step(PrintStream out, String title) {
        out.println();
        out.println("== " + title);
    }
}
