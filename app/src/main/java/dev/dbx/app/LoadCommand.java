package dev.dbx.app;

import dev.dbx.lab.DatasetChoice;
import dev.dbx.lab.Lab;
import dev.dbx.lab.Loads;
import dev.dbx.lab.StoreSelection;
import dev.dbx.lab.StoreTarget;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "load",
        mixinStandardHelpOptions = true,
        description = {
            "Create each store's own schema and bulk-load a dataset through its fast path.",
            "TPC-H at a scale factor (--scale) or the YCSB usertable (--records), streamed: nothing is held in",
            "memory. Stores are loaded one after the other, so each one's rows/s is its own. A store that already",
            "holds the dataset is refused unless --replace."
        })
final class LoadCommand implements Callable<Integer> {
    @ParentCommand
    Dbx dbx;

    @Option(names = "--dataset", required = true, paramLabel = "tpch|ycsb", description = "The dataset to load.")
    String dataset;

    @Option(names = "--scale", paramLabel = "SF", description = "TPC-H scale factor (default: 0.01).")
    Double scale;

    @Option(names = "--records", paramLabel = "N", description = "YCSB records (default: 10000).")
    Long records;

    @Option(
            names = "--stores",
            split = ",",
            paramLabel = "STORE",
            description = "Only these stores (default: every store that can be reached).")
    List<String> stores;

    @Option(names = "--replace", description = "Drop the dataset where it exists, then load it again.")
    boolean replace;

    @Override
    public Integer call() {
        Lab lab = dbx.lab();
        DatasetChoice choice = DatasetChoice.of(dataset, scale, records);
        StoreSelection selection = StoreSelection.resolve(lab, stores);
        List<Loads.Outcome> outcomes = load(lab, selection, choice, replace, System.err);
        LoadTable.print(outcomes, System.out);
        return outcomes.stream().anyMatch(o -> o.error() != null) ? 1 : 0;
    }

    /** Loads with progress on {@code progress}; shared with dbx demo. */
    static List<Loads.Outcome> load(
            Lab lab, StoreSelection selection, DatasetChoice choice, boolean replace, java.io.PrintStream progress) {
        selection.skipped().forEach(s -> progress.println("  - " + s));
        progress.println("dbx: loading " + choice.source().description() + " into "
                + String.join(
                        ", ",
                        selection.targets().stream().map(StoreTarget::storeId).toList()));
        return Loads.run(lab, selection.targets(), choice, replace, new LoadProgress(progress));
    }
}
