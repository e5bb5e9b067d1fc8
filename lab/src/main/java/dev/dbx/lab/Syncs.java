package dev.dbx.lab;

import dev.dbx.core.DbxException;
import dev.dbx.core.Failures;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Datasets;
import dev.dbx.core.store.Store;
import dev.dbx.sync.batch.FullSync;
import dev.dbx.sync.batch.IncrementalSync;
import dev.dbx.workloads.load.DatasetLoader;
import dev.dbx.workloads.load.HeapPeak;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps stores in sync from the system of record: a full copy of one snapshot into each target (its bulk load, one
 * target after the other so each one's rows/s is its own), or an incremental run per target carrying what changed
 * since its watermark. Each target is held against a concurrent load of this lab meanwhile and its load record says
 * what it holds: a copy of the source, not the dataset as generated.
 */
public final class Syncs {
    private Syncs() {}

    /**
     * A full sync: the snapshot's position and each target's outcome (as a load's, so loads and syncs compare).
     *
     * @param position the source's snapshot every target was copied from
     */
    public record Full(String source, String position, List<Loads.Outcome> outcomes) {}

    /** One target's incremental run: a result, or why it failed. */
    public record Incremental(
            StoreTarget target, IncrementalSync.Result result, String error, RuntimeException unexpected) {}

    /** Follows incremental runs as they go. */
    public interface IncrementalListener {
        default void started(StoreTarget target) {}

        default void applied(StoreTarget target, long upserts, long deletes) {}

        default void finished(Incremental outcome) {}
    }

    /** Copies one snapshot of {@code dataset} in {@code from} into every target. */
    public static Full full(
            Lab lab, StoreTarget from, List<StoreTarget> targets, String dataset, Loads.Listener listener) {
        Dataset d = Datasets.named(dataset);
        requireDistinct(from, targets);
        LoadRecords records = new LoadRecords(lab.dataDir());
        try (Store source = lab.open(from)) {
            requireLoaded(source, d);
            List<Loads.Outcome> outcomes = new ArrayList<>();
            try (FullSync sync = FullSync.begin(
                    source, d, targets.stream().map(StoreTarget::storeId).toList())) {
                for (StoreTarget target : targets) {
                    Loads.Outcome outcome = copy(lab, records, sync, from, target, d, listener);
                    listener.finished(outcome);
                    outcomes.add(outcome);
                }
                return new Full(from.storeId(), sync.position(), outcomes);
            }
        }
    }

    private static Loads.Outcome copy(
            Lab lab,
            LoadRecords records,
            FullSync sync,
            StoreTarget from,
            StoreTarget target,
            Dataset d,
            Loads.Listener listener) {
        String server = null;
        boolean started = false;
        try (AutoCloseable held = records.lock(target);
                Store store = lab.open(target)) {
            server = store.identity().toString();
            HeapPeak.reset();
            records.startedCopy(target, d.name(), d.name() + " from " + from.storeId() + " at " + sync.position());
            started = true;
            DatasetLoader.Result result = sync.copyTo(store, source -> listener.started(target, source));
            records.complete(target, d.name());
            return new Loads.Outcome(target, server, result, HeapPeak.bytes(), HeapPeak.liveBytes(), null, null);
        } catch (DbxException e) {
            if (started) {
                records.failed(target, d.name(), e.userMessage());
            }
            return new Loads.Outcome(target, server, null, null, null, e.userMessage(), null);
        } catch (RuntimeException e) {
            if (started) {
                records.failed(target, d.name(), Failures.describe(e));
            }
            return new Loads.Outcome(target, server, null, null, null, Failures.describe(e), e);
        } catch (Exception e) {
            // closing the lock: the copy itself is over
            return new Loads.Outcome(target, server, null, null, null, Failures.describe(e), null);
        }
    }

    /** Carries what changed in {@code from} since each target's watermark into it. */
    public static List<Incremental> incremental(
            Lab lab, StoreTarget from, List<StoreTarget> targets, String dataset, IncrementalListener listener) {
        Dataset d = Datasets.named(dataset);
        requireDistinct(from, targets);
        LoadRecords records = new LoadRecords(lab.dataDir());
        List<Incremental> outcomes = new ArrayList<>();
        try (Store source = lab.open(from)) {
            requireLoaded(source, d);
            for (StoreTarget target : targets) {
                listener.started(target);
                Incremental outcome = carry(lab, records, source, target, d, listener);
                listener.finished(outcome);
                outcomes.add(outcome);
            }
        }
        return outcomes;
    }

    private static Incremental carry(
            Lab lab, LoadRecords records, Store source, StoreTarget target, Dataset d, IncrementalListener listener) {
        try (AutoCloseable held = records.lock(target);
                Store store = lab.open(target)) {
            IncrementalSync.Result result =
                    IncrementalSync.run(source, store, d, (u, x) -> listener.applied(target, u, x));
            if (result.changes() > 0) {
                records.changed(
                        target,
                        d.name(),
                        "incremental sync from " + source.id() + ": " + result.upserts() + " upserts, "
                                + result.deletes() + " deletes");
            }
            return new Incremental(target, result, null, null);
        } catch (DbxException e) {
            return new Incremental(target, null, e.userMessage(), null);
        } catch (RuntimeException e) {
            return new Incremental(target, null, Failures.describe(e), e);
        } catch (Exception e) {
            return new Incremental(target, null, Failures.describe(e), null);
        }
    }

    private static void requireDistinct(StoreTarget from, List<StoreTarget> targets) {
        if (targets.stream().anyMatch(t -> t.storeId().equals(from.storeId()))) {
            throw new DbxException(
                    "store " + from.storeId() + " is the source of the sync and cannot be a target too",
                    "leave it out of --to");
        }
    }

    private static void requireLoaded(Store source, Dataset d) {
        if (!source.require(DatasetModel.class).isLoaded(d)) {
            throw new DbxException(
                    "store " + source.id() + " does not hold the " + d.name() + " dataset: there is nothing to sync",
                    "load it first: dbx load --dataset " + d.name() + " --stores " + source.id());
        }
    }
}
