package dev.dbx.core.capability;

import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.store.Capability;

/**
 * Reads a dataset as one consistent snapshot of the store: every entity, and every stream of it (several at once, on
 * several threads), sees the same committed state, whatever commits meanwhile. What {@code dbx sync full} copies from
 * the system of record into the other stores, through their own bulk load.
 */
public interface SnapshotSource extends Capability {
    /** Takes a snapshot of {@code dataset}; close it to let the store forget it. */
    Snapshot open(Dataset dataset);

    /**
     * A dataset as of one moment: its rows are streamed (cursors), never all held in memory, each entity's in
     * primary-key order as the generator gives them (stores that embed a child in its parent read both in step).
     */
    interface Snapshot extends DatasetSource, AutoCloseable {
        /**
         * Where this snapshot stands in the store's history, in the form {@link ChangeTracking} takes: the changes
         * after it are what an incremental sync carries next.
         */
        String position();

        @Override
        void close();
    }
}
