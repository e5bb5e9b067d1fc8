package dev.dbx.app;

import dev.dbx.core.DbxException;
import dev.dbx.core.store.Store;
import dev.dbx.engine.EngineFailure;
import dev.dbx.engine.EngineState;
import dev.dbx.engine.EngineStatus;
import dev.dbx.engine.LocalEngine;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
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
        Result result = start(lab, selected, explicit, System.err);
        if (json) {
            StatusReport.json(result.statuses(), System.out);
        } else {
            StatusReport.table(result.statuses(), System.out);
        }
        return result.failed() ? 1 : 0;
    }

    record Result(List<EngineStatus> statuses, boolean failed, List<String> startedNow) {}

    /** Starts the selected engines in parallel, reporting each as it becomes ready; shared with dbx demo. */
    static Result start(Lab lab, Set<String> selected, boolean explicit, PrintStream progress) {
        AtomicBoolean failed = new AtomicBoolean();
        List<String> startedNow = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Callable<EngineStatus>> tasks = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (LocalEngine engine : lab.localEngines()) {
            if (!selected.contains(engine.name())) {
                continue;
            }
            var unavailable = engine.unavailableReason();
            if (unavailable.isPresent()) {
                say(progress, "  - " + engine.name() + " skipped: " + unavailable.get());
                if (explicit) {
                    failed.set(true);
                }
                continue;
            }
            names.add(engine.name());
            tasks.add(() -> startOne(lab, engine, progress, failed, startedNow));
        }
        LabStatus status = new LabStatus(lab);
        for (StoreTarget target : lab.stores()) {
            if (target.origin() == StoreTarget.Origin.EMBEDDED && selected.contains(target.storeId())) {
                names.add(target.storeId());
                tasks.add(() -> openEmbedded(status, target, progress, failed));
            } else if (target.origin() == StoreTarget.Origin.EXTERNAL) {
                tasks.add(() -> checkExternal(status, target, progress, failed));
            }
        }
        say(progress, "dbx: starting " + String.join(", ", names) + " (data in " + lab.dataDir() + ")");
        List<EngineStatus> statuses = LabStatus.runAll(tasks);
        return new Result(statuses, failed.get(), List.copyOf(startedNow));
    }

    private static EngineStatus startOne(
            Lab lab, LocalEngine engine, PrintStream progress, AtomicBoolean failed, List<String> startedNow) {
        long t0 = System.nanoTime();
        boolean wasRunning = lab.supervisor().status(engine, false).state() == EngineState.running;
        try {
            EngineStatus s = lab.supervisor().up(engine);
            if (!wasRunning) {
                startedNow.add(engine.name());
            }
            say(
                    progress,
                    String.format(
                            "  ✓ %-10s %-45s %s",
                            engine.name(),
                            s.identity(),
                            wasRunning ? "already running" : "ready in " + Format.seconds(System.nanoTime() - t0)));
            return s;
        } catch (DbxException e) {
            failed.set(true);
            StringBuilder text = new StringBuilder("  ✗ " + engine.name() + ": " + e.userMessage());
            if (e instanceof EngineFailure f && !f.logTail().isEmpty()) {
                text.append(System.lineSeparator()).append("    last lines of its log:");
                f.logTail()
                        .forEach(l -> text.append(System.lineSeparator())
                                .append("      ")
                                .append(l));
            }
            say(progress, text.toString());
            EngineStatus now = lab.supervisor().status(engine, false);
            return now.withIdentity(null, e.getMessage());
        }
    }

    private static EngineStatus openEmbedded(
            LabStatus status, StoreTarget target, PrintStream progress, AtomicBoolean failed) {
        try {
            java.nio.file.Files.createDirectories(target.embeddedDir());
        } catch (java.io.IOException e) {
            failed.set(true);
            say(progress, "  ✗ " + target.storeId() + ": cannot create " + target.embeddedDir());
            return EngineStatus.of(target.storeId(), EngineState.embedded, target.uri(), e.getMessage());
        }
        EngineStatus s = status.ask(target, EngineState.embedded);
        report(progress, failed, s, "embedded");
        return s;
    }

    private static EngineStatus checkExternal(
            LabStatus status, StoreTarget target, PrintStream progress, AtomicBoolean failed) {
        EngineStatus s = status.external(target);
        report(progress, failed, s, "external, " + LabStatus.uri(s));
        return s;
    }

    private static void report(PrintStream progress, AtomicBoolean failed, EngineStatus s, String what) {
        if (s.identity() == null) {
            failed.set(true);
            say(progress, "  ✗ " + s.name() + " (" + what + "): " + s.message());
        } else {
            say(progress, String.format("  ✓ %-10s %-45s %s", s.name(), s.identity(), what));
        }
    }

    static void say(PrintStream out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** Opens a store just to check it answers; used by demo. */
    static void check(Lab lab, StoreTarget target) {
        try (Store store = lab.open(target)) {
            store.identity();
        }
    }
}
