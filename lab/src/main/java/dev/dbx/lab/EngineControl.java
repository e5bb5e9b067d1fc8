package dev.dbx.lab;

import dev.dbx.core.DbxException;
import dev.dbx.core.store.Placement;
import dev.dbx.engine.Directories;
import dev.dbx.engine.EngineFailure;
import dev.dbx.engine.EngineState;
import dev.dbx.engine.EngineStatus;
import dev.dbx.engine.LocalEngine;
import dev.dbx.engine.PrivateFiles;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** Starts and stops the lab's local engines (and opens its embedded stores), reporting each step as an event. */
public final class EngineControl {
    private final Lab lab;
    private final Consumer<EngineEvent> events;

    /** @param events receives each step as it happens, from several threads (one at a time) */
    public EngineControl(Lab lab, Consumer<EngineEvent> events) {
        this.lab = lab;
        Object lock = new Object();
        this.events = e -> {
            synchronized (lock) {
                events.accept(e);
            }
        };
    }

    /**
     * What {@link #up} did.
     *
     * @param statuses every selected engine and store, and every external store
     * @param failed whether any could not be started or reached
     * @param startedNow the engines this call started (not those already running)
     */
    public record UpResult(List<EngineStatus> statuses, boolean failed, List<String> startedNow) {}

    /**
     * Starts the selected engines in parallel, opens the selected embedded stores and checks the external ones. An
     * engine that cannot run here is skipped, and counts as a failure only when it was named ({@code explicit}).
     */
    public UpResult up(Set<String> selected, boolean explicit) {
        lab.checkPortsDistinct(selected);
        AtomicBoolean failed = new AtomicBoolean();
        List<String> startedNow = Collections.synchronizedList(new ArrayList<>());
        List<Callable<EngineStatus>> tasks = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (LocalEngine engine : lab.localEngines()) {
            if (!selected.contains(engine.name())) {
                continue;
            }
            var unavailable = engine.unavailableReason();
            if (unavailable.isPresent()) {
                events.accept(new EngineEvent.Skipped(engine.name(), unavailable.get()));
                if (explicit) {
                    failed.set(true);
                }
                continue;
            }
            names.add(engine.name());
            tasks.add(() -> startOne(engine, failed, startedNow));
        }
        LabStatus status = new LabStatus(lab);
        for (StoreTarget target : lab.stores()) {
            if (target.placement() == Placement.EMBEDDED && selected.contains(target.storeId())) {
                names.add(target.storeId());
                tasks.add(() -> openEmbedded(status, target, failed));
            } else if (target.placement() == Placement.EXTERNAL) {
                tasks.add(() -> reported(status.external(target), "external", failed));
            }
        }
        events.accept(new EngineEvent.Starting(List.copyOf(names), lab.dataDir()));
        List<EngineStatus> statuses = LabStatus.runAll(tasks);
        return new UpResult(statuses, failed.get(), List.copyOf(startedNow));
    }

    private EngineStatus startOne(LocalEngine engine, AtomicBoolean failed, List<String> startedNow) {
        long t0 = System.nanoTime();
        boolean wasRunning = lab.supervisor().status(engine, false).state() == EngineState.running;
        try {
            EngineStatus s = lab.supervisor().up(engine);
            if (!wasRunning) {
                startedNow.add(engine.name());
            }
            events.accept(new EngineEvent.Ready(
                    s, "local engine", wasRunning ? null : Duration.ofNanos(System.nanoTime() - t0)));
            return s;
        } catch (DbxException e) {
            failed.set(true);
            List<String> tail = e instanceof EngineFailure f ? f.logTail() : List.of();
            events.accept(new EngineEvent.Failed(engine.name(), "local engine", e.userMessage(), tail));
            return lab.supervisor().status(engine, false).withIdentity(null, e.getMessage());
        }
    }

    private EngineStatus openEmbedded(LabStatus status, StoreTarget target, AtomicBoolean failed) {
        try {
            PrivateFiles.directory(lab.dataDir());
            PrivateFiles.directory(target.embeddedDir().getParent());
            PrivateFiles.directory(target.embeddedDir());
        } catch (IOException e) {
            failed.set(true);
            String message = "cannot create " + target.embeddedDir();
            events.accept(new EngineEvent.Failed(target.storeId(), "embedded", message, List.of()));
            return EngineStatus.of(target.storeId(), EngineState.embedded, target.uri(), message);
        }
        return reported(status.ask(target, EngineState.embedded), "embedded", failed);
    }

    private EngineStatus reported(EngineStatus s, String where, AtomicBoolean failed) {
        if (s.identity() == null) {
            failed.set(true);
            events.accept(new EngineEvent.Failed(s.name(), where, s.message(), List.of()));
        } else {
            events.accept(new EngineEvent.Ready(s, where, null));
        }
        return s;
    }

    /** Stops (and, with {@code wipe}, deletes the data of) the selected engines and embedded stores. */
    public void down(Set<String> selected, boolean wipe) {
        List<Callable<EngineStatus>> tasks = new ArrayList<>();
        for (LocalEngine engine : lab.localEngines()) {
            if (selected.contains(engine.name())) {
                tasks.add(() -> stopOne(engine, wipe));
            }
        }
        LabStatus.runAll(tasks);
        if (wipe) {
            for (StoreTarget target : lab.stores()) {
                if (target.placement() == Placement.EMBEDDED && selected.contains(target.storeId())) {
                    Directories.delete(target.embeddedDir());
                    events.accept(new EngineEvent.Wiped(target.storeId(), target.embeddedDir()));
                }
            }
        }
    }

    private EngineStatus stopOne(LocalEngine engine, boolean wipe) {
        EngineStatus before = lab.supervisor().status(engine, false);
        long t0 = System.nanoTime();
        EngineStatus after = lab.supervisor().down(engine);
        switch (before.state()) {
            case running ->
                events.accept(
                        new EngineEvent.Stopped(engine.name(), before.pid(), Duration.ofNanos(System.nanoTime() - t0)));
            case crashed -> events.accept(new EngineEvent.CleanedUp(engine.name(), before.pid()));
            default -> {}
        }
        if (wipe) {
            lab.supervisor().wipe(engine);
            events.accept(new EngineEvent.Wiped(engine.name(), lab.supervisor().home(engine)));
        }
        return after;
    }
}
