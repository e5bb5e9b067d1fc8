package dev.dbx.app;

import dev.dbx.runs.RunComparison;
import dev.dbx.runs.RunStore;
import dev.dbx.workloads.runner.BenchmarkRun;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Put stored runs side by side: per store, ops/s, p50, p99 and p99.9 of each run with its ratio to the first.",
            "A difference within the runs' own second-to-second spread is marked as noise, not a win (Welch's t-test",
            "on the per-second values, and a difference larger than the spread; docs/runs.md says more). Runs of other",
            "workloads, settings, servers or durabilities can be compared: the output says what differs."
        })
final class CompareCommand implements Callable<Integer> {
    @ParentCommand
    Dbx dbx;

    @Parameters(
            arity = "2..*",
            paramLabel = "RUN",
            description = "Runs by id, or the start of an id when that names one run; the first is the baseline.")
    List<String> ids;

    @Override
    public Integer call() {
        List<BenchmarkRun> runs = new ArrayList<>();
        try (RunStore store = RunStore.open(dbx.lab().dataDir())) {
            for (String id : ids) {
                runs.add(store.get(id));
            }
        }
        CompareRendering.print(RunComparison.of(runs), System.out);
        return 0;
    }
}
