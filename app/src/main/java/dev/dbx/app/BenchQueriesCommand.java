package dev.dbx.app;

import dev.dbx.core.DbxException;
import dev.dbx.core.config.ConfigLoader;
import dev.dbx.core.store.Stores;
import dev.dbx.lab.DatasetChoice;
import dev.dbx.lab.Lab;
import dev.dbx.lab.LoadRecords;
import dev.dbx.lab.Loads;
import dev.dbx.lab.QueryBenchmarks;
import dev.dbx.lab.QuerySuites;
import dev.dbx.lab.StoreSelection;
import dev.dbx.lab.StoreTarget;
import dev.dbx.runs.RunStore;
import dev.dbx.workloads.query.QueryResult;
import dev.dbx.workloads.query.QueryRunConfig;
import dev.dbx.workloads.query.QuerySuite;
import dev.dbx.workloads.query.SuiteRun;
import dev.dbx.workloads.runner.BenchmarkRun;
import java.io.PrintStream;
import java.util.ArrayList;
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
 * {@code dbx bench tpch} (and tpch-native, search, graph): a query suite on each store in turn, each query run cold
 * then hot, every answer checked, printed and stored in the run store. One instance serves each suite (registered by
 * {@link Dbx}).
 */
@Command(
        mixinStandardHelpOptions = true,
        description = {
            "Runs on each store in turn; the run is stored (dbx runs, dbx report, dbx",
            "compare). Each query runs --runs times: the first cold (after the store's",
            "caches and the OS page cache are dropped where dbx can; the run says what it",
            "could not), the fastest of the others is its hot time. A wrong answer or a",
            "failure fails that query whatever its time; a query a store cannot express is",
            "n/a. A store is (re)loaded with TPC-H at --scale first unless it holds exactly",
            "that, loaded by dbx. Exits 1 on a wrong answer or a failed store; 2 on bad",
            "input."
        })
final class BenchQueriesCommand implements Callable<Integer> {
    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    private final String suiteName;

    @Option(
            names = "--stores",
            split = ",",
            paramLabel = "STORE",
            description = "Only these stores (default: all reachable that can run it).")
    List<String> stores;

    @Option(names = "--scale", paramLabel = "SF", description = "TPC-H scale factor (default: 0.01).")
    double scale = DatasetChoice.DEFAULT_SCALE;

    @Option(names = "--queries", split = ",", paramLabel = "NAME", description = "Only these queries, e.g. q01,q05.")
    List<String> queries;

    @Option(names = "--runs", paramLabel = "N", description = "Runs per query, the first cold (default: 3).")
    int runs = QueryRunConfig.DEFAULT_RUNS;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Query streams at once in a throughput test after the single-stream runs (default: 1, none).")
    int threads = 1;

    @Option(
            names = "--query-timeout",
            paramLabel = "DURATION",
            description = "Per query, cancelled by the engine (default: 5m).")
    String timeout = "5m";

    @Option(names = "--hot", description = "Do not drop caches before the first run (no cold times).")
    boolean hot;

    @Option(names = "--json", description = "Print the run as JSON (each store's queries as a list).")
    boolean json;

    BenchQueriesCommand(String suiteName) {
        this.suiteName = suiteName;
    }

