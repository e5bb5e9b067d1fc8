package dev.dbx.app;

import dev.dbx.core.DbxException;
import dev.dbx.core.config.ConfigLoader;
import dev.dbx.core.dataset.YcsbSchema;
import dev.dbx.core.store.Stores;
import dev.dbx.lab.Benchmarks;
import dev.dbx.lab.DatasetChoice;
import dev.dbx.lab.Lab;
import dev.dbx.lab.LoadRecords;
import dev.dbx.lab.Loads;
import dev.dbx.lab.StoreSelection;
import dev.dbx.lab.StoreTarget;
import dev.dbx.lab.Sweeps;
import dev.dbx.runs.RunStore;
import dev.dbx.workloads.runner.BenchmarkRun;
import dev.dbx.workloads.runner.ResourceSample;
import dev.dbx.workloads.runner.RunConfig;
import dev.dbx.workloads.runner.Second;
import dev.dbx.workloads.runner.StoreRun;
import dev.dbx.workloads.ycsb.YcsbOptions;
import dev.dbx.workloads.ycsb.YcsbWorkloads;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code dbx bench ycsb-a} (and b to f): one of YCSB's core workloads on each store in turn, measured by the runner,
 * printed, and stored in the run store. One instance serves each workload name (registered by {@link Dbx}).
 */
@Command(
        mixinStandardHelpOptions = true,
        description = {
            "Runs on each store in turn; the run is stored (dbx runs, dbx report, dbx compare).",
            "Every read is checked against what was written: a wrong value fails the run.",
            "Closed loop unless --rate. A store's usertable is (re)loaded first unless it holds exactly",
            "--records records, loaded by dbx and unchanged since.",
            "Exits 1 on a wrong answer, or when a store's run failed or stopped early; 2 on bad input."
        })
final class BenchWorkloadCommand implements Callable<Integer> {
    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    private final String workload;

    @Option(
            names = "--stores",
            split = ",",
            paramLabel = "STORE",
            description = "Only these stores (default: all reachable).")
    List<String> stores;

    @Option(names = "--threads", paramLabel = "N", description = "Client threads (default: 1, as YCSB's).")
    int threads = 1;

    @Option(names = "--virtual-threads", description = "Run the clients on virtual threads.")
    boolean virtualThreads;

    @Option(names = "--duration", paramLabel = "DURATION", description = "How long to measure (default: 30s).")
    String duration;

    @Option(names = "--ops", paramLabel = "N", description = "Measure this many operations instead of a duration.")
    long operations;

    @Option(
            names = "--warmup",
            paramLabel = "DURATION",
            description = "Run, unrecorded, before measuring (default: 10s).")
    String warmup = "10s";

    @Option(names = "--rate", paramLabel = "OPS/S", description = "Open loop at this rate, all threads together.")
    double rate;

    @Option(names = "--arrival", paramLabel = "uniform|poisson", description = "Open-loop spacing (default: uniform).")
    String arrival = "uniform";

    @Option(names = "--records", paramLabel = "N", description = "Records in the usertable (default: 1000, YCSB's).")
    long records = 1_000;

    @Option(names = "--field-length", paramLabel = "N", description = "Characters per field (default: 100, YCSB's).")
    int fieldLength = YcsbSchema.FIELD_LENGTH;

    @Option(names = "--repeat", paramLabel = "K", description = "Run K times; print the median and the spread.")
    int repeat = 1;

