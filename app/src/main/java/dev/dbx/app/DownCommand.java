package dev.dbx.app;

import dev.dbx.lab.EngineControl;
import dev.dbx.lab.Lab;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "down",
        mixinStandardHelpOptions = true,
        description = {
            "Stop local engines, leaving no process behind.",
            "A graceful signal first, SIGKILL to the whole process group after a timeout. External servers are never",
            "touched."
        })
final class DownCommand implements Callable<Integer> {
    @ParentCommand
    Dbx dbx;

    @Option(names = "--engines", split = ",", paramLabel = "NAME", description = "Only these (default: all).")
    List<String> engines;

    @Option(names = "--wipe", description = "Also delete their data (and the embedded stores' files).")
    boolean wipe;

    @Override
    public Integer call() {
        Lab lab = dbx.lab();
        new EngineControl(lab, e -> EngineEvents.print(e, System.err)).down(lab.select(engines), wipe);
        return 0;
    }
}