    @Override
    public Integer call() {
        Lab lab = bench.dbx.lab();
        QuerySuite suite;
        QueryRunConfig config;
        try {
            suite = QuerySuites.named(suiteName, scale, queries);
            config = new QueryRunConfig(runs, threads, ConfigLoader.parseDuration("--query-timeout", timeout), !hot);
            DatasetChoice.of("tpch", scale, null).source();
            if (stores != null) {
                stores.stream()
                        .filter(s -> !s.isBlank())
                        .forEach(s -> Stores.provider(s.strip().toLowerCase(Locale.ROOT)));
            }
        } catch (DbxException e) {
            throw new ParameterException(spec.commandLine(), e.userMessage(), e);
        }
        StoreSelection selection = StoreSelection.resolve(lab, stores);
        selection.skipped().forEach(s -> System.err.println("  - " + s));
        PrintStream progress = System.err;
        List<StoreTarget> targets = selection.targets();
        ensureLoaded(lab, suite, targets, progress);
        progress.println("dbx: " + suite.name() + " on "
                + String.join(", ", targets.stream().map(StoreTarget::storeId).toList()));
        Map<String, String> settings = new LinkedHashMap<>();
        BenchmarkRun run = QueryBenchmarks.run(lab, suite, targets, config, settings, new Progress(progress));
        try (RunStore store = RunStore.open(lab.dataDir())) {
            store.save(run);
            if (json) {
                BenchRendering.json(run, System.out);
            } else {
                QueryRendering.table(run, System.out);
                System.out.println("stored as run " + run.id() + " in " + store.file() + "; dbx report " + run.id()
                        + " --out report.html draws it");
            }
        }
        boolean finished = run.results().stream().allMatch(BenchWorkloadCommand::finished);
        return run.correct() && finished ? 0 : 1;
    }

    /**
     * Every store that can run the suite holds TPC-H at the scale asked, loaded by this lab and unchanged since; any
     * other is loaded first (a store that cannot run the suite is not loaded for nothing).
     */
    private void ensureLoaded(Lab lab, QuerySuite suite, List<StoreTarget> targets, PrintStream progress) {
        DatasetChoice choice = DatasetChoice.of("tpch", scale, null);
        String wanted = choice.source().description();
        LoadRecords loads = new LoadRecords(lab.dataDir());
        List<StoreTarget> stale = new ArrayList<>();
        for (StoreTarget t : targets) {
            boolean fresh = loads.get(t, "tpch")
                    .filter(e -> e.pristine() && e.source().equals(wanted))
                    .isPresent();
            if (fresh) {
                continue;
            }
            Optional<String> notApplicable;
            try {
                notApplicable = QueryBenchmarks.notApplicable(lab, suite, t);
            } catch (RuntimeException e) {
                continue; // unreachable: the run says so
            }
            if (notApplicable.isEmpty()) {
                stale.add(t);
            }
        }
        if (stale.isEmpty()) {
            return;
        }
        progress.println("dbx: loading " + wanted + " into "
                + String.join(", ", stale.stream().map(StoreTarget::storeId).toList())
                + " first (answers are checked against TPC-H at that scale)");
        List<Loads.Outcome> outcomes =
                LoadCommand.load(lab, new StoreSelection(stale, List.of()), choice, true, false, progress);
        for (Loads.Outcome o : outcomes) {
            if (o.error() != null) {
                throw new DbxException("cannot load TPC-H into " + o.target().storeId() + ": " + o.error());
            }
        }
    }

    /** A line per query as it ends (stderr). */
    static final class Progress implements QueryBenchmarks.Listener {
        private final PrintStream out;

        Progress(PrintStream out) {
            this.out = out;
        }

        @Override
        public void storeStarted(StoreTarget target) {
            out.println("  " + target.storeId() + ": starting");
        }

        @Override
        public void query(String store, QueryResult q) {
            String verdict = Boolean.TRUE.equals(q.correct())
                    ? "right"
                    : Boolean.FALSE.equals(q.correct()) ? "WRONG: " + q.reason() : q.reason();
            out.println("  " + store + " " + q.query() + ": "
                    + (q.ran()
                            ? "cold " + BenchFormat.ms(q.coldMs()) + " ms"
                                    + (q.hotMs() == null ? "" : ", hot " + BenchFormat.ms(q.hotMs()) + " ms")
                                    + ", "
                            : "")
                    + (verdict == null ? "" : verdict));
        }

        @Override
        public void streams(String store, int streams) {
            out.println("  " + store + ": throughput test, " + streams + " streams at once");
        }

        @Override
        public void storeFinished(SuiteRun run) {
            out.println("  " + run.store() + ": "
                    + (run.status() == SuiteRun.Status.COMPLETE
                            ? "done"
                            : run.status().name().toLowerCase(Locale.ROOT)
                                    + (run.reason() == null ? "" : ": " + run.reason())));
        }
    }
}
