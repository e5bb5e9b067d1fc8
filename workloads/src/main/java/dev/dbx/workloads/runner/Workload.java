package dev.dbx.workloads.runner;

import dev.dbx.core.store.Store;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a benchmark does to a store: a mix of operations with weights, performed by one {@link Worker} per thread. The
 * runner knows nothing of any engine: a workload reaches the store through the SPI (its capabilities), and a store
 * without the capability a workload needs is reported as n/a with the reason.
 */
public interface Workload {
    /** E.g. "ycsb-a". */
    String name();

    /** What it does, for reports, e.g. "50% read, 50% update, zipfian keys". */
    String description();

    /** The operations, by index: a worker returns one of these indexes from {@link Worker#choose()}. */
    List<String> operations();

    /** The settings that shape it (record count, distribution...), for reports and stored runs. */
    Map<String, String> parameters();

    /** Why it cannot run on {@code store} (a capability it lacks), or empty when it can. */
    Optional<String> notApplicable(Store store);

    /**
     * A worker for thread {@code thread} of {@code threads}, made on that thread: it opens what it needs (a key-value
     * session) and keeps it until closed.
     */
    Worker worker(Store store, int thread, int threads);
}
