package dev.dbx.store.sqlite;

import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.ColumnType;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.query.CacheDrop;
import dev.dbx.store.jdbc.SqlAnalytics;
import dev.dbx.store.jdbc.SqlConnections;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * TPC-H in SQLite's dialect ({@code tpch/qNN.sql} next to this class). SQLite's model keeps money as REAL and dates as
 * ISO-8601 text: money comes back as Double, and a date column of the dataset read back as is (o_orderdate in Q3 and
 * Q18) is returned as the date its text is. A running query is stopped by {@code sqlite3_interrupt} at the deadline
 * (see {@link SqlAnalytics}).
 */
final class SqliteAnalytics extends SqlAnalytics {
    private static final Set<String> DATE_COLUMNS = dateColumns();

    SqliteAnalytics(SqlConnections sql) {
        super(sql, Set.of("tpch"));
    }

    @Override
    protected Object value(ResultSet rs, int index, String label) throws SQLException {
        Object value = rs.getObject(index);
        if (value instanceof String text && DATE_COLUMNS.contains(label)) {
            return LocalDate.parse(text);
        }
        return plain(value);
    }

    /**
     * SQLite caches pages per connection, and nowhere else (memory-mapped I/O is off unless mmap_size says otherwise):
     * new connections start with empty page caches. What stays is the operating system's page cache, which is the
     * workload's to drop.
     */
    @Override
    public CacheDrop dropCaches() {
        if (!sql.renewConnections()) {
            return CacheDrop.nothing("the page caches of the open connections (not a HikariCP pool)");
        }
        String mmap = sql.queryString("PRAGMA mmap_size");
        return new CacheDrop(
                List.of("every pooled connection's page cache (new connections start empty)"),
                "0".equals(mmap)
                        ? List.of()
                        : List.of("pages memory-mapped by SQLite (mmap_size = " + mmap + "): the OS page cache's"));
    }

    private static Set<String> dateColumns() {
        Set<String> names = new HashSet<>();
        for (Entity entity : TpchSchema.DATASET.entities()) {
            for (Column column : entity.columns()) {
                if (column.type() == ColumnType.DATE) {
                    names.add(column.name());
                }
            }
        }
        return Set.copyOf(names);
    }
}
