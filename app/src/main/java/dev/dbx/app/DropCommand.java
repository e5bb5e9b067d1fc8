package dev.dbx.app;

import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Datasets;
import dev.dbx.lab.Drops;
import dev.dbx.lab.Lab;
import dev.dbx.lab.StoreSelection;
import dev.dbx.lab.StoreTarget;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "drop",
        mixinStandardHelpOptions = true,
        description = {
            "Remove a dataset from stores, whole or partial (a load cut short leaves one), with its load record.",
            "The stores must be named: nothing is dropped by default."
        })
final class DropCommand implements Callable<Integer> {
    @ParentCommand
    Dbx dbx;

    @Option(names = "--dataset", required = true, paramLabel = "tpch|ycsb", description = "The dataset to remove.")
    String dataset;

    @Option(
            names = "--stores",
            required = true,
            split = ",",
            paramLabel = "STORE",
            description = "The stores to remove it from.")
    List<String> stores;

    @Override
    public Integer call() {
        Lab lab = dbx.lab();
        Dataset d = Datasets.named(dataset);
        List<StoreTarget> targets = StoreSelection.resolve(lab, stores).targets();
        Drops.run(lab, targets, d);
        targets.forEach(t -> System.err.println("  dropped " + d.name() + " from " + t.storeId()));
        return 0;
    }
}
