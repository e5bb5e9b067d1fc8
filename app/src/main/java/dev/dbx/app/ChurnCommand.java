package dev.dbx.app;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.OrderEntry;
import dev.dbx.core.config.ConfigLoader;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.Stores;
import dev.dbx.lab.Benchmarks;
import dev.dbx.lab.DatasetChoice;
import dev.dbx.lab.Lab;
import dev.dbx.lab.LoadRecords;
import dev.dbx.lab.Loads;
import dev.dbx.lab.StoreSelection;
import dev.dbx.lab.StoreTarget;
import dev.dbx.runs.RunStore;
import dev.dbx.workloads.churn.ChangeCounts;
import dev.dbx.workloads.churn.ChurnWorkload;
import dev.dbx.workloads.runner.BenchmarkRun;
import dev.dbx.workloads.runner.OperationStats;
import dev.dbx.workloads.runner.RunConfig;
import dev.dbx.workloads.runner.StoreRun;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code dbx churn}: order entry on a store's loaded TPC-H, open loop at a target rate, measured by the benchmark runner
 * and stored like any benchmark run, with the rows it changed per entity (what a sync has to carry).
 */
@Command(
        name = "churn",
        mixinStandardHelpOptions = true,
        description = {
            "Order entry on the loaded TPC-H tables, the writes change data capture",
            "carries: new orders with 1-7 lines, order updates, line changes, customer",
            "changes, cancellations and deletes, each one transaction (docs/benchmarks.md",
            "has the mix). Open loop at --rate; service and response times per operation;",
            "the rows changed per entity are printed and stored with the run (dbx runs,",
            "dbx report). It changes the data: TPC-H's query answers no longer hold, and",
            "dbx bench tpch reloads it first.",
            "",
            "  dbx churn --rate 1000 --duration 60s --scale 0.1",
            "Exits 1 when the run failed, stopped early or a change was not what was asked;",
            "2 on bad input."
        })
final class ChurnCommand implements Callable<Integer> {
    static final String DEFAULT_STORE = "postgres";

    @ParentCommand
    Dbx dbx;

    @Spec
    CommandSpec spec;

    @Option(names = "--rate", paramLabel = "OPS/S", description = "Operations per second, all threads (default: 1000).")
    double rate = 1_000;

    @Option(names = "--duration", paramLabel = "DURATION", description = "How long to measure (default: 60s).")
    String duration = "60s";

    @Option(
            names = "--warmup",
            paramLabel = "DURATION",
            description = "Run, unrecorded, before measuring (default: 5s; its changes are counted).")
    String warmup = "5s";

    /** Enough clients for 1,000/s at 10 ms per transaction (what a loaded 2-core machine gives) with room. */
    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Client threads (default: 16; the rate needs about rate x service time of them).")
    int threads = 16;

    @Option(names = "--virtual-threads", description = "Run the clients on virtual threads.")
    boolean virtualThreads;

