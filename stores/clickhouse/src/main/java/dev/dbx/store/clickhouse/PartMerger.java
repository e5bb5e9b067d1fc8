package dev.dbx.store.clickhouse;

import dev.dbx.core.DbxException;
import java.time.Duration;

/**
 * Merges a table into one part after a bulk load (the loader wrote one part per INSERT), so queries scan few, large
 * parts and every benchmark starts from the same state. {@code OPTIMIZE TABLE ... FINAL} alone is not enough: while a
 * background merge holds some parts, 18.x's OPTIMIZE silently skips them, so the merger waits for running merges and
 * tries again, a few times.
 */
final class PartMerger {
    private static final int ROUNDS = 4;
    private static final long POLL_MILLIS = 200;

    private final ClickHouseSql sql;

    PartMerger(ClickHouseSql sql) {
        this.sql = sql;
    }

    /** Merges {@code table} (a checked identifier) within {@code limit}; harmless to repeat. */
    void merge(String table, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (int round = 0; round < ROUNDS && activeParts(table) > 1; round++) {
            awaitMerges(table, deadline);
            sql.execute("merging the parts of " + table, "OPTIMIZE TABLE " + table + " FINAL", limit);
        }
    }

    private long activeParts(String table) {
        return Long.parseLong(sql.value(
                "counting the parts of " + table,
                "SELECT count() FROM system.parts WHERE database = currentDatabase() AND table = "
                        + SqlLiteral.string(table) + " AND active"));
    }

    private void awaitMerges(String table, long deadline) {
        while (Long.parseLong(sql.value(
                        "looking for merges of " + table,
                        "SELECT count() FROM system.merges WHERE database = currentDatabase() AND table = "
                                + SqlLiteral.string(table)))
                > 0) {
            if (System.nanoTime() > deadline) {
                return; // OPTIMIZE does what it can
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DbxException("interrupted while waiting for ClickHouse to merge " + table);
            }
        }
    }
}
