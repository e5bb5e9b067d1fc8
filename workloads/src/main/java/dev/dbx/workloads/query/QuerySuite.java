package dev.dbx.workloads.query;

import dev.dbx.core.query.CacheDrop;
import dev.dbx.core.store.Store;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fixed set of named queries with checked answers (TPC-H, full-text search, graph traversals), run on each store the
 * way ClickBench runs its queries: once cold, then hot. Nothing here knows an engine: a suite reaches the store through
 * its capabilities, and a store without them is n/a with the reason.
 */
public interface QuerySuite {
    /** E.g. "tpch". */
    String name();

    /** What it runs, for reports. */
    String description();

    /** The settings that shape it (scale factor, query set), for reports and stored runs. */
    Map<String, String> parameters();

    /** Why it cannot run on {@code store} at all (a capability it lacks), or empty. */
    Optional<String> notApplicable(Store store);

    /** The suite's queries as {@code store} runs them, in order; those it cannot run say why. */
    List<SuiteQuery<?>> queries(Store store);

    /** Empties the store's own caches before a cold run (see {@link dev.dbx.core.capability.Analytics#dropCaches}). */
    CacheDrop dropCaches(Store store);

    /**
     * Whether answers are also compared across stores (by {@link SuiteQuery#digest}): for a suite without a ground
     * truth, the stores that differ from the others are wrong.
     */
    default boolean comparesAcrossStores() {
        return false;
    }

    /**
     * The stores' runs once all have run, with what only a comparison of them can add (e.g. each ranking's overlap with
     * a reference engine's); by default unchanged.
     */
    default List<SuiteRun> acrossStores(List<SuiteRun> runs) {
        return runs;
    }
}
