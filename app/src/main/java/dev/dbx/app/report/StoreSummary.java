package dev.dbx.app.report;

import dev.dbx.core.store.Placement;
import dev.dbx.runs.StoreFigures;
import dev.dbx.workloads.runner.ResourceSample;
import dev.dbx.workloads.runner.Second;
import dev.dbx.workloads.runner.StoreRun;
import java.util.DoubleSummaryStatistics;
import java.util.Objects;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/**
 * The figures a report shows for one store's run, derived once from the model: merged histograms, the server's and
 * dbx's CPU and memory, and what the per-second series say. Tables, charts and summaries all read them from here.
 */
final class StoreSummary {
    private final StoreRun run;
    private final Histogram response;
    private final Histogram service;

    StoreSummary(StoreRun run) {
        this.run = run;
        this.response = run.response();
        this.service = run.service();
    }

    StoreRun run() {
        return run;
    }

    /** Whether there is anything to draw: the store ran (fully or in part) and some operation finished. */
    boolean measured() {
        return run.status() != StoreRun.Status.FAILED && response.getTotalCount() > 0;
    }

    Histogram response() {
        return response;
    }

    Histogram service() {
        return service;
    }

    /**
     * Whether service time tells something response time does not: only in an open loop, where a stall delays the
     * operations queued behind it (closed loop records the two as one).
     */
    boolean serviceDiffers() {
        return !response.equals(service);
    }

    /** The response time at a percentile (0-100), in microseconds. */
    long responseMicros(double percentile) {
        return response.getValueAtPercentile(percentile);
    }

    long serviceMicros(double percentile) {
        return service.getValueAtPercentile(percentile);
    }

    /** The server's CPU over the run, in percent of one core; empty when it was not sampled. */
    DoubleSummaryStatistics serverCpu() {
        return statistics(ResourceSample::serverCpuPercent);
    }

    DoubleSummaryStatistics dbxCpu() {
        return statistics(s -> s.dbxCpuPercent());
    }

    /** The server's peak memory (PSS of its process tree, or what an external one reports), or null: not sampled. */
    Long serverMemoryPeak() {
        return StoreFigures.of(run).serverMemoryPeakBytes();
    }

    long dbxHeapPeak() {
        return run.resources().stream()
                .mapToLong(ResourceSample::dbxHeapBytes)
                .max()
                .orElse(0);
    }

    long dbxGcMillis() {
        return run.resources().stream().mapToLong(ResourceSample::dbxGcMillis).sum();
    }

    boolean hasServerFigures() {
        return serverCpu().getCount() > 0 || serverMemoryPeak() != null;
    }

    /**
     * Why the server's own CPU and memory are missing, said plainly, or null when they were sampled. The placement
     * tells: an external server is not a process here; an embedded store's work is dbx's own.
     */
    String serverFiguresAbsence() {
        if (hasServerFigures()) {
            return null;
        }
        String placement = run.placement() == null ? "" : run.placement();
        if (placement.startsWith(Placement.EXTERNAL.label())) {
            return "n/a: external server";
        }
        if (placement.startsWith(Placement.EMBEDDED.label())) {
            return "embedded in dbx's JVM (its work is in dbx's CPU)";
        }
        return run.status() == StoreRun.Status.FAILED ? "n/a: did not run" : "n/a: not sampled";
    }

    /** Operations finished in each measured second: its throughput. */
    DoubleSummaryStatistics throughputPerSecond() {
        return run.series().stream().mapToDouble(Second::operations).summaryStatistics();
    }

    /** The median of the per-second throughput (steadier than the mean when a second stalls). */
    double medianThroughputPerSecond() {
        long[] ops =
                run.series().stream().mapToLong(Second::operations).sorted().toArray();
        if (ops.length == 0) {
            return 0;
        }
        int mid = ops.length / 2;
        return ops.length % 2 == 1 ? ops[mid] : (ops[mid - 1] + ops[mid]) / 2.0;
    }

    /** The second with the worst p99, or null without a series. */
    Second worstP99Second() {
        return run.series().stream()
                .max((a, b) -> Long.compare(a.p99Micros(), b.p99Micros()))
                .orElse(null);
    }

    long secondsWithErrors() {
        return run.series().stream().filter(s -> s.errors() > 0).count();
    }

    /** The durability the store declared, or null. */
    String durability() {
        return run.semantics().get("durability");
    }

    private DoubleSummaryStatistics statistics(Function<ResourceSample, Double> figure) {
        return run.resources().stream()
                .map(figure)
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .summaryStatistics();
    }
}
