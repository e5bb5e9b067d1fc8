package dev.dbx.app;

import dev.dbx.core.DbxException;
import dev.dbx.core.store.Placement;
import dev.dbx.engine.LabSecret;
import dev.dbx.lab.Lab;
import dev.dbx.lab.StoreTarget;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "secret",
        mixinStandardHelpOptions = true,
        description = {
            "Print the lab's secret, which every local engine that takes a password asks for (user dbx).",
            "dbx never prints it otherwise: it lives in <data-dir>/secret, readable by you alone. With --uri, print a",
            "local engine's whole URI with it, for the engine's own tools, e.g.  psql \"$(dbx secret --uri postgres)\"."
        })
final class SecretCommand implements Callable<Integer> {
    @ParentCommand
    Dbx dbx;

    @Option(
            names = "--uri",
            paramLabel = "STORE",
            description = "Print this store's local engine URI, with the secret in it, instead of the secret alone.")
    String store;

    @Override
    public Integer call() {
        Lab lab = dbx.lab();
        String secret = LabSecret.read(lab.dataDir())
                .orElseThrow(() -> new DbxException(
                        "this lab has no secret yet (" + LabSecret.path(lab.dataDir()) + ")",
                        "dbx up makes it when it first starts an engine"));
        if (store == null) {
            Dbx.rawOut().println(secret);
            return 0;
        }
        StoreTarget target = lab.store(store);
        if (target.placement() != Placement.LOCAL_ENGINE) {
            throw new DbxException(
                    "store " + target.storeId() + " is not served by a local engine here (" + target.placementLabel()
                            + ")",
                    "--uri shows the URI of an engine dbx runs; an external server's password is yours");
        }
        Dbx.rawOut().println(target.uri());
        return 0;
    }
}
