package dev.dbx.store.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The driver's settings: the URI's, then dbx's timeouts on top so nothing waits longer than the configured timeout
 * (the driver's defaults wait 30 s for a server, 2 min for a pooled connection and forever on a socket read).
 */
final class ClientSettings {
    /** Enough connections for a many-threaded YCSB run; opened on demand. The store's pool size replaces it. */
    static final int DEFAULT_POOL_SIZE = 64;

    private ClientSettings() {}

    /**
     * @param poolSize the most connections ({@code maxPoolSize}), unless the URI sets {@code maxPoolSize} itself
     */
    static MongoClientSettings of(ConnectionString connection, Duration timeout, int poolSize) {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        return MongoClientSettings.builder()
                .applyConnectionString(connection)
                .applicationName("dbx")
                .applyToClusterSettings(b -> b.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(
                        b -> b.connectTimeout(millis, TimeUnit.MILLISECONDS).readTimeout(millis, TimeUnit.MILLISECONDS))
                .applyToConnectionPoolSettings(b -> {
                    if (connection.getMaxConnectionPoolSize() == null) {
                        b.maxSize(poolSize);
                    }
                    b.minSize(0).maxWaitTime(millis, TimeUnit.MILLISECONDS).maxConnectionIdleTime(5, TimeUnit.MINUTES);
                })
                // one automatic retry of an idempotent read or a retryable write after a network blip or failover
                .retryReads(true)
                .retryWrites(true)
                .build();
    }
}
