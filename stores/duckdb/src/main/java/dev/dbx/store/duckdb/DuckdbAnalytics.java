package dev.dbx.store.duckdb;

import dev.dbx.core.query.CacheDrop;
import dev.dbx.store.jdbc.SqlAnalytics;
import dev.dbx.store.jdbc.SqlConnections;
import dev.dbx.store.jdbc.SqlErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * TPC-H in DuckDB's dialect ({@code tpch/qNN.sql} next to this class), stopped by DuckDB's interrupt at the deadline
 * (see {@link SqlAnalytics}).
 *
 * <p>DuckDB's buffer pool belongs to the database instance, which the store holds open for its whole life (every pooled
 * connection is a duplicate of one anchor). A cold start empties it without closing the database: lowering {@code
 * memory_limit} to almost nothing makes DuckDB evict blocks (the table data read from the file) until what it
 * holds fits under it (at most a few blocks of 256 KiB stay when it refuses 0), then the limit goes back to the URI's value or DuckDB's default. The catalog, and each table's row-group pointers and statistics
 * (zone maps), stay in memory for as long as the database is open.
 */
final class DuckdbAnalytics extends SqlAnalytics {
    /** Memory limits tried in turn for a cold start: DuckDB refuses one below what it cannot evict (pinned blocks). */
    private static final List<String> EVICTION_LIMITS = List.of("0B", "256KiB", "1MiB");

    private final String memoryLimit;

    /**
     * @param location the database and the settings it was opened with (its memory_limit is restored after a cold
     *     start's eviction)
     */
    DuckdbAnalytics(SqlConnections sql, DuckdbLocation location) {
        super(sql, Set.of("tpch"));
        this.memoryLimit = location.settings().get("memory_limit");
    }

    @Override
    public CacheDrop dropCaches() {
        List<String> dropped = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        try (Connection c = sql.connection()) {
            String refused = null;
            String evictedTo = null;
            try {
                // the lowest limit DuckDB accepts: it evicts blocks until the memory it holds fits under it
                for (String limit : EVICTION_LIMITS) {
                    try (Statement s = c.createStatement()) {
                        s.execute("SET memory_limit = '" + limit + "'");
                        evictedTo = limit;
                        break;
                    } catch (SQLException e) {
                        refused = DuckdbDatabase.firstLine(e);
                    }
                }
            } finally {
                // a failed statement closes its Statement in DuckDB: restore on a new one, whatever happened
                try (Statement s = c.createStatement()) {
                    s.execute(memoryLimit == null ? "RESET memory_limit" : "SET memory_limit = '" + memoryLimit + "'");
                }
            }
            if (evictedTo != null) {
                dropped.add("DuckDB's buffer pool (memory_limit lowered to " + evictedTo
                        + ", which evicts blocks until what stays fits, then restored)");
            } else {
                kept.add("DuckDB's buffer pool (" + refused + ")");
            }
        } catch (SQLException e) {
            throw SqlErrors.of(sql.storeId(), "emptying DuckDB's buffer pool", e);
        }
        kept.add("the catalog and every table's row-group metadata and statistics (in memory while the database is"
                + " open; a restart of dbx drops them)");
        return new CacheDrop(dropped, kept);
    }
}
