package dev.dbx.app;

import dev.dbx.lab.Lab;
import dev.dbx.lab.StoreSelection;
import dev.dbx.lab.StoreTarget;
import dev.dbx.lab.Syncs;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "full",
        mixinStandardHelpOptions = true,
        description = {
            "Copy one consistent snapshot of the source (PostgreSQL) into each target",
            "through the target's own bulk load, replacing the dataset it held. Every",
            "entity is read in the same snapshot, streamed; targets are copied one after",
            "the other, so each one's rows/s is its own. Starts the source's change",
            "tracking: each target's watermark becomes the snapshot, so dbx sync",
            "incremental carries what commits after it."
        })
final class SyncFullCommand implements Callable<Integer> {
    @ParentCommand
    SyncCommand sync;

    @Mixin
    SyncEnds ends;

    @Option(
            names = "--json",
            description = "Print JSON: {\"source\", \"position\", \"targets\": [{\"store\", \"rows\", \"seconds\","
                    + " \"rowsPerSecond\", \"method\", \"error\"}]}.")
    boolean json;

    @Override
    public Integer call() {
        Lab lab = sync.dbx.lab();
        StoreTarget source =
                StoreSelection.resolve(lab, List.of(ends.from)).targets().get(0);
        List<StoreTarget> targets = StoreSelection.resolve(lab, ends.to).targets();
        System.err.println("dbx: copying a snapshot of " + ends.dataset + " in " + source.storeId() + " into "
                + String.join(", ", targets.stream().map(StoreTarget::storeId).toList()));
        Syncs.Full full = Syncs.full(lab, source, targets, ends.dataset, new LoadProgress(System.err));
        if (json) {
            SyncRendering.json(full, System.out);
        } else {
            SyncRendering.table(full, System.out);
        }
        return full.outcomes().stream().anyMatch(o -> o.error() != null) ? 1 : 0;
    }
}
