package dev.dbx.lab;

import dev.dbx.core.DbxException;
import dev.dbx.core.Failures;
import dev.dbx.core.store.Store;
import dev.dbx.workloads.load.CountingSource;
import dev.dbx.workloads.load.DatasetLoader;
import dev.dbx.workloads.load.HeapPeak;
import java.util.ArrayList;
import java.util.List;

/** Loads a dataset into stores one after the other (so each store's rows/s is its own). */
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

    public static List<Outcome> run(
            Lab lab, List<StoreTarget> targets, DatasetChoice choice, boolean replace, Listener listener) {
        List<Outcome> outcomes = new ArrayList<>();
        for (StoreTarget target : targets) {
            Outcome outcome = loadOne(lab, target, choice, replace, listener);
            listener.finished(outcome);
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private static Outcome loadOne(
            Lab lab, StoreTarget target, DatasetChoice choice, boolean replace, Listener listener) {
        String server = null;
        try (Store store = lab.open(target)) {
            server = store.identity().toString();
            CountingSource source = DatasetLoader.counting(choice.source());
            HeapPeak.reset();
            listener.started(target, source);
            DatasetLoader.Result result = DatasetLoader.load(store, source, replace);
            return new Outcome(target, server, result, HeapPeak.bytes(), HeapPeak.liveBytes(), null, null);
        } catch (DbxException e) {
            return new Outcome(target, server, null, null, null, e.userMessage(), null);
        } catch (RuntimeException e) {
            return new Outcome(target, server, null, null, null, Failures.describe(e), e);
        }
    }
}
