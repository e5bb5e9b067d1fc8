package dev.dbx.core.store;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Opens stores of one kind. Found through {@link java.util.ServiceLoader}: a store module registers its provider in
 * {@code META-INF/services/dev.dbx.core.store.StoreProvider} and no other module changes.
 */
public interface StoreProvider {
    /** The store's id, e.g. "postgres". */
    String id();

    /** Other names users may type for it, e.g. "opensearch" for the Elasticsearch/OpenSearch store. */
    default List<String> aliases() {
        return List.of();
    }

    /** URI schemes this provider opens, e.g. "postgresql". */
    List<String> schemes();

    /** An example URI, shown when a given one is malformed. */
    String uriExample();

    /**
     * For an embedded database (SQLite, DuckDB): its URI when its files live in {@code storeDir} (a directory of its
     * own under dbx's data directory, deleted by {@code dbx down --wipe}). Server stores return empty; they are
     * reached through a local engine or an external URI.
     */
    default Optional<URI> embeddedUri(Path storeDir) {
        return Optional.empty();
    }

    /** Whether the store is a library inside dbx's own process (it has an {@link #embeddedUri}). */
    default boolean embedded() {
        return embeddedUri(Path.of(".")).isPresent();
    }

    /**
     * Opens the store. An unreachable server, a bad URI or bad credentials fail within {@code config.timeout()} with a
     * {@link dev.dbx.core.DbxException} that says what was wrong.
     */
    Store open(StoreConfig config);

    default boolean accepts(URI uri) {
        return uri.getScheme() != null && schemes().contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT));
    }
}
