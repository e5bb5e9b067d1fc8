package dev.dbx.core.store;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach a store, and what dbx knows about where it runs.
 *
 * @param storeId the store's id, e.g. "postgres"
 * @param uri where the server (or the embedded database file) is
 * @param timeout the longest any single connect or request may take before it fails with a clear error
 * @param poolSize the most connections the store's client may hold at once, or 0 for the store's own default; a
 *     benchmark with N threads asks for at least N
 * @param placement a local engine, an embedded library, or an external server
 * @param resources the process serving the store on this machine, when there is one
 */
public record StoreConfig(
        String storeId, URI uri, Duration timeout, int poolSize, Placement placement, ResourceProbe resources) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public StoreConfig {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(uri, "uri");
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (poolSize < 0) {
            throw new IllegalArgumentException("poolSize must be 0 (the store's default) or more, not " + poolSize);
        }
        placement = placement == null ? Placement.EXTERNAL : placement;
        resources = resources == null ? ResourceProbe.NONE : resources;
    }

    /** An external server with the store's default pool. */
    public StoreConfig(String storeId, URI uri, Duration timeout) {
        this(storeId, uri, timeout, 0, Placement.EXTERNAL, ResourceProbe.NONE);
    }

    public StoreConfig(String storeId, URI uri) {
        this(storeId, uri, DEFAULT_TIMEOUT);
    }

    /** The pool size to use: the configured one, else {@code storeDefault}. */
    public int poolSize(int storeDefault) {
        return poolSize > 0 ? poolSize : storeDefault;
    }

    public StoreConfig withPoolSize(int size) {
        return new StoreConfig(storeId, uri, timeout, size, placement, resources);
    }

    public StoreConfig withPlacement(Placement where, ResourceProbe probe) {
        return new StoreConfig(storeId, uri, timeout, poolSize, where, probe);
    }
}
