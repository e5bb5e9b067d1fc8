package dev.dbx.app;

import dev.dbx.runs.RunJson;
import dev.dbx.runs.RunStore;
import dev.dbx.workloads.runner.BenchmarkRun;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "runs",
        mixinStandardHelpOptions = true,
        description = {
            "List the stored benchmark runs, newest first: id, when, workload, variant, whether every answer was",
            "right, and each store's ops/s. Every run dbx bench measures is kept in <data-dir>/runs.sqlite, which",
            "SQL can query too (docs/runs.md describes its tables)."
        },
        subcommands = {RunsCommand.Show.class, RunsCommand.Export.class})
final class RunsCommand implements Callable<Integer> {
    @ParentCommand
    Dbx dbx;

    @Option(
            names = "--json",
            description = "Print JSON: {\"runs\":[{\"id\",\"started\",\"workload\",\"correct\",\"stores\":[...]}]}.")
    boolean json;

    @Override
    public Integer call() {
        try (RunStore store = open()) {
            if (json) {
                RunsRendering.json(store.list(), System.out);
            } else {
                RunsRendering.table(store.list(), store.file(), System.out);
            }
        }
        return 0;
    }

    RunStore open() {
        return RunStore.open(dbx.lab().dataDir());
    }

    /** The run of this id, or of the one run whose id starts with it. */
    BenchmarkRun get(String id) {
        try (RunStore store = open()) {
            return store.get(id);
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Print a stored run again as dbx bench printed it: per store ops/s, latency percentiles,"
                    + " errors, wrong answers, the server's CPU and memory, dbx's CPU per operation.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        RunsCommand runs;

        @Parameters(paramLabel = "ID", description = "The run's id, or the start of it when that names one run.")
        String id;

        @Option(
                names = "--json",
                description = "Print JSON: {\"runId\",\"workload\",\"results\":[{\"store\",\"server\",\"opsPerSec\","
                        + "\"p50Ms\",...,\"errors\",\"wrongAnswers\",\"correct\"}]}.")
        boolean json;

        @Override
        public Integer call() {
            BenchmarkRun run = runs.get(id);
            if (json) {
                BenchRendering.json(run, System.out);
            } else {
                BenchRendering.table(run, System.out);
            }
            return 0;
        }
    }

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = "Write a stored run as JSON, whole: what dbx runs show --json prints, and per store each"
                    + " operation's raw HdrHistograms (base64), the per-second series and the resource samples.")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        RunsCommand runs;

        @Parameters(paramLabel = "ID", description = "The run's id, or the start of it when that names one run.")
        String id;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the JSON.")
        Path out;

        @Option(names = "--force", description = "Overwrite FILE if it exists.")
        boolean force;

        @Override
        public Integer call() {
            OutputFile.check(out, force);
            BenchmarkRun run = runs.get(id);
            long bytes = OutputFile.write(out, force, RunJson.text(RunJson.export(run)) + "\n");
            System.out.println("run " + run.id() + " written to " + out + " (" + Format.bytes(bytes) + ")");
            return 0;
        }
    }
}
