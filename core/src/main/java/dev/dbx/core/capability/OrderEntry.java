package dev.dbx.core.capability;

import dev.dbx.core.store.Capability;

/**
 * Order entry on the loaded TPC-H tables: new orders with their line items, order and line changes, customer changes,
 * cancellations and deletes, each one transaction. It drives change data capture ({@code dbx churn}), so it writes
 * the dataset's own tables and nothing else. Work goes through {@link OrderEntrySession}s, one per thread, each with
 * its connection pinned and its statements prepared once (as {@link KeyValue}'s sessions).
 */
public interface OrderEntry extends Capability {
    /**
     * What is loaded (counts and key ranges the workload draws from), asked once before a run. It also makes sure new
     * order keys start above every order key in the table, so they collide neither with loaded orders nor with another
     * run's. Fails with a clear {@link dev.dbx.core.DbxException} when TPC-H is not loaded.
     */
    OrderEntryData prepare();

    /** A session for one thread, holding a connection of the store's pool until closed. */
    OrderEntrySession openSession();
}
