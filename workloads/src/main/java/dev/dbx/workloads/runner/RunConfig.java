package dev.dbx.workloads.runner;

import java.time.Duration;
import java.util.Locale;

/**
 * How to run a workload.
 *
 * @param threads client threads (each with its own worker and session)
 * @param virtualThreads virtual threads instead of platform threads
 * @param duration how long to measure, or null to stop after {@code operations}
 * @param operations how many operations to measure (all threads together), or 0 to stop after {@code duration}
 * @param warmup how long to run before measuring: operations executed, not recorded
 * @param rate the target rate in operations per second for all threads together (open loop), or 0 for closed loop
 * @param arrival how intended start times are spaced in an open loop
 * @param operationTimeout the longest one operation may take; a run where none finishes for this long is stopped
 * @param seed the random seed (the same seed gives the same sequence of keys and operations per thread)
 */
public record RunConfig(
        int threads,
        boolean virtualThreads,
        Duration duration,
        long operations,
        Duration warmup,
        double rate,
        Arrival arrival,
        Duration operationTimeout,
        long seed) {
    public enum Arrival {
        /** Evenly spaced. */
        UNIFORM,
        /** Exponential gaps: a Poisson process, how independent clients arrive. */
        POISSON;

        public static Arrival parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new dev.dbx.core.DbxException("unknown arrival '" + text + "'", "use uniform or poisson");
            }
        }
    }

    public RunConfig {
        if (threads < 1) {
            throw new dev.dbx.core.DbxException("--threads must be at least 1, not " + threads);
        }
        if ((duration == null || duration.isZero()) && operations <= 0) {
            throw new dev.dbx.core.DbxException("a run needs a --duration or a number of --ops");
        }
        if (duration != null && duration.isNegative()) {
            throw new dev.dbx.core.DbxException("--duration must be positive");
        }
        if (rate < 0 || Double.isNaN(rate) || Double.isInfinite(rate)) {
            throw new dev.dbx.core.DbxException("--rate must be a positive number of operations per second");
        }
        warmup = warmup == null ? Duration.ZERO : warmup;
        if (warmup.isNegative()) {
            throw new dev.dbx.core.DbxException("--warmup must not be negative");
        }
        arrival = arrival == null ? Arrival.UNIFORM : arrival;
        operationTimeout = operationTimeout == null ? Duration.ofSeconds(10) : operationTimeout;
    }

    /** Open loop: operations start on a schedule, whatever the server does (a stall shows in response time). */
    public boolean openLoop() {
        return rate > 0;
    }

    public String mode() {
        return openLoop()
                ? "open loop, " + String.format(Locale.ROOT, "%,.0f", rate) + " ops/s, "
                        + arrival.name().toLowerCase(Locale.ROOT) + " arrivals"
                : "closed loop (each thread starts its next operation when the last one ends)";
    }
}
