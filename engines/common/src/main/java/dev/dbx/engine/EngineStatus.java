package dev.dbx.engine;

import dev.dbx.core.store.ServerIdentity;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * One engine's state as {@code dbx status} reports it.
 *
 * @param name the engine (or store) name
 * @param state what it is doing
 * @param identity what the server reported about itself, or null when it could not be asked
 * @param uri where clients reach it
 * @param pid its process id, or null
 * @param rssBytes resident memory of its process tree (shared pages apportioned, Linux PSS), or null
 * @param dataBytes the size of its data files, when known (embedded stores), or null
 * @param startedAt when its process started, or null
 * @param message why it is not running, or what went wrong asking it, or null
 * @param logTail the last lines of its log when it crashed, else empty
 */
public record EngineStatus(
        String name,
        EngineState state,
        ServerIdentity identity,
        URI uri,
        Long pid,
        Long rssBytes,
        Long dataBytes,
        Instant startedAt,
        String message,
        List<String> logTail) {
    public EngineStatus {
        logTail = logTail == null ? List.of() : List.copyOf(logTail);
    }

    public static EngineStatus of(String name, EngineState state, URI uri, String message) {
        return new EngineStatus(name, state, null, uri, null, null, null, null, message, List.of());
    }

    public EngineStatus withIdentity(ServerIdentity id, String problem) {
        return new EngineStatus(name, state, id, uri, pid, rssBytes, dataBytes, startedAt, problem, logTail);
    }

    public EngineStatus withDataBytes(Long bytes) {
        return new EngineStatus(name, state, identity, uri, pid, rssBytes, bytes, startedAt, message, logTail);
    }
}
