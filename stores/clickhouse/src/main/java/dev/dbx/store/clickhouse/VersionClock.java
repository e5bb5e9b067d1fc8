package dev.dbx.store.clickhouse;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Row versions for the ReplacingMergeTrees (the usertable's writes, the sink's batches): microseconds since the epoch,
 * strictly increasing within this process (two writes in the same microsecond still get different versions), and
 * ordered like wall time between processes, so the last write wins. Bulk-loaded rows have version 0.
 */
final class VersionClock {
    private final AtomicLong last = new AtomicLong();

    long next() {
        long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        return last.updateAndGet(previous -> Math.max(previous + 1, now));
    }
}
