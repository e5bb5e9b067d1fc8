package dev.dbx.core.capability;

import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.store.Capability;
import dev.dbx.core.sync.CaptureSource;
import dev.dbx.core.sync.SlotState;
import java.util.Optional;

/**
 * A store whose log change data capture can follow (PostgreSQL's WAL through logical decoding): what dbx prepares in
 * the source for a capture pipeline, and how far the pipeline's replication slot has come. The capture process itself
 * (Debezium) reads the log; everything else dbx does in the source goes through here, never through a driver in sync/.
 *
 * <p>A pipeline has a name (e.g. "tpch"); its slot and publication are named after it, so pipelines do not meet.
 */
public interface ChangeSource extends Capability {
    /**
     * Makes the source ready to capture {@code dataset}'s changes for {@code pipeline}: the heartbeat table (which
     * keeps the slot moving on a quiet database) and a publication of the dataset's tables and that table. Harmless to
     * repeat. The dataset's schema must exist.
     */
    CaptureSource prepare(Dataset dataset, String pipeline);

    /** The pipeline's replication slot, or empty when there is none (no capture has started yet, or it was dropped). */
    Optional<SlotState> slot(String pipeline);

    /**
     * Drops the pipeline's slot and publication: the source keeps no more log for it. Nothing happens for what does not
     * exist. The slot must not be in use (stop the capture), and the capture's stored offsets must be forgotten too, so
     * the next capture starts with a new snapshot.
     *
     * @param replicationUser the role that may drop a replication slot (PostgreSQL asks for REPLICATION, which the
     *     store's own role may lack); it logs in with the store's password
     */
    void drop(String pipeline, String replicationUser);
}
