package dev.dbx.workloads.load;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.store.Store;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Loads a dataset into one store through its {@link DatasetModel}: refuse or replace, create, bulk-load, count. */
public final class DatasetLoader {
    private DatasetLoader() {}

    /**
     * What one load did.
     *
     * @param rows rows the store took from the source, per entity
     * @param loadTime wall time of loading the rows (the schema is created before the clock starts)
     * @param indexTime wall time of building indexes, constraints and statistics after the load
     * @param loadMethod how the store got the rows in (see {@link DatasetModel#loadMethod()})
     */
    public record Result(
            String store, Map<String, Long> rows, Duration loadTime, Duration indexTime, String loadMethod) {
        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Rows per second of the load phase (the rows' way in, without index building). */
        public double rowsPerSecond() {
            return totalRows() / Math.max(1e-9, loadTime.toNanos() / 1e9);
        }

        public Duration totalTime() {
            return loadTime.plus(indexTime);
        }
    }

    /**
     * Loads {@code source} into {@code store}. A store that already holds the dataset is refused unless
     * {@code replace}, in which case its dataset is dropped first.
     */
    public static Result load(Store store, CountingSource source, boolean replace) {
        DatasetModel model = store.require(DatasetModel.class);
        String dataset = source.dataset().name();
        if (model.isLoaded(source.dataset())) {
            if (!replace) {
                throw new DbxException(
                        "store " + store.id() + " already holds the " + dataset + " dataset",
                        "use --replace to drop it and load again");
            }
            model.drop(source.dataset());
        }
        model.create(source.dataset());
        long t0 = System.nanoTime();
        model.load(source);
        long t1 = System.nanoTime();
        model.index(source.dataset());
        long t2 = System.nanoTime();
        Map<String, Long> rows = new LinkedHashMap<>();
        for (Entity e : source.entities()) {
            rows.put(e.name(), source.taken(e.name()));
        }
        return new Result(store.id(), rows, Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1), model.loadMethod());
    }

    /** Wraps a plain source for {@link #load(Store, CountingSource, boolean)}. */
    public static CountingSource counting(DatasetSource source) {
        return source instanceof CountingSource c ? c : new CountingSource(source);
    }
}
