package dev.dbx.workloads.runner;

import dev.dbx.workloads.query.QueryFigures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One workload's run on one store: what was measured, with its raw histograms, and whether the answers were right.
 *
 * @param server the server as it reported itself
 * @param placement where it ran (a local engine, embedded in dbx's JVM, an external server)
 * @param semantics what the store declares for its writes (update kind, durability, concurrency), for reports
 * @param mode open or closed loop, with the rate
 * @param status how it ended
 * @param reason why it ended early, or what was wrong, or null
 * @param measuredNanos how long measuring lasted (warm-up excluded)
 * @param errors failed operations, by kind
 * @param wrongAnswers operations whose answer was not what was written
 * @param wrongExamples the first few wrong answers, described
 * @param dbxCpuNanos CPU dbx's JVM used while measuring (an embedded store's work included)
 * @param conflictRetries writes the store re-ran after a write conflict (DuckDB), summed over sessions
 * @param queries a query suite's per-query figures (TPC-H, search, graph), or null for an operation mix (YCSB)
 */
public record StoreRun(
        String workload,
        String store,
        String server,
        String placement,
        Map<String, String> semantics,
        String mode,
        Status status,
        String reason,
        Instant started,
        long measuredNanos,
        List<OperationStats> operations,
        Map<String, Long> errors,
        long wrongAnswers,
        List<String> wrongExamples,
        List<Second> series,
        List<ResourceSample> resources,
        long dbxCpuNanos,
        long conflictRetries,
        QueryFigures queries) {
    public enum Status {
        /** Measured to the end. */
        COMPLETE,
        /** Stopped early (the server stopped answering, or nothing finished within the timeout): a partial result. */
        PARTIAL,
        /** Could not run at all (n/a, or the store could not be opened). */
        FAILED
    }

    /** An operation mix's run (no query figures). */
    public StoreRun(
            String workload,
            String store,
            String server,
            String placement,
            Map<String, String> semantics,
            String mode,
            Status status,
            String reason,
            Instant started,
            long measuredNanos,
            List<OperationStats> operations,
            Map<String, Long> errors,
            long wrongAnswers,
            List<String> wrongExamples,
            List<Second> series,
            List<ResourceSample> resources,
            long dbxCpuNanos,
            long conflictRetries) {
        this(
                workload,
                store,
                server,
                placement,
                semantics,
                mode,
                status,
                reason,
                started,
                measuredNanos,
                operations,
                errors,
                wrongAnswers,
                wrongExamples,
                series,
                resources,
                dbxCpuNanos,
                conflictRetries,
                null);
    }

    public StoreRun {
        operations = List.copyOf(operations);
        errors = Map.copyOf(errors);
        wrongExamples = List.copyOf(wrongExamples);
        series = List.copyOf(series);
        resources = List.copyOf(resources);
    }

    /** Operations that finished, all kinds. */
    public long totalOperations() {
        return operations.stream().mapToLong(OperationStats::count).sum();
    }

    public long totalErrors() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    public double opsPerSecond() {
        return measuredNanos <= 0 ? 0 : totalOperations() / (measuredNanos / 1e9);
    }

    /** Correct: no wrong answer (errors are counted separately). */
    public boolean correct() {
        return wrongAnswers == 0 && status != Status.FAILED && (queries == null || queries.correct());
    }

    /** All operations' response times together. */
    public Histogram response() {
        return merged(true);
    }

    /** All operations' service times together. */
    public Histogram service() {
        return merged(false);
    }

    /** dbx's CPU per finished operation, in microseconds. */
    public double dbxCpuMicrosPerOperation() {
        long ops = totalOperations();
        return ops == 0 ? 0 : dbxCpuNanos / 1e3 / ops;
    }

    private Histogram merged(boolean response) {
        Histogram all = new Histogram(Recorders.HIGHEST_MICROS, Recorders.DIGITS);
        for (OperationStats op : operations) {
            all.add(response ? op.response() : op.service());
        }
        return all;
    }

    /** A run that could not happen. */
    public static StoreRun failed(String workload, String store, String server, String reason) {
        return new StoreRun(
                workload,
                store,
                server,
                null,
                Map.of(),
                null,
                Status.FAILED,
                reason,
                Instant.now(),
                0,
                List.of(),
                Map.of(),
                0,
                List.of(),
                List.of(),
                List.of(),
                0,
                0);
    }
}
