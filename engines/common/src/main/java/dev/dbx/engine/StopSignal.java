package dev.dbx.engine;

/** The signal that asks a server for a graceful shutdown. */
public enum StopSignal {
    /** Most servers (and every JVM, through its shutdown hooks). */
    TERM,
    /** PostgreSQL's "fast" shutdown; TERM would wait for every client to disconnect. */
    INT
}
