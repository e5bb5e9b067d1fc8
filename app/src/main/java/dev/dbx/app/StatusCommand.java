package dev.dbx.app;

import dev.dbx.engine.EngineStatus;
import dev.dbx.lab.Lab;
import dev.dbx.lab.LabStatus;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Show the state of every engine and store.",
            "States: running, stopped, crashed, unavailable, embedded, external. Also the server's identity as it",
            "reports it, URI, PID, memory (RSS of its process tree, shared pages apportioned) and uptime.",
            "Exits 1 when something it shows cannot be used: an engine that crashed, or an embedded or external",
            "store that does not answer. Stopped engines are not failures (they were stopped)."
        })
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    Dbx dbx;

    @Option(names = "--engines", split = ",", paramLabel = "NAME", description = "Only these (default: all).")
    List<String> engines;

    @Option(names = "--json", description = "Print JSON: {\"engines\":[{\"name\",\"state\",\"server\",...}]}.")
    boolean json;

    @Override
    public Integer call() {
        Lab lab = dbx.lab();
        Set<String> selected = lab.select(engines);
        List<EngineStatus> statuses = new LabStatus(lab).collect(selected);
        if (json) {
            StatusReport.json(statuses, System.out);
        } else {
            StatusReport.table(statuses, System.out);
            StatusReport.security(lab, selected, System.out);
        }
        return statuses.stream().anyMatch(StatusCommand::unusable) ? 1 : 0;
    }

    /** One rule for every kind: what crashed, or should answer and does not. */
    static boolean unusable(EngineStatus s) {
        return switch (s.state()) {
            case crashed -> true;
            case embedded, external ->
                s.identity() == null && s.message() != null && !s.message().startsWith("no database file yet");
            case running -> s.identity() == null && s.message() != null;
            default -> false;
        };
    }
}
