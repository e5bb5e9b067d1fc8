package dev.dbx.store.neo4j;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.Config;
import org.neo4j.driver.NotificationSeverity;

/** The driver's configuration: every wait bounded by the store's timeout, nothing left at a default that hangs. */
final class ClientSettings {
    /**
     * The pool's size unless the store is opened with another: enough for many YCSB client threads; a request beyond
     * it waits for a free connection (bounded, below).
     */
    static final int DEFAULT_POOL_SIZE = 64;

    /**
     * A pooled connection idle this long is checked (a RESET round trip) before reuse, so a restarted server or a
     * dropped idle connection is noticed before a request is lost on it.
     */
    static final Duration IDLE_BEFORE_CHECK = Duration.ofSeconds(30);

    private ClientSettings() {}

    /** The driver's configuration for a store with {@code timeout} and a pool of at most {@code poolSize}. */
    static Config of(Duration timeout, int poolSize) {
        long millis = Math.max(1, timeout.toMillis());
        return Config.builder()
                // connect and TLS/Bolt handshake
                .withConnectionTimeout(millis, TimeUnit.MILLISECONDS)
                // waiting for a pooled connection (and, for neo4j:// URIs, for a routing table)
                .withConnectionAcquisitionTimeout(millis, TimeUnit.MILLISECONDS)
                // managed transactions retry transient errors (deadlocks, leader switches, a lost connection) for half
                // the timeout: the driver's backoff (1 s, 2 s, 4 s...) overshoots its window by up to one step, so a
                // server that died fails the request within the timeout, not half as long again after it
                .withMaxTransactionRetryTime(Math.max(1, millis / 2), TimeUnit.MILLISECONDS)
                .withMaxConnectionPoolSize(poolSize)
                .withConnectionLivenessCheckTimeout(IDLE_BEFORE_CHECK.toMillis(), TimeUnit.MILLISECONDS)
                .withMaxConnectionLifetime(1, TimeUnit.HOURS)
                // notifications (hints, deprecations) are never shown by dbx: the server need not compute them
                .withMinimumNotificationSeverity(NotificationSeverity.OFF)
                .withTelemetryDisabled(true)
                .withUserAgent("dbx")
                .build();
    }
}
