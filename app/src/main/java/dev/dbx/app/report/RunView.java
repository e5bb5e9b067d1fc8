package dev.dbx.app.report;

import dev.dbx.workloads.runner.BenchmarkRun;
import java.util.List;

/** One run with its stores' figures derived once (merging histograms is not free; a page reads them many times). */
record RunView(BenchmarkRun run, List<StoreSummary> stores) {
    static RunView of(BenchmarkRun run) {
        return new RunView(run, run.results().stream().map(StoreSummary::new).toList());
    }

    static List<RunView> of(List<BenchmarkRun> runs) {
        return runs.stream().map(RunView::of).toList();
    }

    List<StoreSummary> measured() {
        return stores.stream().filter(StoreSummary::measured).toList();
    }

    /** A heading for the run: its id, workload and variant. */
    String title() {
        String variant = run.variant() == null || run.variant().isBlank() ? "" : " (" + run.variant() + ")";
        return run.id() + ": " + run.workload() + variant;
    }
}
