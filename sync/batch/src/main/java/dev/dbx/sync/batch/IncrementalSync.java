package dev.dbx.sync.batch;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.ChangeTracking;
import dev.dbx.core.capability.Sink;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.store.Store;
import dev.dbx.core.sync.Change;
import java.time.Duration;
import java.util.List;

/**
 * {@code dbx sync incremental}: the changes the source logged after a target's watermark, read in one new snapshot of
 * the source (each changed key's row as it is there, or a delete when it is gone), applied through the target's
 * {@link Sink}, then the watermark moved to that snapshot. A target without a complete watermark is refused: it needs
 * a full sync first (not done silently: a full copy can take long and replaces what the target holds).
 *
 * <p>A crash after applying and before moving the watermark makes the next run apply the same changes again, which
 * the sink's idempotence makes harmless.
 */
public final class IncrementalSync {
    /** Changes applied per {@link Sink#apply} call. */
    static final int BATCH = 1_000;

    private IncrementalSync() {}

    /**
     * What one run did.
     *
     * @param from the watermark before the run
     * @param to the watermark after it
     * @param pruned logged changes dropped afterwards because every target had passed them
     */
    public record Result(
            String target,
            long upserts,
            long deletes,
            String from,
            String to,
            Duration time,
            long pruned,
            String method) {
        public long changes() {
            return upserts + deletes;
        }
    }

    /** Follows a run: called after each applied batch with the totals so far. */
    @FunctionalInterface
    public interface Progress {
        void applied(long upserts, long deletes);
    }

    public static Result run(Store source, Store target, Dataset dataset, Progress progress) {
        ChangeTracking tracking = source.capability(ChangeTracking.class)
                .orElseThrow(() -> new DbxException(
                        "store " + source.id() + " does not track changes: an incremental sync cannot start from it",
                        "sync from postgres, the system of record"));
        if (target.id().equals(source.id())) {
            throw new DbxException(
                    "store " + source.id() + " is the source of the sync", "name other stores as targets (--to)");
        }
        Sink sink = target.capability(Sink.class)
                .orElseThrow(() -> new DbxException(
                        "store " + target.id() + " cannot take changes (it has no Sink capability yet)",
                        "keep it in sync with: dbx sync full --from " + source.id() + " --to " + target.id()));
        String fullFirst = "copy it first with: dbx sync full --from " + source.id() + " --to " + target.id();
        if (!tracking.installed(dataset)) {
            throw new DbxException(
                    source.id() + " does not track the changes of " + dataset.name() + " (never synced, or its tables"
                            + " were loaded again since, which drops the tracking)",
                    fullFirst);
        }
        ChangeTracking.Watermark watermark = tracking.watermark(dataset, target.id())
                .orElseThrow(() -> new DbxException(
                        "store " + target.id() + " has never had a full sync of " + dataset.name() + " from "
                                + source.id() + ", so there is no point to carry changes from",
                        fullFirst));
        if (!watermark.complete()) {
            throw new DbxException(
                    "the full sync of " + dataset.name() + " into " + target.id() + " started " + watermark.at()
                            + " never finished",
                    fullFirst);
        }
        long t0 = System.nanoTime();
        long upserts = 0;
        long deletes = 0;
        String to;
        try (ChangeTracking.Changes changes = tracking.changesSince(dataset, watermark.position())) {
            for (List<Change> batch = changes.next(BATCH); !batch.isEmpty(); batch = changes.next(BATCH)) {
                sink.apply(dataset, batch);
                long gone = batch.stream().filter(Change::isDelete).count();
                deletes += gone;
                upserts += batch.size() - gone;
                progress.applied(upserts, deletes);
            }
            to = changes.to();
        }
        tracking.mark(dataset, target.id(), to, true);
        Duration time = Duration.ofNanos(System.nanoTime() - t0);
        long pruned = tracking.prune(dataset);
        return new Result(target.id(), upserts, deletes, watermark.position(), to, time, pruned, sink.method());
    }
}
