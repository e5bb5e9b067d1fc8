package dev.dbx.app;

import dev.dbx.lab.EngineControl;
import dev.dbx.lab.Lab;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = {
            "Start local engines and wait until each answers a real request.",
            "All available engines by default. Each runs in the background in its own process; the table shows who",
            "answered (as the server reports itself). Running it again is harmless."
        })
final class UpCommand implements Callable<Integer> {
    @ParentCommand
    Dbx dbx;

    @Option(
            names = "--engines",
            split = ",",
            paramLabel = "NAME",
            description = "Only these engines, e.g. --engines postgres,redis (default: all available).")
    List<String> engines;

    @Option(names = "--json", description = "Print the result as JSON, like dbx status --json.")
    boolean json;

    @Override
    public Integer call() {
        Lab lab = dbx.lab();
        Set<String> selected = lab.select(engines);
        boolean explicit = engines != null && !engines.isEmpty();
        EngineControl.UpResult result =
                new EngineControl(lab, e -> EngineEvents.print(e, System.err)).up(selected, explicit);
        if (json) {
            StatusReport.json(result.statuses(), System.out);
        } else {
            StatusReport.table(result.statuses(), System.out);
        }
        return result.failed() ? 1 : 0;
    }
}
