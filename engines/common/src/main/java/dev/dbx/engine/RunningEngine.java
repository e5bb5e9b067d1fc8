package dev.dbx.engine;

import dev.dbx.core.store.ServerIdentity;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One local engine started in a throwaway data directory on free ports, for tests and experiments:
 *
 * <pre>{@code
 * try (RunningEngine pg = RunningEngine.start("postgres")) {
 *     URI uri = pg.uri();
 * }
 * }</pre>
 *
 * Closing it stops the server (no process is left) and deletes its directory.
 */
public final class RunningEngine implements AutoCloseable {
    private final LocalEngine engine;
    private final EngineSupervisor supervisor;
    private final Path dataDir;
    private final EngineStatus started;

    private RunningEngine(LocalEngine engine, EngineSupervisor supervisor, Path dataDir, EngineStatus started) {
        this.engine = engine;
        this.supervisor = supervisor;
        this.dataDir = dataDir;
        this.started = started;
    }

    public static RunningEngine start(String name) {
        return start(Engines.named(name));
    }

    public static RunningEngine start(LocalEngine engine) {
        Path dataDir;
        try {
            Path parent = Path.of(System.getProperty("dbx.test.dir", "target"), "engines");
            Files.createDirectories(parent);
            dataDir = Files.createTempDirectory(parent.toAbsolutePath(), engine.name() + "-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a data directory for " + engine.name(), e);
        }
        int port = Ports.freeRange(engine.portNames().size());
        EngineSupervisor supervisor =
                new EngineSupervisor(dataDir, CacheDir.resolve(), e -> port, Duration.ofSeconds(5));
        try {
            return new RunningEngine(engine, supervisor, dataDir, supervisor.up(engine));
        } catch (RuntimeException e) {
            supervisor.down(engine);
            throw e;
        }
    }

    public URI uri() {
        return started.uri();
    }

    public long pid() {
        return started.pid();
    }

    /** The identity the server reported when it came up. */
    public ServerIdentity identity() {
        return started.identity();
    }

    public EngineStatus status() {
        return supervisor.status(engine, true);
    }

    public EngineSupervisor supervisor() {
        return supervisor;
    }

    public LocalEngine engine() {
        return engine;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        supervisor.down(engine);
        supervisor.wipe(engine);
        try {
            Files.deleteIfExists(dataDir.resolve("engines"));
            Files.deleteIfExists(dataDir);
        } catch (IOException ignored) {
            // leftovers in target/ are harmless
        }
    }
}
