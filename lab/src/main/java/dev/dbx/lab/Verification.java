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
import java.util.Optional;

/**
 * {@code dbx verify}: which datasets to compare, against what, and the comparison itself. When every store holds a
 * whole, unchanged load of the same source (as {@link LoadRecords} knows), each is compared with the dataset as
 * generated — the exact counts TPC-H defines for the scale factor, or the YCSB record count, and every row's values —
 * so stores that agree on a partial or wrong load are still caught. Otherwise (an import changed one, the loads differ,
 * or they were not made by this lab) agreement with the reference store is what can be checked, and the result says
 * which check applied. A store whose load never finished is a problem whatever its counts.
 */
public final class Verification {
    private Verification() {}

    /**
     * One dataset's verification.
     *
     * @param check which comparison was made, for people
     * @param problems what is wrong besides the comparison (a load that never finished), one line each
     */
    public record Verified(VerifyReport report, String check, List<String> problems) {
        public Verified {
            problems = List.copyOf(problems);
        }

        public boolean equal() {
            return report.equal() && problems.isEmpty();
        }
    }

    /** What {@code --against} takes to ask for the dataset as generated, whatever the stores. */
    public static final String GENERATED = "generated";

    /**
     * Verifies each dataset (the given one, or every dataset the reference holds) across the stores. With no
     * {@code against}, the stores are compared with the dataset as generated when they all hold the same whole,
     * unchanged load, else with PostgreSQL (the source of truth) when present, else with the first store. A store named
     * by {@code against} is the reference, as asked; {@link #GENERATED} insists on the generated dataset. A reference
     * that cannot be opened, or holds no dataset, is an error; one that fails while being read is in the report.
     */
    public static List<Verified> run(Lab lab, List<StoreTarget> targets, String dataset, String against) {
        boolean insistGenerated = GENERATED.equalsIgnoreCase(String.valueOf(against));
        Reference compareWith =
                against == null ? Reference.AUTOMATIC : insistGenerated ? Reference.GENERATED_ONLY : Reference.STORE;
        List<StoreTarget> ordered = referenceFirst(targets, insistGenerated ? null : against);
        LoadRecords records = new LoadRecords(lab.dataDir());
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
            List<Verified> out = new ArrayList<>();
            for (Dataset d : datasets) {
                out.add(verify(records, ordered, stores, d, compareWith));
            }
            return out;
        } finally {
            stores.forEach(Store::close);
        }
    }

    /** What the stores are compared with. */
    private enum Reference {
        /** The generated dataset when every store holds the same whole load, else the reference store. */
        AUTOMATIC,
        /** The store the user named. */
        STORE,
        /** The generated dataset, or an error saying why it cannot be. */
        GENERATED_ONLY
    }

    private static Verified verify(
            LoadRecords records, List<StoreTarget> targets, List<Store> stores, Dataset d, Reference reference) {
        List<String> problems = new ArrayList<>();
        List<Optional<LoadRecords.Entry>> entries = new ArrayList<>();
        for (StoreTarget t : targets) {
            Optional<LoadRecords.Entry> e = records.get(t, d.name());
            entries.add(e);
            e.filter(x -> x.state() != LoadRecords.State.COMPLETE)
                    .ifPresent(x -> problems.add(t.storeId() + ": its load of " + x.source() + " never finished ("
                            + (x.state() == LoadRecords.State.FAILED
                                    ? "it failed: " + x.error()
                                    : "started " + x.started() + ", then interrupted or its server died")
                            + "): load it again with dbx load --dataset " + d.name() + " --replace --stores "
                            + t.storeId()));
        }
        LoadRecords.Entry first = entries.get(0).orElse(null);
        boolean sameWholeLoads = first != null
                && entries.stream()
                        .allMatch(e -> e.isPresent()
                                && e.get().pristine()
                                && e.get().source().equals(first.source()));
        if (reference == Reference.GENERATED_ONLY && !sameWholeLoads) {
            throw new DbxException(
                    "the stores cannot be compared with the generated " + d.name() + " dataset: they do not all hold"
                            + " the same whole load of it made by this lab, unchanged since",
                    "compare them with a store instead (--against <store>), or load them again with --replace");
        }
        if (sameWholeLoads && reference != Reference.STORE) {
            DatasetChoice choice = DatasetChoice.of(d.name(), first.scale(), first.records());
            return new Verified(
                    Verifier.verify(choice.source(), stores),
                    "every store against the dataset as generated (" + first.source()
                            + "): the counts it defines and every row's values",
                    problems);
        }
        return new Verified(
                Verifier.verify(d, stores),
                "every store against " + targets.get(0).storeId() + " (the reference): "
                        + "agreement, since the stores' loads differ, were changed since, or were not all made by this"
                        + " lab",
                problems);
    }

    public static boolean equal(List<Verified> verified) {
        return verified.stream().allMatch(Verified::equal);
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
