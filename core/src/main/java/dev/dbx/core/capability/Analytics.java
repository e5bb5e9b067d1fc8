package dev.dbx.core.capability;

import dev.dbx.core.query.CacheDrop;
import dev.dbx.core.query.ResultTable;
import dev.dbx.core.store.Capability;
import java.time.Duration;
import java.util.Optional;

/**
 * Named analytical queries over the store's own model of a dataset: TPC-H's queries in the engine's own language (its
 * SQL dialect, an aggregation pipeline, search aggregations, Cypher), kept as resource files next to the adapter, with
 * the specification's default substitution parameters. A query the engine cannot express is not faked: {@link
 * #unsupported} says why, and the workload reports it as n/a.
 */
public interface Analytics extends Capability {
    /**
     * Why this store does not answer {@code query} of {@code suite} (e.g. "tpch", "q20"), or empty when it does. A
     * suite the store knows nothing of is unsupported for every query.
     */
    Optional<String> unsupported(String suite, String query);

    /** The query as sent to the engine (SQL text, a pipeline as JSON, Cypher), for reports and explain. */
    String text(String suite, String query);

    /**
     * Runs the query and returns its whole answer, rows in the engine's order. The engine itself cancels it after
     * {@code timeout} (a statement timeout, {@code maxTimeMS}, {@code max_execution_time}...), so a runaway query does
     * not keep the server busy after dbx gave up on it.
     */
    ResultTable run(String suite, String query, Duration timeout);

    /**
     * Empties what the engine caches between runs (result and plan caches, buffer pools) as far as it can without a
     * restart, and says what it could not. The OS page cache is not the store's: the workload drops that.
     */
    CacheDrop dropCaches();
}
