package dev.dbx.core.store;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach a store.
 *
 * @param storeId the store's id, e.g. "postgres"
 * @param uri where the server (or the embedded database file) is
 * @param timeout the longest any single connect or request may take before it fails with a clear error
 */
public record StoreConfig(String storeId, URI uri, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public StoreConfig {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(uri, "uri");
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    public StoreConfig(String storeId, URI uri) {
        this(storeId, uri, DEFAULT_TIMEOUT);
    }
}
