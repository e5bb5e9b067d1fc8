package dev.dbx.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks that compare stores, each naming the exact server and version it measured.",
        subcommands = {BenchLoadCommand.class})
final class BenchCommand implements Runnable {
    @ParentCommand
    Dbx dbx;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