    @Option(
            names = "--sweep",
            paramLabel = "threads=1,2,4|rate=1000,2000",
            description = "A series of runs, one per value, and each store's saturation point.")
    String sweep;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: 1).")
    long seed = 1;

    @Option(names = "--json", description = "Print the run (or runs) as JSON.")
    boolean json;

    BenchWorkloadCommand(String workload) {
        this.workload = workload;
    }

    @Override
    public Integer call() {
        Lab lab = bench.dbx.lab();
        List<Variant> variants = checkedVariants(lab);
        StoreSelection selection = StoreSelection.resolve(lab, stores);
        selection.skipped().forEach(s -> System.err.println("  - " + s));
        List<StoreTarget> targets = selection.targets();
        PrintStream progress = System.err;
        List<BenchmarkRun> runs = new ArrayList<>();
        String group = null;
        try (RunStore store = RunStore.open(lab.dataDir())) {
            for (Variant v : variants) {
                for (int k = 1; k <= repeat; k++) {
                    String label = repeat > 1 ? "repeat " + k + " of " + repeat : v.label();
                    ensureLoaded(lab, targets, progress);
                    progress.println("dbx: " + workload + (label.isEmpty() ? "" : " (" + label + ")") + " on "
                            + String.join(
                                    ", ",
                                    targets.stream().map(StoreTarget::storeId).toList()) + ": "
                            + v.config().mode());
                    BenchmarkRun run = Benchmarks.run(
                            lab,
                            YcsbWorkloads.named(
                                    workload,
                                    YcsbOptions.of(records, fieldLength)
                                            .withSeed(seed)
                                            .withExpectedOperations(operations > 0 ? operations : records)),
                            targets,
                            v.config(),
                            group,
                            label,
                            settings(v),
                            new Progress(progress));
                    group = run.group();
                    store.save(run);
                    markWritten(lab, targets, run);
                    runs.add(run);
                    if (!json) {
                        BenchRendering.table(run, System.out);
                        System.out.println();
                    }
                }
            }
            if (json) {
                if (runs.size() == 1) {
                    BenchRendering.json(runs.get(0), System.out);
                } else {
                    System.out.println("[");
                    for (int i = 0; i < runs.size(); i++) {
                        BenchRendering.json(runs.get(i), System.out);
                        if (i < runs.size() - 1) {
                            System.out.println(",");
                        }
                    }
                    System.out.println("]");
                }
            } else {
                summarize(runs, System.out);
                System.out.println("stored as run"
                        + (runs.size() > 1
                                ? "s " + runs.get(0).id() + " … "
                                        + runs.get(runs.size() - 1).id() + " (group " + group + ")"
                                : " " + runs.get(0).id())
                        + " in " + store.file() + "; dbx report "
                        + runs.get(runs.size() - 1).id()
                        + " --out report.html draws it");
            }
        }
        boolean ok = runs.stream()
                .allMatch(r -> r.correct() && r.results().stream().allMatch(BenchWorkloadCommand::finished));
        return ok ? 0 : 1;
    }

    /**
     * Every flag checked before anything is loaded or run. A flag that cannot be right is bad usage (exit code 2, with
     * how to get help), not a failed run (exit code 1, which a script reads as "a store failed or answered wrong").
     */
    private List<Variant> checkedVariants(Lab lab) {
        try {
            YcsbWorkloads.mix(workload);
            YcsbOptions.of(records, fieldLength);
            if (repeat < 1) {
                throw new DbxException("--repeat must be at least 1, not " + repeat);
            }
            if (sweep != null && repeat > 1) {
                throw new DbxException("--sweep and --repeat do not go together", "run one, then the other");
            }
            if (operations < 0 || (operationsGiven() && operations == 0)) {
                throw new DbxException("--ops must be at least 1, not " + operations);
            }
            if (duration != null && operationsGiven()) {
                throw new DbxException(
                        "--duration and --ops do not go together",
                        "a run measures a duration or a number of operations");
            }
            if (stores != null) {
                stores.stream()
                        .filter(s -> !s.isBlank())
                        .forEach(s -> Stores.provider(s.strip().toLowerCase(Locale.ROOT)));
            }
            return variants(lab);
        } catch (DbxException e) {
            throw new ParameterException(spec.commandLine(), e.userMessage(), e);
        }
    }

    private boolean operationsGiven() {
        return spec.commandLine().getParseResult().hasMatchedOption("--ops");
    }

    /** Whether a store's run went to its end (a store that cannot run the workload, n/a with why, counts as one). */
    static boolean finished(StoreRun r) {
        return r.status() == StoreRun.Status.COMPLETE
                || (r.status() == StoreRun.Status.FAILED
                        && r.reason() != null
                        && r.reason().startsWith("n/a"));
    }

    /** The runs' configurations: one, or one per value of the sweep. */
    private List<Variant> variants(Lab lab) {
        Duration timeout = lab.config().timeout();
        if (sweep == null) {
            return List.of(new Variant("", config(threads, rate, timeout)));
        }
        String[] parts = sweep.split("=", 2);
        if (parts.length != 2 || !(parts[0].equals("threads") || parts[0].equals("rate"))) {
            throw new DbxException(
                    "--sweep " + sweep + " is not threads=... or rate=...", "e.g. --sweep threads=1,2,4,8");
        }
        if (parts[1].isBlank()) {
            throw new DbxException("--sweep " + sweep + " names no values", "e.g. --sweep " + parts[0] + "=1,2,4,8");
        }
        List<Variant> out = new ArrayList<>();
        for (String value : parts[1].split(",")) {
            try {
                if (parts[0].equals("threads")) {
                    int n = Integer.parseInt(value.strip());
                    out.add(new Variant("threads=" + n, config(n, rate, timeout)));
                } else {
                    double r = Double.parseDouble(value.strip());
                    out.add(new Variant("rate=" + value.strip(), config(threads, r, timeout)));
                }
            } catch (NumberFormatException e) {
                throw new DbxException("--sweep " + sweep + ": '" + value + "' is not a number");
            }
        }
        return out;
    }

    private RunConfig config(int threadCount, double targetRate, Duration timeout) {
        Duration measure = duration == null
                ? (operations > 0 ? null : Duration.ofSeconds(30))
                : ConfigLoader.parseDuration("--duration", duration);
        return new RunConfig(
                threadCount,
                virtualThreads,
                measure,
                operations,
                ConfigLoader.parseDuration("--warmup", warmup),
                targetRate,
                RunConfig.Arrival.parse(arrival),
                timeout,
                seed);
    }

    private Map<String, String> settings(Variant v) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("warmup", warmup);
        s.put(
                "duration",
                v.config().duration() == null ? "-" : v.config().duration().toString());
        if (operations > 0) {
            s.put("operations", Long.toString(operations));
        }
        s.put("timeout", v.config().operationTimeout().toString());
        s.put("seed", Long.toString(seed));
        return s;
    }

    /**
     * Every run starts from the same data: a store whose usertable is not exactly the records this run asks for, loaded
     * by this lab and unchanged since (a previous run's writes count as changes), is loaded again first.
     */
    private void ensureLoaded(Lab lab, List<StoreTarget> targets, PrintStream progress) {
        DatasetChoice choice = DatasetChoice.ycsb(records, fieldLength);
        String wanted = choice.source().description();
        LoadRecords loads = new LoadRecords(lab.dataDir());
        List<StoreTarget> stale = targets.stream()
                .filter(t -> loads.get(t, "ycsb")
                        .filter(e -> e.pristine() && e.source().equals(wanted))
                        .isEmpty())
                .toList();
        if (stale.isEmpty()) {
            return;
        }
        progress.println("dbx: loading " + wanted + " into "
                + String.join(", ", stale.stream().map(StoreTarget::storeId).toList())
                + " first (each run starts from the same data)");
        List<Loads.Outcome> outcomes =
                LoadCommand.load(lab, new StoreSelection(stale, List.of()), choice, true, false, progress);
        for (Loads.Outcome o : outcomes) {
            if (o.error() != null) {
                throw new DbxException(
                        "cannot load the usertable into " + o.target().storeId() + ": " + o.error());
            }
        }
    }

    /** A workload that wrote leaves the usertable changed: the next run loads it again. */
    static void markWritten(Lab lab, List<StoreTarget> targets, BenchmarkRun run) {
        if (run.workload().equalsIgnoreCase("ycsb-c")) {
            return; // read only
        }
        LoadRecords loads = new LoadRecords(lab.dataDir());
        targets.forEach(
                t -> loads.changed(t, "ycsb", "benchmark run " + run.id() + " (" + run.workload() + ") wrote to it"));
    }

    /** With a sweep, each store's saturation point; with repeats, the median and the spread per store. */
    private void summarize(List<BenchmarkRun> runs, PrintStream out) {
        if (sweep != null && runs.size() > 1) {
            out.println("saturation (" + sweep + "):");
            for (Sweeps.Saturation s : Sweeps.of(runs)) {
                out.println("  " + s.store() + ": " + s.summary());
            }
        }
        if (repeat > 1) {
            out.println("over " + repeat + " runs (median, min-max):");
            Map<String, List<StoreRun>> byStore = new LinkedHashMap<>();
            runs.forEach(r -> r.results()
                    .forEach(s -> byStore.computeIfAbsent(s.store(), k -> new ArrayList<>())
                            .add(s)));
            byStore.forEach((storeId, list) -> {
                List<Double> ops =
                        list.stream().map(StoreRun::opsPerSecond).sorted().toList();
                List<Double> p99 = list.stream()
                        .map(s -> s.response().getValueAtPercentile(99) / 1000.0)
                        .sorted()
                        .toList();
                out.println(String.format(
                        Locale.ROOT,
                        "  %-14s %,10.0f ops/s (%,.0f-%,.0f)   p99 %.2f ms (%.2f-%.2f)",
                        storeId,
                        median(ops),
                        ops.get(0),
                        ops.get(ops.size() - 1),
                        median(p99),
                        p99.get(0),
                        p99.get(p99.size() - 1)));
            });
        }
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private record Variant(String label, RunConfig config) {}

    /** A line per store every 5 seconds while it runs (stderr). */
    static final class Progress implements Benchmarks.Listener {
        private final PrintStream out;

        Progress(PrintStream out) {
            this.out = out;
        }

        @Override
        public void storeStarted(StoreTarget target) {
            out.println("  " + target.storeId() + ": starting");
        }

        @Override
        public void warmingUp(String store, Duration warmup) {
            out.println("  " + store + ": warming up for " + Format.duration(warmup));
        }

        @Override
        public void second(String store, Second s, ResourceSample r) {
            if (s.second() % 5 == 0) {
                out.println(String.format(
                        Locale.ROOT,
                        "  %s: second %d, %,d ops, p99 %.2f ms, %d errors, dbx CPU %.0f%%%s",
                        store,
                        s.second(),
                        s.operations(),
                        s.p99Micros() / 1000.0,
                        s.errors(),
                        r.dbxCpuPercent(),
                        r.serverCpuPercent() == null
                                ? ""
                                : String.format(Locale.ROOT, ", server CPU %.0f%%", r.serverCpuPercent())));
            }
        }

        @Override
        public void storeFinished(StoreRun run) {
            out.println("  " + run.store() + ": "
                    + (run.status() == StoreRun.Status.COMPLETE
                            ? "done"
                            : run.status().name().toLowerCase(Locale.ROOT)
                                    + (run.reason() == null ? "" : ": " + run.reason())));
        }
    }
}
