package dev.dbx.core.capability;

import dev.dbx.core.query.BuiltIndex;
import dev.dbx.core.query.IndexProposal;
import dev.dbx.core.query.WriteCost;
import dev.dbx.core.store.Capability;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the scans an index would serve in the plans of a workload's queries, proposes the indexes, and estimates
 * their gain without keeping anything (each is created inside a transaction, the planner asked, the transaction rolled
 * back: what HypoPG-based advisors do with hypothetical indexes). Only {@link #apply} changes the database, and
 * {@link #revert} drops exactly what dbx added, found by the {@link #PREFIX} of its name in the engine's catalog.
 */
public interface IndexAdvisor extends Capability {
    /** Every index dbx adds is named {@code dbx_advised_<table>_<columns>}. */
    String PREFIX = "dbx_advised_";

    /**
     * The indexes that would serve the scans in the plans of {@code queries} (name to query text), each tried on the
     * queries whose plans scan its table; only those the planner uses with a gain are proposed. Nothing is kept.
     */
    List<IndexProposal> advise(Map<String, String> queries, Duration timeout);

    /** Builds {@code proposal}'s index (nothing happens if it already exists) and returns it as the catalog has it. */
    BuiltIndex apply(IndexProposal proposal);

    /** The indexes dbx added, from the engine's catalog. */
    List<BuiltIndex> added();

    /** Drops every index dbx added and returns their names; nothing else is touched. */
    List<String> revert();

    /**
     * Times a small write workload on {@code table} ({@code rows} rows inserted then deleted, rolled back), or says
     * why it cannot be done on that table.
     */
    WriteCost writeCost(String table, int rows, Duration timeout);

    /** Why {@link #writeCost} cannot run on {@code table}, or empty when it can. */
    default Optional<String> writeCostUnavailable(String table) {
        return Optional.empty();
    }
}
