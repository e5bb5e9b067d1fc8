package dev.dbx.lab;

import dev.dbx.engine.EngineStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What starting and stopping engines reports as it goes, for the caller to show (or not). */
public sealed interface EngineEvent {
    /** Engines (and embedded stores) about to start, and where their data lives. */
    record Starting(List<String> names, Path dataDir) implements EngineEvent {}

    /** An engine or store answered: {@code took} is null when it was already running. */
    record Ready(EngineStatus status, String where, Duration took) implements EngineEvent {}

    /** It could not be started or reached. */
    record Failed(String name, String where, String message, List<String> logTail) implements EngineEvent {}

    /** It was not started, and why. */
    record Skipped(String name, String reason) implements EngineEvent {}

    /** A running engine was stopped. */
    record Stopped(String name, long pid, Duration took) implements EngineEvent {}

    /** A crashed engine's leftovers were cleaned up. */
    record CleanedUp(String name, long pid) implements EngineEvent {}

    /** Its data was deleted. */
    record Wiped(String name, Path where) implements EngineEvent {}
}
