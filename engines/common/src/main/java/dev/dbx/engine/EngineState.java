package dev.dbx.engine;

/** What a local engine is doing. */
public enum EngineState {
    /** Its process is alive (and, after {@code dbx up}, answered a real request). */
    running,
    /** Not running, and it was stopped on purpose (or never started). */
    stopped,
    /** It was started and is gone without {@code dbx down}: killed, or it failed. */
    crashed,
    /** It cannot run on this machine (e.g. its server is not installed). */
    unavailable,
    /** An in-process database (SQLite, DuckDB): no server, a file under the data directory. */
    embedded,
    /** A server outside dbx, reached by URI. */
    external
}
