package dev.dbx.sync.batch;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.ChangeTracking;
import dev.dbx.core.capability.SnapshotSource;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.store.Store;
import dev.dbx.workloads.load.CountingSource;
import dev.dbx.workloads.load.DatasetLoader;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code dbx sync full}: one snapshot of the source, copied into each target through the target's own bulk load
 * (replacing what it held), so every target holds the same committed state. When the source tracks changes, each
 * target's watermark becomes that snapshot: an incremental sync carries exactly what committed after it.
 *
 * <p>Open it, copy to each target, close it: the snapshot stays open (and the source keeps its rows) until then.
 */
public final class FullSync implements AutoCloseable {
    private final Store source;
    private final Dataset dataset;
    private final SnapshotSource.Snapshot snapshot;
    private final ChangeTracking tracking;

    private FullSync(Store source, Dataset dataset, SnapshotSource.Snapshot snapshot, ChangeTracking tracking) {
        this.source = source;
        this.dataset = dataset;
        this.snapshot = snapshot;
        this.tracking = tracking;
    }

    /**
     * Takes the snapshot the targets will be copied from. With change tracking, it is installed first and each target's
     * watermark is held (incomplete) from before the snapshot, so pruning keeps every change it will need.
     */
    public static FullSync begin(Store source, Dataset dataset, List<String> targets) {
        SnapshotSource snapshots = source.capability(SnapshotSource.class)
                .orElseThrow(() -> new DbxException(
                        "store " + source.id() + " cannot be synced from: it cannot read a dataset as one snapshot",
                        "sync from postgres, the system of record"));
        Optional<ChangeTracking> tracking = source.capability(ChangeTracking.class);
        tracking.ifPresent(t -> {
            t.install(dataset);
            String before = t.position();
            // a watermark older than the snapshot holds every change the snapshot will not see
            targets.forEach(target -> t.mark(dataset, target, before, false));
        });
        SnapshotSource.Snapshot snapshot = snapshots.open(dataset);
        try {
            tracking.ifPresent(t -> targets.forEach(target -> t.mark(dataset, target, snapshot.position(), false)));
        } catch (RuntimeException e) {
            snapshot.close();
            throw e;
        }
        return new FullSync(source, dataset, snapshot, tracking.orElse(null));
    }

    /** Where the snapshot stands: the watermark every target copied from it gets. */
    public String position() {
        return snapshot.position();
    }

    /**
     * Replaces the dataset in {@code target} with the snapshot's rows; {@code listener} sees the counting source before
     * the load starts (for progress). On success the target's watermark is the snapshot, complete; on failure
     * it has none.
     */
    public DatasetLoader.Result copyTo(Store target, Consumer<CountingSource> listener) {
        if (target.id().equals(source.id())) {
            throw new DbxException(
                    "store " + source.id() + " is the source of the sync", "name other stores as targets (--to)");
        }
        CountingSource counting = new CountingSource(snapshot);
        listener.accept(counting);
        DatasetLoader.Result result;
        try {
            result = DatasetLoader.load(target, counting, true);
        } catch (RuntimeException e) {
            // a target left partial has no position: forgetting it lets the log be pruned, and an incremental sync
            // says it needs a full one
            if (tracking != null) {
                tracking.forget(dataset, target.id());
            }
            throw e;
        }
        if (tracking != null) {
            tracking.mark(dataset, target.id(), snapshot.position(), true);
        }
        return result;
    }

    /** Ends the snapshot, then drops the logged changes every target has passed. */
    @Override
    public void close() {
        snapshot.close();
        if (tracking != null) {
            tracking.prune(dataset);
        }
    }
}
