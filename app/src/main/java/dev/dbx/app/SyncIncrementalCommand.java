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
        name = "incremental",
        mixinStandardHelpOptions = true,
        description = {
            "Carry into each target only what changed in the source (PostgreSQL) since that",
            "target's last sync, deletes included: the keys the source's change log holds",
            "after the target's watermark (a snapshot, not a time, so a transaction that",
            "committed late is never missed), each read as it is now and applied through",
            "the target's sink. A target that never had a full sync is refused: run dbx",
            "sync full first."
        })
final class SyncIncrementalCommand implements Callable<Integer> {
    @ParentCommand
    SyncCommand sync;

    @Mixin
    SyncEnds ends;

    @Option(
            names = "--json",
            description = "Print JSON: {\"targets\": [{\"store\", \"upserts\", \"deletes\", \"seconds\", \"from\","
                    + " \"to\", \"pruned\", \"method\", \"error\"}]}.")
    boolean json;

    @Override
    public Integer call() {
        Lab lab = sync.dbx.lab();
        StoreTarget source =
                StoreSelection.resolve(lab, List.of(ends.from)).targets().get(0);
        List<StoreTarget> targets = StoreSelection.resolve(lab, ends.to).targets();
        List<Syncs.Incremental> outcomes =
                Syncs.incremental(lab, source, targets, ends.dataset, new Syncs.IncrementalListener() {
                    @Override
                    public void started(StoreTarget target) {
                        System.err.println("dbx: " + target.storeId() + ": reading what changed in " + source.storeId()
                                + " since its last sync");
                    }

                    @Override
                    public void applied(StoreTarget target, long upserts, long deletes) {
                        System.err.print("\r  " + target.storeId() + ": " + Format.count(upserts) + " upserts, "
                                + Format.count(deletes) + " deletes applied");
                    }

                    @Override
                    public void finished(Syncs.Incremental outcome) {
                        if (outcome.result() != null && outcome.result().changes() > 0) {
                            System.err.println();
                        }
                        if (outcome.unexpected() != null) {
                            Logging.error(
                                    "incremental sync into " + outcome.target().storeId() + " failed",
                                    outcome.unexpected());
                        }
                    }
                });
        if (json) {
            SyncRendering.json(outcomes, System.out);
        } else {
            SyncRendering.table(outcomes, System.out);
        }
        return outcomes.stream().anyMatch(o -> o.error() != null) ? 1 : 0;
    }
}
