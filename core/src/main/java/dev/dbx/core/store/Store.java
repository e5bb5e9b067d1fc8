package dev.dbx.core.store;

import java.net.URI;
import java.util.Optional;

/**
 * An open connection to one database server (or embedded database), made with the engine's official client.
 * Capabilities are the interfaces the store implements; ask for one with {@link #capability(Class)}.
 */
public interface Store extends AutoCloseable {
    /** The store's id, e.g. "postgres". */
    String id();

    /** The URI this store was opened with (it may hold a password: print it with {@code Uris.redact}). */
    URI uri();

    /** Asks the server who it is; a real round trip. */
    ServerIdentity identity();

    /** This store as {@code type}, when it has that capability. */
    default <C extends Capability> Optional<C> capability(Class<C> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }

    /** Like {@link #capability(Class)}, but a clear error when the store lacks it. */
    default <C extends Capability> C require(Class<C> type) {
        return capability(type)
                .orElseThrow(() -> new dev.dbx.core.DbxException(
                        "store " + id() + " has no " + type.getSimpleName() + " capability"));
    }

    @Override
    void close();
}
