package dev.dbx.lab;

import dev.dbx.core.DbxException;
import dev.dbx.core.Failures;
import dev.dbx.core.store.Placement;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.core.store.Store;
import dev.dbx.engine.EngineState;
import dev.dbx.engine.EngineStatus;
import dev.dbx.engine.LocalEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/** The state of every engine and store of the lab, asked of each in parallel. */
public final class LabStatus {
    private final Lab lab;

    public LabStatus(Lab lab) {
        this.lab = lab;
    }

    /** Statuses of the selected names, plus every external store; servers that run are asked who they are. */
    public List<EngineStatus> collect(Set<String> selected) {
        List<Callable<EngineStatus>> tasks = new ArrayList<>();
        for (LocalEngine engine : lab.localEngines()) {
            if (selected.contains(engine.name())) {
                tasks.add(() -> lab.supervisor().status(engine, true));
            }
        }
        for (StoreTarget target : lab.stores()) {
            if (target.placement() == Placement.EMBEDDED && selected.contains(target.storeId())) {
                tasks.add(() -> embedded(target));
            } else if (target.placement() == Placement.EXTERNAL) {
                tasks.add(() -> external(target));
            }
        }
        return runAll(tasks);
    }

    /** Runs status tasks at once, each on a virtual thread, and returns their results in order. */
    static List<EngineStatus> runAll(List<Callable<EngineStatus>> tasks) {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<EngineStatus>> futures = pool.invokeAll(tasks);
            List<EngineStatus> out = new ArrayList<>();
            for (Future<EngineStatus> f : futures) {
                out.add(f.resultNow());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbxException("interrupted");
        }
    }

    EngineStatus embedded(StoreTarget target) {
        if (!hasFiles(target.embeddedDir())) {
            return EngineStatus.of(
                    target.storeId(), EngineState.embedded, target.uri(), "no database file yet (dbx up creates it)");
        }
        return ask(target, EngineState.embedded).withDataBytes(size(target.embeddedDir()));
    }

    EngineStatus external(StoreTarget target) {
        return ask(target, EngineState.external);
    }

    /** Opens the store and asks the server who it is; a failure becomes the status message, never a crash. */
    EngineStatus ask(StoreTarget target, EngineState state) {
        EngineStatus base = EngineStatus.of(target.storeId(), state, target.uri(), null);
        try (Store store = lab.open(target)) {
            ServerIdentity identity = store.identity();
            return base.withIdentity(identity, null);
        } catch (RuntimeException e) {
            return base.withIdentity(null, "unreachable: " + Failures.describe(e));
        }
    }

    private static boolean hasFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    private static long size(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }
}
