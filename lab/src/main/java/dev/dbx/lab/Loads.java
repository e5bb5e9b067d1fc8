package dev.dbx.lab;

import dev.dbx.core.DbxException;
import dev.dbx.core.Failures;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.store.Store;
import dev.dbx.workloads.load.CountingSource;
import dev.dbx.workloads.load.DatasetLoader;
import dev.dbx.workloads.load.HeapPeak;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a dataset into stores one after the other (so each store's rows/s is its own). Before anything is written or
 * dropped, the stores on this machine must have the disk space; each store is held against a second loader of this
 * lab while it loads, and its load is recorded (see {@link LoadRecords}) so that a load cut short is known as partial.
 */
public final class Loads {
    private Loads() {}

    /**
     * One store's outcome: a result, or why it failed.
     *
     * @param unexpected the failure when it was not a {@link DbxException} (a bug: worth a stack trace in the log)
     */
    public record Outcome(
            StoreTarget target,
            String server,
            DatasetLoader.Result result,
            Long peakHeapBytes,
            Long liveHeapBytes,
            String error,
            RuntimeException unexpected) {}

    /** Follows a load as it goes: a progress display starts with each store and ends with its outcome. */
    public interface Listener {
        default void started(StoreTarget target, CountingSource source) {}

        default void finished(Outcome outcome) {}
    }

    /**
     * Loads {@code choice} into each target; {@code ignoreSpace} skips the disk-space check (for a user who knows the
     * estimate is too high).
     */
    public static List<Outcome> run(
            Lab lab,
            List<StoreTarget> targets,
            DatasetChoice choice,
            boolean replace,
            boolean ignoreSpace,
            Listener listener) {
        if (!ignoreSpace) {
            SpaceCheck.require(lab, targets, choice);
        }
        LoadRecords records = new LoadRecords(lab.dataDir());
        List<Outcome> outcomes = new ArrayList<>();
        for (StoreTarget target : targets) {
            Outcome outcome = loadOne(lab, records, target, choice, replace, listener);
            listener.finished(outcome);
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private static Outcome loadOne(
            Lab lab,
            LoadRecords records,
            StoreTarget target,
            DatasetChoice choice,
            boolean replace,
            Listener listener) {
        String server = null;
        boolean started = false;
        try (AutoCloseable held = records.lock(target);
                Store store = lab.open(target)) {
            server = store.identity().toString();
            if (!replace) {
                refuseWhatIsThere(records, target, store, choice);
            }
            CountingSource source = DatasetLoader.counting(choice.source());
            HeapPeak.reset();
            records.started(target, choice);
            started = true;
            listener.started(target, source);
            DatasetLoader.Result result = DatasetLoader.load(store, source, replace);
            records.complete(target, choice.dataset());
            return new Outcome(target, server, result, HeapPeak.bytes(), HeapPeak.liveBytes(), null, null);
        } catch (DbxException e) {
            if (started) {
                records.failed(target, choice.dataset(), e.userMessage());
            }
            return new Outcome(target, server, null, null, null, e.userMessage(), null);
        } catch (RuntimeException e) {
            if (started) {
                records.failed(target, choice.dataset(), Failures.describe(e));
            }
            return new Outcome(target, server, null, null, null, Failures.describe(e), e);
        } catch (Exception e) {
            // closing the lock: the load itself is over
            return new Outcome(target, server, null, null, null, Failures.describe(e), null);
        }
    }

    /** Without --replace, a store that holds the dataset is refused, saying whether what it holds is whole. */
    private static void refuseWhatIsThere(LoadRecords records, StoreTarget target, Store store, DatasetChoice choice) {
        var dataset = choice.source().dataset();
        if (!store.require(DatasetModel.class).isLoaded(dataset)) {
            return;
        }
        String what = records.get(target, dataset.name())
                .map(e -> switch (e.state()) {
                    case COMPLETE ->
                        "already holds the " + dataset.name() + " dataset (" + e.source() + ", loaded " + e.finished()
                                + ")";
                    case LOADING ->
                        "holds a partial " + dataset.name() + " load (" + e.source() + ", started " + e.started()
                                + " and never finished: interrupted, or the server died)";
                    case FAILED ->
                        "holds a partial " + dataset.name() + " load (" + e.source() + ", failed: " + e.error() + ")";
                })
                .orElse("already holds the " + dataset.name() + " dataset (not loaded by this lab, or before"
                        + " loads were recorded)");
        throw new DbxException(
                "store " + target.storeId() + " " + what,
                "use --replace to drop it and load it again, or dbx drop --dataset " + dataset.name() + " --stores "
                        + target.storeId() + " to remove it");
    }
}
