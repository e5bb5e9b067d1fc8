package dev.dbx.store.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Deletes every key matching a pattern: SCAN MATCH page by page, UNLINK per page (freeing memory in the background, so
 * a big sorted set does not stall the server). A full SCAN returns every key that exists from its start to its end,
 * so every matching key is found (keys written during the drop excepted); a key returned twice is unlinked twice,
 * which is harmless. Never FLUSHDB: the database may hold other applications' keys.
 */
final class KeyspaceCleaner {
    /** Keys examined per SCAN call: large enough to be quick, small enough not to block the server. */
    static final int SCAN_COUNT = 1_000;

    private final StatefulRedisConnection<String, String> connection;
    private final Duration timeout;

    KeyspaceCleaner(StatefulRedisConnection<String, String> connection, Duration timeout) {
        this.connection = connection;
        this.timeout = timeout;
    }

    /** Deletes every key matching {@code pattern}; returns how many UNLINK removed. */
    long deleteMatching(String pattern) {
        ScanArgs args = ScanArgs.Builder.matches(pattern).limit(SCAN_COUNT);
        ScanCursor cursor = ScanCursor.INITIAL;
        RedisFuture<Long> unlinking = null;
        long removed = 0;
        while (true) {
            KeyScanCursor<String> page = connection.sync().scan(cursor, args);
            if (!page.getKeys().isEmpty()) {
                // the next SCAN runs while this UNLINK is answered
                removed += await(unlinking);
                unlinking = connection.async().unlink(page.getKeys().toArray(String[]::new));
            }
            if (page.isFinished()) {
                return removed + await(unlinking);
            }
            cursor = page;
        }
    }

    private long await(RedisFuture<Long> future) {
        if (future == null) {
            return 0;
        }
        Long n = io.lettuce.core.LettuceFutures.awaitOrCancel(
                future, timeout.toMillis() * 2 + 1_000, TimeUnit.MILLISECONDS);
        return n == null ? 0 : n;
    }
}
