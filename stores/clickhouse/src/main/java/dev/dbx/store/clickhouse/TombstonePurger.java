package dev.dbx.store.clickhouse;

import dev.dbx.core.DbxException;
import java.time.Duration;

/**
 * Removes the tombstones ({@code _deleted = 1}) of a TPC-H table that {@link PartMerger} merged into one part, with one
 * {@code ALTER TABLE ... DELETE} mutation, awaited. ClickHouse 18.16's ReplacingMergeTree keeps a tombstone through
 * every merge (it is a key's newest version); queries that read without FINAL and without a deleted filter (the TPC-H
 * queries) would count it. Safe only in one part, with no sink writing: a tombstone removed while an older version of
 * its key sits in another part would bring that version back. A mutation rewrites the parts holding tombstones, which
 * is why the sink never deletes this way and only this maintenance step does. Newer servers do it within the merge:
 * {@code ReplacingMergeTree(_version, _deleted)} and {@code OPTIMIZE TABLE ... FINAL CLEANUP}.
 */
final class TombstonePurger {
    private static final long POLL_MILLIS = 100;

    private final ClickHouseSql sql;

    TombstonePurger(ClickHouseSql sql) {
        this.sql = sql;
    }

    /** Purges {@code table} (a checked identifier) within {@code limit}; does nothing when it has no tombstones. */
    void purge(String table, Duration limit) {
        if (count(table, "SELECT count() FROM " + table + " WHERE " + RowVersions.DELETED + " = 1") == 0) {
            return;
        }
        long parts = count(
                table,
                "SELECT count() FROM system.parts WHERE database = currentDatabase() AND table = "
                        + SqlLiteral.string(table) + " AND active");
        if (parts != 1) {
            throw new DbxException(
                    "clickhouse: cannot remove the deleted rows of " + table + ": it is in " + parts
                            + " parts after OPTIMIZE TABLE ... FINAL, and a deleted row can only go once its key's"
                            + " versions are merged into one part",
                    "run it again while no sync writes to the table (a background merge or a new insert holds parts)");
        }
        sql.execute(
                "removing the deleted rows of " + table,
                "ALTER TABLE " + table + " DELETE WHERE " + RowVersions.DELETED + " = 1",
                limit);
        long deadline = System.nanoTime() + limit.toNanos();
        while (count(
                        table,
                        "SELECT count() FROM system.mutations WHERE database = currentDatabase() AND table = "
                                + SqlLiteral.string(table) + " AND is_done = 0")
                > 0) {
            if (System.nanoTime() > deadline) {
                throw new DbxException("clickhouse: removing the deleted rows of " + table + " took longer than "
                        + limit.toSeconds() + " s; the mutation goes on in the background (system.mutations)");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DbxException(
                        "interrupted while waiting for ClickHouse to remove the deleted rows of " + table);
            }
        }
    }

    private long count(String table, String statement) {
        return Long.parseLong(sql.value("checking the deleted rows of " + table, statement));
    }
}
