package dev.dbx.store.redis;

import dev.dbx.core.Identifiers;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Entity;

/**
 * The names of dbx's keys (documented in {@code KEYSPACE.md} next to this class). Everything of a dataset lives under
 * one namespace, {@code [prefix]<dataset>:}, so that dropping it is one SCAN MATCH and nothing else in the database is
 * touched:
 *
 * <ul>
 *   <li>{@code <dataset>:<entity>} the id set: a sorted set of the ids of every row (it is what counts and scans read);
 *   <li>{@code <dataset>:<entity>:<id>} one hash per row;
 *   <li>{@code <dataset>:<entity>:by_<name>[:<value>]} secondary sorted sets (see {@code keyspace/<dataset>.indexes}).
 * </ul>
 *
 * A row key has one segment more than its id set, so no id can ever name an id set; secondary sorted sets exist only
 * for entities with integer keys, so no id can be {@code by_...} either.
 */
final class KeyScheme {
    private final String prefix;

    KeyScheme(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }

    /** Every key of the dataset starts with this. */
    String namespace(Dataset dataset) {
        return prefix + Identifiers.require("dataset name", dataset.name()) + ":";
    }

    /** SCAN MATCH pattern for every key of the dataset (the prefix and names hold no glob characters). */
    String everyKeyPattern(Dataset dataset) {
        return namespace(dataset) + "*";
    }

    /** The sorted set of the ids of every row of {@code entity}. */
    String idSet(Dataset dataset, Entity entity) {
        return namespace(dataset) + Identifiers.require("entity name", entity.name());
    }

    /** The hash of one row. */
    String row(Dataset dataset, Entity entity, String id) {
        return idSet(dataset, entity) + ":" + id;
    }

    /** The prefix of every row hash of {@code entity}: the row key is this plus the id. */
    String rowPrefix(Dataset dataset, Entity entity) {
        return idSet(dataset, entity) + ":";
    }

    /** What the key of every secondary sorted set of {@code entity} starts with, e.g. {@code tpch:orders:}. */
    String secondaryPrefix(Dataset dataset, Entity entity) {
        return idSet(dataset, entity) + ":";
    }
}
