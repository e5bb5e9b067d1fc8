package dev.dbx.engine;

import dev.dbx.core.store.ServerIdentity;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A real database server dbx can run on this machine, in its own OS process. Found through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.dbx.engine.LocalEngine}); adding one touches no other
 * module.
 *
 * <p>An engine says how to launch its server in the foreground; {@link EngineSupervisor} runs it in the background,
 * waits until it answers a real request ({@link #probe}), records its PID, and stops it.
 */
public abstract class LocalEngine {
    /** The engine's name, e.g. "postgres". */
    public abstract String name();

    /** What runs, for people, e.g. "PostgreSQL 17 (zonky binaries)". */
    public abstract String description();

    /** The store that talks to this engine, if any (Kafka carries changes, it is not a store). */
    public Optional<String> storeId() {
        return Optional.of(name());
    }

    /** The default client port. Further ports, if {@link #portNames()} names any, are the next numbers up. */
    public abstract int defaultPort();

    /** What each port is for; the first is the client port. */
    public List<String> portNames() {
        return List.of("client");
    }

    /**
     * Why this engine takes no password here, when it does not (said by {@code dbx status} and the docs): then any
     * local user can reach it on the loopback address. Empty for an engine that asks for the lab's secret.
     */
    public Optional<String> unprotectedReason() {
        return Optional.empty();
    }

    /** Why this engine cannot run here (with how to fix it), or empty when it can. */
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    /**
     * The command that runs the server in the foreground. May do one-time setup first (unpack binaries, initialize
     * the data directory); it must be harmless to call again on an existing data directory.
     */
    public abstract Launch launch(EngineContext ctx) throws IOException;

    /** The URI clients use to reach the server. */
    public abstract URI uri(EngineContext ctx);

    /**
     * One real request to the server with its official client (or its own HTTP API), answering who it is: the product
     * and version the server reports. Throws when it does not answer within {@code timeout}.
     */
    public abstract ServerIdentity probe(URI uri, Duration timeout);

    /** The signal for a graceful shutdown. */
    public StopSignal stopSignal() {
        return StopSignal.TERM;
    }

    /** How long a start may take before it counts as failed. */
    public Duration startTimeout() {
        return Duration.ofSeconds(90);
    }

    /** How long a graceful stop may take before the process is killed. */
    public Duration stopTimeout() {
        return Duration.ofSeconds(30);
    }
}
