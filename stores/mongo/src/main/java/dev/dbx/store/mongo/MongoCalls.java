package dev.dbx.store.mongo;

import com.mongodb.MongoException;
import dev.dbx.core.DbxException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Driver calls against one server, every driver error turned into a one-line {@link DbxException} that says what was
 * being done (see {@link MongoErrors}). Hot paths catch {@link MongoException} themselves and call {@link #error}, so
 * the description is built only when something failed.
 */
final class MongoCalls {
    private final URI uri;
    private final Duration timeout;

    MongoCalls(URI uri, Duration timeout) {
        this.uri = uri;
        this.timeout = timeout;
    }

    <T> T call(String doing, Supplier<T> action) {
        try {
            return action.get();
        } catch (MongoException e) {
            throw error(doing, e);
        }
    }

    void run(String doing, Runnable action) {
        call(doing, () -> {
            action.run();
            return null;
        });
    }

    /** The error of a driver call that failed while {@code doing} something, e.g. "read of user1". */
    DbxException error(String doing, MongoException e) {
        return MongoErrors.of(uri, timeout, doing, e);
    }
}
