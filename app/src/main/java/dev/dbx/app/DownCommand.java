package dev.dbx.app;

import dev.dbx.core.DbxException;
import dev.dbx.engine.EngineState;
import dev.dbx.engine.EngineStatus;
import dev.dbx.engine.LocalEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
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
        Set<String> selected = lab.select(engines);
        stop(lab, selected, wipe);
        return 0;
    }

    /** Stops (and maybe wipes) the selected engines in parallel; shared with dbx demo. */
    static void stop(Lab lab, Set<String> selected, boolean wipe) {
        List<Callable<EngineStatus>> tasks = new ArrayList<>();
        for (LocalEngine engine : lab.localEngines()) {
            if (selected.contains(engine.name())) {
                tasks.add(() -> stopOne(lab, engine, wipe));
            }
        }
        LabStatus.runAll(tasks);
        if (wipe) {
            for (StoreTarget target : lab.stores()) {
                if (target.origin() == StoreTarget.Origin.EMBEDDED && selected.contains(target.storeId())) {
                    deleteTree(target.embeddedDir());
                    UpCommand.say(System.err, "  wiped " + target.storeId() + " (" + target.embeddedDir() + ")");
                }
            }
        }
    }

    private static EngineStatus stopOne(Lab lab, LocalEngine engine, boolean wipe) {
        EngineStatus before = lab.supervisor().status(engine, false);
        long t0 = System.nanoTime();
        EngineStatus after = lab.supervisor().down(engine);
        switch (before.state()) {
            case running ->
                UpCommand.say(
                        System.err,
                        "  stopped " + engine.name() + " (pid " + before.pid() + ") in "
                                + Format.seconds(System.nanoTime() - t0));
            case crashed ->
                UpCommand.say(
                        System.err, "  cleaned up " + engine.name() + " (it had crashed, pid " + before.pid() + ")");
            default -> {}
        }
        if (wipe) {
            lab.supervisor().wipe(engine);
            UpCommand.say(
                    System.err,
                    "  wiped " + engine.name() + " (" + lab.supervisor().home(engine) + ")");
        }
        return after;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new DbxException("cannot delete " + root + ": " + e.getMessage());
        }
    }

    static boolean isRunning(EngineStatus s) {
        return s.state() == EngineState.running;
    }
}
