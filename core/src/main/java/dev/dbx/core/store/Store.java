package dev.dbx.core.store;

import dev.dbx.core.DbxException;
import java.net.URI;
import java.util.Optional;

/**
 * An open connection to one database server (or embedded database), made with the engine's official client. The
 * store itself only says who and where it is; what it can do is handed out as separate capability objects (see
 * {@link Capabilities}): ask with {@link #capability(Class)}.
 */
public interface Store extends AutoCloseable {
    /** How the store was opened: its id, URI, timeout, pool size and placement. */
    StoreConfig config();

    /** The store's id, e.g. "postgres". */
    default String id() {
        return config().storeId();
    }

    /** The URI this store was opened with (it may hold a password: print it with {@code Uris.redact}). */
    default URI uri() {
        return config().uri();
    }

    /** A local engine, an embedded library, or an external server. */
    default Placement placement() {
        return config().placement();
    }

    /** The process serving the store on this machine, for CPU and memory samples. */
    default ResourceProbe resources() {
        return config().resources();
    }

    /** Asks the server who it is; a real round trip. */
    ServerIdentity identity();

    /** What this store can do, each capability an object of its own. */
    Capabilities capabilities();

    /** The object serving capability {@code type}, when the store has it. */
    default <C extends Capability> Optional<C> capability(Class<C> type) {
        return capabilities().get(type);
    }

    /** Like {@link #capability(Class)}, but a clear error when the store lacks it. */
    default <C extends Capability> C require(Class<C> type) {
        return capability(type)
                .orElseThrow(
                        () -> new DbxException("store " + id() + " has no " + type.getSimpleName() + " capability"));
    }

    @Override
    void close();
}
