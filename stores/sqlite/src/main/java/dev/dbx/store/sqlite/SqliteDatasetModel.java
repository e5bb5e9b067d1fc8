package dev.dbx.store.sqlite;

import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.store.jdbc.SqlConnections;
import dev.dbx.store.jdbc.SqlDatasetModel;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * SQLite's model: normalized STRICT tables with keys and foreign keys, FTS5 (porter stemmer) over the comment columns,
 * dates as ISO text (what SQLite's date functions read) and money as REAL (SQLite has no decimal type). Loads through
 * one prepared statement per table, a row at a time, committing every {@value #COMMIT_EVERY} rows.
 */
final class SqliteDatasetModel extends SqlDatasetModel {
    private static final int COMMIT_EVERY = 200_000;

    SqliteDatasetModel(SqlConnections sql) {
        super(sql);
    }

    @Override
    protected void bulkLoad(Entity entity, RowStream rows) {
        sql.inTransaction("loading " + entity.name(), c -> {
            try (PreparedStatement ps = c.prepareStatement(insertSql(entity))) {
                long n = 0;
                while (rows.hasNext()) {
                    bindRow(ps, entity, rows.next());
                    // one row at a time: sqlite-jdbc batches only buffer, SQLite itself has no wire to save
                    ps.executeUpdate();
                    if (++n % COMMIT_EVERY == 0) {
                        c.commit();
                    }
                }
            }
        });
    }

    @Override
    public String loadMethod() {
        return "one prepared INSERT per row, a transaction per " + COMMIT_EVERY + " rows";
    }

    /** In-process and indexed: a prepared point lookup per key is a B-tree descent, with no round trip to save. */
    @Override
    protected void lookUp(
            Connection c, Entity table, List<Column> keyColumns, List<List<Object>> keys, Set<List<Object>> found)
            throws SQLException {
        lookUpOneByOne(c, table, keyColumns, keys, found);
    }

    @Override
    protected void bind(PreparedStatement ps, int index, Column column, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NULL);
            return;
        }
        switch (column.type()) {
            case DECIMAL -> ps.setDouble(index, ((BigDecimal) value).doubleValue());
            case DATE -> ps.setString(index, value.toString());
            default -> super.bind(ps, index, column, value);
        }
    }

    @Override
    protected Object read(ResultSet rs, int index, Column column) throws SQLException {
        return switch (column.type()) {
            case DECIMAL -> {
                double v = rs.getDouble(index);
                yield rs.wasNull() ? null : v;
            }
            case DATE -> {
                String v = rs.getString(index);
                yield v == null ? null : LocalDate.parse(v);
            }
            default -> super.read(rs, index, column);
        };
    }

    @Override
    protected boolean tableExists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
