package dev.dbx.engine;

import dev.dbx.core.DbxException;
import dev.dbx.core.Failures;
import dev.dbx.core.Uris;
import dev.dbx.core.store.ServerIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Runs local engines in the background, each in its own OS process and session, and keeps what it needs to find them
 * again under {@code <dataDir>/engines/<name>/}: the data, the server's log, and {@code engine.json} (PID, ports,
 * URI). Every method is safe to call from a different dbx process than the one that started the engine.
 */
public final class EngineSupervisor {
    private static final int LOG_TAIL_LINES = 15;
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration PORT_GRACE = Duration.ofSeconds(3);

    private final Path dataDir;
    private final Path cacheDir;
    private final ToIntFunction<LocalEngine> portChoice;
    private final Duration probeTimeout;

    /**
     * @param dataDir where engines keep data, logs and state
     * @param cacheDir where unpacked server binaries are kept (shared; survives {@code --wipe})
     * @param portChoice the client port for an engine that is not running yet
     * @param probeTimeout the longest one health request may take
     */
    public EngineSupervisor(Path dataDir, Path cacheDir, ToIntFunction<LocalEngine> portChoice, Duration probeTimeout) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.cacheDir = cacheDir.toAbsolutePath().normalize();
        this.portChoice = portChoice;
        this.probeTimeout = probeTimeout;
    }

    public Path home(LocalEngine engine) {
        return dataDir.resolve("engines").resolve(engine.name());
    }

    /** The context the engine runs (or would run) in: the ports it was started with, or those it would get now. */
    public EngineContext context(LocalEngine engine) {
        List<Integer> ports = StateFile.read(home(engine))
                .map(StateFile::ports)
                .orElseGet(() -> consecutive(
                        portChoice.applyAsInt(engine), engine.portNames().size()));
        return new EngineContext(
                engine.name(), home(engine), cacheDir, EngineContext.LOOPBACK, ports, LabSecret.ensure(dataDir));
    }

    /**
     * Starts the engine unless it already runs, and waits until it answers a real request. Returns its status,
     * {@code running} with the identity the server reported.
     *
     * @throws DbxException when it cannot run here, a port is taken, the data directory is not writable, or it does
     *     not come up in time (then with the last lines of its log, see {@link EngineFailure})
     */
    public EngineStatus up(LocalEngine engine) {
        Optional<String> unavailable = engine.unavailableReason();
        if (unavailable.isPresent()) {
            throw new DbxException(engine.name() + " cannot run here: " + unavailable.get());
        }
        Optional<ProcessHandle> alive = runningProcess(engine);
        if (alive.isPresent()) {
            EngineContext ctx = context(engine);
            URI uri = engine.uri(ctx);
            ServerIdentity identity = awaitAnswer(engine, ctx, uri, alive.get(), null);
            return status(engine, alive.get(), uri).withIdentity(identity, null);
        }

        EngineContext ctx = new EngineContext(
                engine.name(),
                home(engine),
                cacheDir,
                EngineContext.LOOPBACK,
                consecutive(portChoice.applyAsInt(engine), engine.portNames().size()),
                LabSecret.ensure(dataDir));
        prepareDirectories(ctx);
        checkPorts(engine, ctx);

        Launch launch;
        try {
            launch = engine.launch(ctx);
        } catch (IOException | UncheckedIOException e) {
            throw new EngineFailure(
                    engine.name() + " could not be prepared: " + e.getMessage(),
                    "see " + ctx.logFile(),
                    LogTail.of(ctx.logFile(), LOG_TAIL_LINES));
        }
        Process process = spawn(ctx, launch);
        URI uri = engine.uri(ctx);
        Instant processStart = process.toHandle().info().startInstant().orElse(Instant.now());
        try {
            new StateFile(engine.name(), process.pid(), processStart, ctx.ports(), Uris.redact(uri), Instant.now())
                    .write(ctx.home());
        } catch (IOException e) {
            kill(process.pid());
            throw new DbxException(
                    "cannot write the state of " + engine.name() + " in " + ctx.home() + ": " + e.getMessage());
        }
        ServerIdentity identity = awaitAnswer(engine, ctx, uri, process.toHandle(), process);
        return status(engine, process.toHandle(), uri).withIdentity(identity, null);
    }

    /** The engine's state; when {@code ask} is set and it runs, also the identity its server reports now. */
    public EngineStatus status(LocalEngine engine, boolean ask) {
        Optional<String> unavailable = engine.unavailableReason();
        Path home = home(engine);
        Optional<StateFile> state = StateFile.read(home);
        if (state.isEmpty()) {
            return unavailable
                    .map(reason -> EngineStatus.of(engine.name(), EngineState.unavailable, null, reason))
                    .orElseGet(() -> EngineStatus.of(engine.name(), EngineState.stopped, null, null));
        }
        // the state file's URI has no secret: the one to ask with comes from the engine and the lab's secret
        URI uri = engine.uri(context(engine));
        Optional<ProcessHandle> process =
                Processes.find(state.get().pid(), state.get().processStart());
        if (process.isEmpty()) {
            return new EngineStatus(
                    engine.name(),
                    EngineState.crashed,
                    null,
                    uri,
                    state.get().pid(),
                    null,
                    null,
                    state.get().processStart(),
                    "process " + state.get().pid() + " is gone; it was not stopped by dbx down",
                    LogTail.of(home.resolve("server.log"), LOG_TAIL_LINES));
        }
        EngineStatus status = status(engine, process.get(), uri);
        if (!ask) {
            return status;
        }
        try {
            return status.withIdentity(engine.probe(uri, probeTimeout), null);
        } catch (RuntimeException e) {
            return status.withIdentity(null, "running, but did not answer: " + describe(e));
        }
    }

    /**
     * Stops the engine: the graceful signal, then SIGKILL to its whole process group after its stop timeout. Returns
     * once none of its processes is left. Harmless when it is not running.
     */
    public EngineStatus down(LocalEngine engine) {
        Path home = home(engine);
        Optional<StateFile> state = StateFile.read(home);
        if (state.isEmpty()) {
            return EngineStatus.of(engine.name(), EngineState.stopped, null, null);
        }
        long pid = state.get().pid();
        Optional<ProcessHandle> process = Processes.find(pid, state.get().processStart());
        // Children may leave the server's process group (PostgreSQL's backends call setsid): remember them all.
        List<ProcessHandle> descendants =
                process.map(p -> p.descendants().toList()).orElse(List.of());
        if (process.isPresent()) {
            appendLog(home.resolve("server.log"), "dbx: stopping (SIG" + engine.stopSignal() + ")");
            Processes.signalGroup(pid, engine.stopSignal().name());
            if (!Processes.waitUntil(() -> !Processes.isRunning(pid), engine.stopTimeout())) {
                appendLog(home.resolve("server.log"), "dbx: no exit after " + engine.stopTimeout() + ", SIGKILL");
            }
        }
        // The group may outlive its leader (children of a crashed server): kill what is left.
        kill(pid);
        for (ProcessHandle child : descendants) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
        try {
            StateFile.delete(home);
        } catch (IOException e) {
            throw new DbxException("cannot remove " + StateFile.path(home) + ": " + e.getMessage());
        }
        return EngineStatus.of(engine.name(), EngineState.stopped, null, null);
    }

    /** Deletes the engine's data, log and state. It must not be running. */
    public void wipe(LocalEngine engine) {
        Path home = home(engine);
        if (runningProcess(engine).isPresent()) {
            throw new DbxException("cannot wipe " + engine.name() + " while it runs", "stop it first: dbx down");
        }
        Directories.delete(home);
    }

    /** SIGKILLs the process group led by {@code pid}, and any descendant outside it, and waits until they are gone. */
    private static void kill(long pid) {
        List<ProcessHandle> descendants =
                ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(List.of());
        if (Processes.isRunning(pid) || Processes.groupAlive(pid)) {
            Processes.signalGroup(pid, "KILL");
            Processes.waitUntil(() -> !Processes.groupAlive(pid), Duration.ofSeconds(10));
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    private Optional<ProcessHandle> runningProcess(LocalEngine engine) {
        return StateFile.read(home(engine)).flatMap(s -> Processes.find(s.pid(), s.processStart()));
    }

    private EngineStatus status(LocalEngine engine, ProcessHandle process, URI uri) {
        return new EngineStatus(
                engine.name(),
                EngineState.running,
                null,
                uri,
                process.pid(),
                Processes.memoryBytes(process),
                null,
                process.info().startInstant().orElse(null),
                null,
                List.of());
    }

    private ServerIdentity awaitAnswer(
            LocalEngine engine, EngineContext ctx, URI uri, ProcessHandle handle, Process child) {
        Instant deadline = Instant.now().plus(engine.startTimeout());
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!Processes.isRunning(handle.pid())) {
                String exit = child != null ? " with exit code " + exitCode(child) : "";
                throw new EngineFailure(
                        engine.name() + " exited during start" + exit,
                        "its log is " + ctx.logFile(),
                        LogTail.of(ctx.logFile(), LOG_TAIL_LINES));
            }
            Duration left = Duration.between(Instant.now(), deadline);
            try {
                return engine.probe(uri, left.compareTo(probeTimeout) < 0 ? left : probeTimeout);
            } catch (RuntimeException e) {
                last = e;
            }
            Processes.sleep(POLL);
        }
        kill(handle.pid());
        try {
            StateFile.delete(ctx.home());
        } catch (IOException ignored) {
            // the process is gone; a stale file only reads as "crashed"
        }
        throw new EngineFailure(
                engine.name() + " did not answer within "
                        + engine.startTimeout().toSeconds() + " s"
                        + (last == null ? "" : " (last answer: " + describe(last) + ")"),
                "it was stopped; its log is " + ctx.logFile(),
                LogTail.of(ctx.logFile(), LOG_TAIL_LINES));
    }

    private static int exitCode(Process child) {
        try {
            return child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void prepareDirectories(EngineContext ctx) {
        try {
            // owner-only from the data directory down: other users of the machine see none of the lab's files
            PrivateFiles.directory(dataDir);
            PrivateFiles.directory(dataDir.resolve("engines"));
            PrivateFiles.directory(ctx.home());
            PrivateFiles.directory(ctx.dataDir());
            PrivateFiles.directory(ctx.home().resolve("tmp"));
            PrivateFiles.createFile(ctx.logFile());
            Files.createDirectories(cacheDir);
            Path probe = Files.createTempFile(ctx.home(), ".write-check", "");
            Files.delete(probe);
        } catch (AccessDeniedException e) {
            throw notWritable(e.getFile());
        } catch (FileSystemException e) {
            throw notWritable(e.getFile() != null ? e.getFile() : ctx.home().toString());
        } catch (IOException e) {
            throw notWritable(ctx.home() + " (" + e.getMessage() + ")");
        }
    }

    private DbxException notWritable(String where) {
        return new DbxException(
                "the data directory is not writable: " + where,
                "choose another with --data-dir <dir> (or DBX_DATA_DIR, or dataDir in dbx.yaml)");
    }

    private static void checkPorts(LocalEngine engine, EngineContext ctx) {
        for (int i = 0; i < ctx.ports().size(); i++) {
            int port = ctx.port(i);
            // A server killed a moment ago may still hold its port for a few milliseconds: its main thread already
            // shows as a zombie while the kernel closes its sockets. Give a just-freed port a short grace.
            if (!Processes.waitUntil(() -> Ports.isFree(port), PORT_GRACE)) {
                String what = engine.portNames().get(i);
                throw new DbxException(
                        "port " + port + " (" + engine.name() + " " + what + ") on " + ctx.host()
                                + " is already in use by another process",
                        "free it, or pick another with --port " + engine.name() + "=<port> or engines." + engine.name()
                                + ".port in dbx.yaml");
            }
        }
    }

    private static Process spawn(EngineContext ctx, Launch launch) {
        List<String> command = new ArrayList<>();
        // A session of its own: a Ctrl-C in dbx's terminal does not reach the server, and the server leads a process
        // group that can be signalled (and killed) as a whole. Its umask makes every file it creates owner-only.
        command.add("setsid");
        command.addAll(List.of("sh", "-c", "umask 077 && exec \"$@\"", "dbx-engine-" + ctx.name()));
        command.addAll(launch.command());
        appendLog(ctx.logFile(), "dbx: starting " + ctx.name() + ": " + Uris.redactText(String.join(" ", command)));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(launch.workDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(ctx.logFile().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(launch.environment());
        try {
            return builder.start();
        } catch (IOException e) {
            throw new DbxException("cannot start " + ctx.name() + ": " + e.getMessage());
        }
    }

    private static void appendLog(Path log, String line) {
        try {
            Files.writeString(
                    log,
                    "[" + Instant.now() + "] " + line + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the log is for people; failing to write a note to it must not fail the command
        }
    }

    private static List<Integer> consecutive(int first, int count) {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ports.add(first + i);
        }
        return ports;
    }

    static String describe(Throwable e) {
        return Failures.describe(e);
    }
}
