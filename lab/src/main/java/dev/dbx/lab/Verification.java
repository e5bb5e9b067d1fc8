package dev.dbx.lab;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Datasets;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.Stores;
import dev.dbx.sync.verify.Verifier;
import dev.dbx.sync.verify.VerifyReport;
import java.util.ArrayList;
import java.util.List;

/** {@code dbx verify}: which datasets to compare, against which store, and the comparison itself. */
public final class Verification {
    private Verification() {}

    /**
     * Verifies each dataset (the given one, or every dataset the reference holds) across the stores. The reference is
     * {@code against}, else PostgreSQL (the source of truth) when present, else the first store. A reference that
     * cannot be opened, or holds no dataset, is an error; one that fails while being read is in the report.
     */
    public static List<VerifyReport> run(Lab lab, List<StoreTarget> targets, String dataset, String against) {
        List<StoreTarget> ordered = referenceFirst(targets, against);
        List<Store> stores = new ArrayList<>();
        try {
            for (StoreTarget t : ordered) {
                stores.add(lab.open(t));
            }
            Store reference = stores.get(0);
            List<Dataset> datasets = new ArrayList<>();
            DatasetModel model = reference.require(DatasetModel.class);
            for (Dataset d : dataset == null ? Datasets.all() : List.of(Datasets.named(dataset))) {
                if (model.isLoaded(d)) {
                    datasets.add(d);
                } else if (dataset != null) {
                    throw new DbxException(
                            "the reference store " + reference.id() + " does not hold the " + d.name() + " dataset",
                            "load it (dbx load --dataset " + d.name() + ") or choose another with --against");
                }
            }
            if (datasets.isEmpty()) {
                throw new DbxException(
                        "the reference store " + reference.id() + " holds no dataset", "load one first: dbx load");
            }
            List<VerifyReport> reports = new ArrayList<>();
            for (Dataset d : datasets) {
                reports.add(Verifier.verify(d, stores));
            }
            return reports;
        } finally {
            stores.forEach(Store::close);
        }
    }

    public static boolean equal(List<VerifyReport> reports) {
        return reports.stream().allMatch(VerifyReport::equal);
    }

    private static List<StoreTarget> referenceFirst(List<StoreTarget> targets, String against) {
        String refId = against != null
                ? Stores.provider(against).id()
                : targets.stream().anyMatch(t -> t.storeId().equals("postgres"))
                        ? "postgres"
                        : targets.get(0).storeId();
        List<StoreTarget> ordered = new ArrayList<>();
        targets.stream().filter(t -> t.storeId().equals(refId)).forEach(ordered::add);
        if (ordered.isEmpty()) {
            throw new DbxException(
                    "--against " + against + ": that store is not among those verified", "add it to --stores");
        }
        targets.stream().filter(t -> !t.storeId().equals(refId)).forEach(ordered::add);
        return ordered;
    }
}
