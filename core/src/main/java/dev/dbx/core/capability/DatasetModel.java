package dev.dbx.core.capability;

import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowSink;
import dev.dbx.core.store.Capability;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The store's own model of a dataset, the way an expert in the engine would build it: its schema (kept as resource
 * files next to the adapter), a bulk load through the engine's fast path, and a scan that gives every entity back as
 * canonical rows so {@code dbx verify} can compare stores whatever their model.
 */
public interface DatasetModel extends Capability {
    /** Whether the store holds any of the dataset (its schema exists with rows in it). */
    boolean isLoaded(Dataset dataset);

    /** Creates the schema; it may already exist, in which case it is left as it is. */
    void create(Dataset dataset);

    /** Drops the schema and all its data; nothing happens when it does not exist. */
    void drop(Dataset dataset);

    /**
     * Bulk-loads the entities {@code source} provides, streaming: rows are read once (or, for embedded models, once
     * per pass) and never all held in memory. The schema must exist. Loads rows only: see {@link #index}.
     */
    void load(DatasetSource source);

    /**
     * Builds what is cheaper to build after a bulk load than during it: secondary and full-text indexes, foreign
     * keys, statistics. Harmless to repeat; a store with nothing to build does nothing.
     */
    default void index(Dataset dataset) {}

    /** How many rows of {@code entity} the store holds (for an embedded entity, how many embedded items). */
    long count(Dataset dataset, Entity entity);

    /** Streams every row of {@code entity} to {@code sink} as canonical values, in any order. */
    void scan(Dataset dataset, Entity entity, RowSink sink);

    /**
     * Which of {@code keys} the store holds as rows of {@code entity}: each key is the canonical values of the
     * entity's primary key columns, in their order. Looked up by key (an index, a document id, a hash key), never by
     * scanning the entity, so checking a file of a thousand rows costs a thousand lookups whatever the table's size.
     */
    Set<List<Object>> existingKeys(Dataset dataset, Entity entity, Collection<List<Object>> keys);

    /**
     * How {@link #load} got rows in, for reports: the engine's fast path it used, e.g. "COPY FROM STDIN (text)". A
     * store whose path depends on what it found at run time (DuckDB's direct vector writes fall back to the driver's
     * setters) says which one ran.
     */
    String loadMethod();
}
