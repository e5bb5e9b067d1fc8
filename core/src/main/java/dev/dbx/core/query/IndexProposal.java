package dev.dbx.core.query;

import java.util.List;

/**
 * An index the advisor proposes, with what the engine's planner made of it when it was tried without being kept.
 *
 * @param name the index's name, starting with {@link dev.dbx.core.capability.IndexAdvisor#PREFIX} so dbx finds what it
 *     added
 * @param table the table it indexes
 * @param columns its key columns, in order
 * @param ddl the statement that builds it
 * @param reason why it is proposed: the scans it would serve, in the plans' words
 * @param estimates for each query it was tried on, the planner's figure before and with it
 * @param estimateMethod how the estimate was made, e.g. "created inside a transaction, EXPLAIN, ROLLBACK"
 */
public record IndexProposal(
        String name,
        String table,
        List<String> columns,
        String ddl,
        String reason,
        List<Estimate> estimates,
        String estimateMethod) {

    public IndexProposal {
        columns = List.copyOf(columns);
        estimates = List.copyOf(estimates);
    }

    /**
     * One query's figure before and with the index, in {@code unit} (the planner's cost, or milliseconds measured
     * inside the rolled-back transaction when the engine's planner gives no cost).
     *
     * @param usesIndex whether the planner chose the index for this query
     */
    public record Estimate(String query, double before, double after, String unit, boolean usesIndex) {
        /** before / after: above 1 is a gain. */
        public double speedup() {
            return after <= 0 ? Double.POSITIVE_INFINITY : before / after;
        }
    }

    /** The largest speedup among the queries whose plan used the index (1 when none did). */
    public double bestSpeedup() {
        return estimates.stream()
                .filter(Estimate::usesIndex)
                .mapToDouble(Estimate::speedup)
                .max()
                .orElse(1);
    }
}
