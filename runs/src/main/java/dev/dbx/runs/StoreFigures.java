package dev.dbx.runs;

import dev.dbx.workloads.runner.ResourceSample;
import dev.dbx.workloads.runner.StoreRun;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.stream.DoubleStream;
import org.HdrHistogram.Histogram;

/**
 * The figures a report shows for one store's run, derived from what was measured: throughput, latency percentiles of
 * response and service time, the server's CPU (mean and peak) and memory (peak), dbx's CPU per operation. The run
 * store's summary columns, the tables and the JSON all take them from here, so they never disagree.
 *
 * @param response response-time percentiles, or null when no operation finished
 * @param service service-time percentiles, or null when no operation finished
 * @param serverCpuMeanPercent mean CPU of the server in percent of one core (a local engine's process tree, what an
 *     external server reports of itself, an embedded engine's own native threads), or null when not sampled
 */
public record StoreFigures(
        double opsPerSecond,
        Latencies response,
        Latencies service,
        Double serverCpuMeanPercent,
        Double serverCpuPeakPercent,
        Long serverMemoryPeakBytes,
        double dbxCpuMicrosPerOperation) {

    /** Percentiles in milliseconds. */
    public record Latencies(double p50Ms, double p95Ms, double p99Ms, double p999Ms, double maxMs) {
        static Latencies of(Histogram h) {
            if (h.getTotalCount() == 0) {
                return null;
            }
            return new Latencies(
                    ms(h.getValueAtPercentile(50)),
                    ms(h.getValueAtPercentile(95)),
                    ms(h.getValueAtPercentile(99)),
                    ms(h.getValueAtPercentile(99.9)),
                    ms(h.getMaxValue()));
        }
    }

    public static StoreFigures of(StoreRun run) {
        OptionalDouble cpuMean = serverCpu(run).average();
        OptionalDouble cpuPeak = serverCpu(run).max();
        Long memoryPeak = run.resources().stream()
                .map(ResourceSample::serverMemoryBytes)
                .filter(Objects::nonNull)
                .max(Long::compare)
                .orElse(null);
        return new StoreFigures(
                run.opsPerSecond(),
                Latencies.of(run.response()),
                Latencies.of(run.service()),
                cpuMean.isPresent() ? cpuMean.getAsDouble() : null,
                cpuPeak.isPresent() ? cpuPeak.getAsDouble() : null,
                memoryPeak,
                run.dbxCpuMicrosPerOperation());
    }

    private static DoubleStream serverCpu(StoreRun run) {
        return run.resources().stream()
                .map(ResourceSample::serverCpuPercent)
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue);
    }

    /** Microseconds (the runner's unit) as milliseconds. */
    public static double ms(long micros) {
        return micros / 1_000.0;
    }
}
