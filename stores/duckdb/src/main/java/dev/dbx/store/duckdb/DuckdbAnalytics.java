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
 * memory_limit} to 1 MB makes DuckDB evict every block it can (the table data read from the file), then the limit
 * goes back to the URI's value or DuckDB's default. The catalog, and each table's row-group pointers and statistics
 * (zone maps), stay in memory for as long as the database is open.
 */
final class DuckdbAnalytics extends SqlAnalytics {
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
            String evicted = null;
            try (Statement s = c.createStatement()) {
                s.execute("SET memory_limit = '1MB'");
            } catch (SQLException e) {
                evicted = DuckdbDatabase.firstLine(e);
            } finally {
                // a failed statement closes its Statement in DuckDB: restore on a new one, whatever happened
                try (Statement s = c.createStatement()) {
                    s.execute(memoryLimit == null ? "RESET memory_limit" : "SET memory_limit = '" + memoryLimit + "'");
                }
            }
            if (evicted == null) {
                dropped.add("DuckDB's buffer pool (every evictable block: memory_limit lowered to 1 MB and restored)");
            } else {
                kept.add("DuckDB's buffer pool (" + evicted + ")");
            }
        } catch (SQLException e) {
            throw SqlErrors.of(sql.storeId(), "emptying DuckDB's buffer pool", e);
        }
        kept.add("the catalog and every table's row-group metadata and statistics (in memory while the database is"
                + " open; a restart of dbx drops them)");
        return new CacheDrop(dropped, kept);
    }
}
