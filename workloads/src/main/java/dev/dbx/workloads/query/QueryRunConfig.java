package dev.dbx.workloads.query;

import dev.dbx.core.DbxException;
import java.time.Duration;

/**
 * How a query suite runs: {@code runs} times each query (the first cold, after caches are dropped; the fastest of the
 * others is its hot time, ClickBench's rule with 3 runs), a timeout per query, and with {@code streams} above 1 a
 * throughput test where that many streams run every query at once.
 */
public record QueryRunConfig(int runs, int streams, Duration timeout, boolean dropCaches) {
    public static final int DEFAULT_RUNS = 3;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    public QueryRunConfig {
        if (runs < 1) {
            throw new DbxException("runs must be at least 1, not " + runs);
        }
        if (streams < 1) {
            throw new DbxException("streams (--threads) must be at least 1, not " + streams);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new DbxException("the query timeout must be positive, not " + timeout);
        }
    }

    public static QueryRunConfig defaults() {
        return new QueryRunConfig(DEFAULT_RUNS, 1, DEFAULT_TIMEOUT, true);
    }
}
