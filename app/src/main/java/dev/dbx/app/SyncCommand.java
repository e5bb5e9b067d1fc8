package dev.dbx.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code dbx sync}: keeps the other engines in sync from PostgreSQL; each mode is a subcommand. */
@Command(
        name = "sync",
        mixinStandardHelpOptions = true,
        subcommands = {
            SyncFullCommand.class,
            SyncIncrementalCommand.class,
            SyncCdcCommand.class,
            SyncStatusCommand.class
        },
        description = {
            "Keep the engines in sync from PostgreSQL, the system of record: a full copy, an incremental one, or",
            "real-time change data capture through Kafka; and see how far behind each target is."
        })
final class SyncCommand implements Runnable {
    @ParentCommand
    Dbx dbx;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "name a mode: " + String.join(", ", spec.subcommands().keySet()));
    }
}
