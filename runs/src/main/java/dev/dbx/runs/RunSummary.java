package dev.dbx.runs;

import dev.dbx.workloads.runner.StoreRun;
import java.time.Instant;
import java.util.List;

/**
 * A stored run in brief, for listing: what ran, when, whether the answers were right, and each store's throughput.
 *
 * @param correct every store that could run answered correctly
 */
public record RunSummary(
        String id,
        String group,
        String variant,
        String workload,
        Instant started,
        boolean correct,
        List<Store> stores) {
    public RunSummary {
        stores = List.copyOf(stores);
    }

    /**
     * One store's part in brief.
     *
     * @param hotScoreMs a query suite's score (geometric mean of the correct queries' hot times), or null
     */
    public record Store(
            String store,
            StoreRun.Status status,
            double opsPerSecond,
            boolean correct,
            String reason,
            Double hotScoreMs) {}
}
