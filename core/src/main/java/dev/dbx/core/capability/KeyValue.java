package dev.dbx.core.capability;

import dev.dbx.core.store.Capability;

/**
 * YCSB's {@code usertable} (every store has it), created by {@link DatasetModel#create} for the "ycsb" dataset. Work
 * goes through {@link KeyValueSession}s, one per thread, so a benchmark measures the database and not the way in:
 * each session pins its connection and prepares its statements once.
 */
public interface KeyValue extends Capability {
    /**
     * A session for one thread. It takes a connection of its own from the store's pool (or a share of a client that
     * multiplexes), held until {@link KeyValueSession#close()}: a pool of N connections serves N sessions at once.
     */
    KeyValueSession openSession();

    /** What the store guarantees, asked of the server where it has settings (durability), for reports. */
    KeyValueSemantics semantics();
}
