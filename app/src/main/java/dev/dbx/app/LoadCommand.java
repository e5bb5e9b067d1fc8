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

    @Option(
            names = "--ignore-space",
            description = "Load even when the estimated size exceeds the free disk space (checked before anything is"
                    + " dropped).")
    boolean ignoreSpace;

    @Override
    public Integer call() {
        Lab lab = dbx.lab();
        DatasetChoice choice = DatasetChoice.of(dataset, scale, records);
        StoreSelection selection = StoreSelection.resolve(lab, stores);
        List<Loads.Outcome> outcomes = load(lab, selection, choice, replace, ignoreSpace, System.err);
        LoadTable.print(outcomes, System.out);
        return outcomes.stream().anyMatch(o -> o.error() != null) ? 1 : 0;
    }

    /**
     * Loads with progress on {@code progress}; shared with dbx demo. A Ctrl-C meanwhile says which store was left
     * partial and how to finish or undo it.
     */
    static List<Loads.Outcome> load(
            Lab lab,
            StoreSelection selection,
            DatasetChoice choice,
            boolean replace,
            boolean ignoreSpace,
            java.io.PrintStream progress) {
        selection.skipped().forEach(s -> progress.println("  - " + s));
        String description = choice.source().description();
        progress.println("dbx: loading " + description + " into "
                + String.join(
                        ", ",
                        selection.targets().stream().map(StoreTarget::storeId).toList()));
        LoadProgress shown = new LoadProgress(progress);
        Thread interrupted = new Thread(() -> shown.current()
                .ifPresent(store -> progress.println(System.lineSeparator() + "dbx: interrupted: store " + store
                        + " holds a partial " + description + " (dbx verify and dbx load will say so). Load it again"
                        + " with: dbx load --dataset " + choice.dataset() + " --replace --stores " + store
                        + "; or remove it with: dbx drop --dataset " + choice.dataset() + " --stores " + store)));
        Runtime.getRuntime().addShutdownHook(interrupted);
        try {
            return Loads.run(lab, selection.targets(), choice, replace, ignoreSpace, shown);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: it said what was left
            }
        }
    }
}
