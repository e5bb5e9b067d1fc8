package dev.dbx.lab;

import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.store.Store;
import java.util.List;

/** {@code dbx drop}: a dataset out of stores, whole or partial, and its load record with it. */
public final class Drops {
    private Drops() {}

    /** Drops {@code dataset} from each target (nothing happens where it is not), holding each against loaders. */
    public static void run(Lab lab, List<StoreTarget> targets, Dataset dataset) {
        LoadRecords records = new LoadRecords(lab.dataDir());
        for (StoreTarget target : targets) {
            try (AutoCloseable held = records.lock(target);
                    Store store = lab.open(target)) {
                store.require(DatasetModel.class).drop(dataset);
                records.dropped(target, dataset.name());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