    @Option(names = "--arrival", paramLabel = "uniform|poisson", description = "Open-loop spacing (default: uniform).")
    String arrival = "uniform";

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: 1).")
    long seed = 1;

    @Option(
            names = "--scale",
            paramLabel = "SF",
            description = "Load TPC-H at this scale first, unless the store holds it (loaded by dbx; earlier churn"
                    + " runs' changes are kept). Without it: whatever TPC-H is loaded.")
    Double scale;

    /** The store it runs on: the one --store names, else PostgreSQL's. */
    private String storeId;

    @Option(names = "--json", description = "Print the run as JSON (the changes under parameters: changes.*).")
    boolean json;

    @Override
    public Integer call() {
        RunConfig config = checkedConfig();
        Lab lab = dbx.lab();
        StoreTarget target =
                StoreSelection.resolve(lab, List.of(storeId)).targets().getFirst();
        ChurnWorkload workload = new ChurnWorkload(seed);
        PrintStream progress = System.err;
        if (scale != null) {
            ensureLoaded(lab, target, progress);
        }
        checkStore(lab, target, workload);
        progress.println("dbx: churn on " + target.storeId() + ": " + config.mode());
        BenchmarkRun run;
        try (RunStore runs = RunStore.open(lab.dataDir())) {
            run = Benchmarks.run(
                    lab,
                    workload,
                    List.of(target),
                    config,
                    null,
                    "",
                    settings(config),
                    new BenchWorkloadCommand.Progress(progress));
            runs.save(run);
            new LoadRecords(lab.dataDir())
                    .changed(target, "tpch", "churn run " + run.id() + " changed orders, lineitem and customer");
            if (json) {
                BenchRendering.json(run, System.out);
            } else {
                BenchRendering.table(run, System.out);
                System.out.println();
                run.results().forEach(r -> operations(r, System.out));
                changes(workload.changes(), System.out);
                System.out.println("stored as run " + run.id() + " in " + runs.file() + "; dbx report " + run.id()
                        + " --out report.html draws it");
            }
        }
        boolean ok = run.correct() && run.results().stream().allMatch(BenchWorkloadCommand::finished);
        return ok ? 0 : 1;
    }

    /** Every flag checked before a store is opened: a flag that cannot be right is bad usage (exit 2). */
    private RunConfig checkedConfig() {
        try {
            storeId = Stores.provider(
                            (dbx.stores.isEmpty() ? DEFAULT_STORE : dbx.chosenStore()).toLowerCase(Locale.ROOT))
                    .id();
            if (!(rate > 0) || Double.isInfinite(rate)) {
                throw new DbxException(
                        "--rate must be a positive number of operations per second, not " + rate,
                        "churn runs open loop at a known rate, e.g. --rate 1000");
            }
            if (scale != null) {
                DatasetChoice.of("tpch", scale, null).source(); // a scale TPC-H has not is bad input
            }
            Duration measure = ConfigLoader.parseDuration("--duration", duration);
            if (measure.isZero() || measure.isNegative()) {
                throw new DbxException("--duration must be positive, not " + duration, "e.g. --duration 60s");
            }
            return new RunConfig(
                    threads,
                    virtualThreads,
                    measure,
                    0,
                    ConfigLoader.parseDuration("--warmup", warmup),
                    rate,
                    RunConfig.Arrival.parse(arrival),
                    dbx.lab().config().timeout(),
                    seed);
        } catch (DbxException e) {
            throw new ParameterException(spec.commandLine(), e.userMessage(), e);
        }
    }

    /**
     * TPC-H at {@code --scale} in the store: kept when dbx loaded it at that scale (changed since or not: churn goes on
     * where the last run left it), else loaded, replacing what is there.
     */
    private void ensureLoaded(Lab lab, StoreTarget target, PrintStream progress) {
        DatasetChoice choice = DatasetChoice.of("tpch", scale, null);
        String wanted = choice.source().description();
        boolean loaded = new LoadRecords(lab.dataDir())
                .get(target, "tpch")
                .filter(e ->
                        e.state() == LoadRecords.State.COMPLETE && e.source().equals(wanted))
                .isPresent();
        if (loaded) {
            return;
        }
        for (Loads.Outcome o :
                LoadCommand.load(lab, new StoreSelection(List.of(target), List.of()), choice, true, false, progress)) {
            if (o.error() != null) {
                throw new DbxException("cannot load TPC-H into " + o.target().storeId() + ": " + o.error());
            }
        }
    }

    /**
     * A store that cannot do order entry is bad input (exit 2); one without TPC-H loaded is a failure saying how to
     * load it (exit 1). Both before anything is run or stored.
     */
    private void checkStore(Lab lab, StoreTarget target, ChurnWorkload workload) {
        try (Store store = lab.open(target)) {
            if (store.capability(OrderEntry.class).isEmpty()) {
                DbxException e = new DbxException(
                        "store " + target.storeId() + " has no order entry on TPC-H (no OrderEntry capability)",
                        "choose a store that has it, e.g. --store " + DEFAULT_STORE);
                throw new ParameterException(spec.commandLine(), e.userMessage(), e);
            }
            Optional<String> why = workload.notApplicable(store);
            if (why.isPresent()) {
                throw new DbxException("cannot churn on " + target.storeId() + ": " + why.get());
            }
        }
    }

    private Map<String, String> settings(RunConfig config) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("warmup", warmup);
        s.put("duration", config.duration().toString());
        s.put("timeout", config.operationTimeout().toString());
        s.put("seed", Long.toString(seed));
        return s;
    }

    /** Each operation type's count and times: response time (from the intended start) and service time. */
    static void operations(StoreRun run, PrintStream out) {
        if (run.operations().isEmpty()) {
            return;
        }
        out.println(run.store() + " per operation (response time; service time in brackets):");
        TextTable table = new TextTable("OPERATION", "COUNT", "ERRORS", "P50 MS", "P99 MS", "MAX MS");
        for (OperationStats op : run.operations()) {
            table.row(
                    op.name(),
                    Format.count(op.count()),
                    Format.count(op.errors()),
                    both(op, 50),
                    both(op, 99),
                    both(op, 100));
        }
        table.print(out);
    }

    private static String both(OperationStats op, double percentile) {
        if (op.response().getTotalCount() == 0) {
            return null;
        }
        return BenchFormat.ms(op.response().getValueAtPercentile(percentile) / 1000.0) + " ("
                + BenchFormat.ms(op.service().getValueAtPercentile(percentile) / 1000.0) + ")";
    }

    /** The rows changed per entity: what a sync of this run has to deliver. */
    static void changes(ChangeCounts changes, PrintStream out) {
        out.println("rows changed (committed transactions, warm-up included):");
        TextTable table = new TextTable("ENTITY", "INSERTED", "UPDATED", "DELETED", "ROW COUNT MOVED");
        for (String entity : ChangeCounts.ENTITIES) {
            table.row(
                    entity,
                    Format.count(changes.get(entity, ChangeCounts.Kind.INSERTED)),
                    Format.count(changes.get(entity, ChangeCounts.Kind.UPDATED)),
                    Format.count(changes.get(entity, ChangeCounts.Kind.DELETED)),
                    String.format(Locale.ROOT, "%+,d", changes.net(entity)));
        }
        table.print(out);
    }
}
