package dev.dbx.core.capability;

import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.store.Capability;
import dev.dbx.core.sync.Change;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The system of record's own record of what changed, for incremental syncs: the store logs the keys its dataset's
 * writes touch (deletes included) and keeps, for each consumer (a target store), the position up to which that
 * consumer has every change. A position is a snapshot of the store (see {@link SnapshotSource.Snapshot#position()}),
 * not a time: a write is after a position when the snapshot did not see it, however early it began.
 */
public interface ChangeTracking extends Capability {
    /** Starts logging the dataset's changes (the log, and what writes to it); harmless to repeat. */
    void install(Dataset dataset);

    /** Whether the dataset's changes are being logged. */
    boolean installed(Dataset dataset);

    /** The store's position now (a snapshot taken now): nothing committed later is before it. */
    String position();

    /**
     * A consumer's position.
     *
     * @param position the snapshot the consumer holds every change up to
     * @param complete false while the full copy that set it runs (or when it never finished)
     * @param at when it was set
     */
    record Watermark(String consumer, String position, boolean complete, Instant at) {}

    /** The consumer's watermark, if it has one. */
    Optional<Watermark> watermark(Dataset dataset, String consumer);

    /**
     * Sets the consumer's position; {@code complete} false while a full copy from that position runs: the change
     * log keeps every change after it from then on, and an incremental sync refuses the consumer until it is complete.
     */
    void mark(Dataset dataset, String consumer, String position, boolean complete);

    /** Forgets the consumer (its changes are no longer kept for it). */
    void forget(Dataset dataset, String consumer);

    /**
     * Opens the changes after {@code position}, as of a new snapshot ({@link Changes#to()}): for each key changed in
     * between, the row as it is in that snapshot (an upsert) or a delete when it is gone. Upserts come in the
     * dataset's load order (parents first), deletes after them in reverse order (children first).
     */
    Changes changesSince(Dataset dataset, String position);

    /** Deletes the logged changes every consumer's watermark has passed; returns how many. */
    long prune(Dataset dataset);

    /** Changes read from one snapshot, streamed in batches. */
    interface Changes extends AutoCloseable {
        /** The position the changes start after. */
        String from();

        /** The position they lead to: the snapshot they were read in. */
        String to();

        /** The next up to {@code max} changes; empty at the end. */
        List<Change> next(int max);

        @Override
        void close();
    }
}
