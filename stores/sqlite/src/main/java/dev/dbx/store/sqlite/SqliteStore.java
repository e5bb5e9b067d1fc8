package dev.dbx.store.sqlite;

import com.zaxxer.hikari.HikariDataSource;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.store.jdbc.JdbcStore;
import dev.dbx.store.jdbc.SqlErrors;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.stream.Collectors;

/**
 * SQLite: normalized STRICT tables with keys and foreign keys, FTS5 (porter stemmer) over the comment columns, dates
 * as ISO text (what SQLite's date functions read) and money as REAL (SQLite has no decimal type). Loads in one
 * transaction per table through one prepared statement, the fastest way into SQLite.
 */
final class SqliteStore extends JdbcStore {
    private static final int COMMIT_EVERY = 200_000;

    private final HikariDataSource pool;

    SqliteStore(URI uri, HikariDataSource pool) {
        super("sqlite", uri, pool);
        this.pool = pool;
    }

    @Override
    public ServerIdentity identity() {
        return new ServerIdentity("SQLite", queryString("SELECT sqlite_version()"));
    }

    @Override
    protected void bulkLoad(Entity entity, RowStream rows) {
        String sql = "INSERT INTO " + entity.name() + " (" + String.join(", ", entity.columnNames()) + ") VALUES ("
                + entity.columns().stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                long n = 0;
                while (rows.hasNext()) {
                    Object[] row = rows.next();
                    for (int i = 0; i < row.length; i++) {
                        bind(ps, i + 1, entity.columns().get(i), row[i]);
                    }
                    // one row at a time: sqlite-jdbc batches only buffer, SQLite itself has no wire to save
                    ps.executeUpdate();
                    if (++n % COMMIT_EVERY == 0) {
                        c.commit();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.of(id, "loading " + entity.name(), e);
        }
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

    @Override
    public void close() {
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            // fold the WAL back into the database file so the file alone is the database
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException ignored) {
            // best effort: SQLite recovers the WAL on next open
        }
        pool.close();
    }
}
