package dev.dbx.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.dbx.core.DbxException;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Where a SQL store's connections come from (its pool), with the store id and URI its errors name: what the store and
 * each of its capability objects share.
 */
public final class SqlConnections {
    private final String storeId;
    private final URI uri;
    private final DataSource dataSource;

    public SqlConnections(String storeId, URI uri, DataSource dataSource) {
        this.storeId = storeId;
        this.uri = uri;
        this.dataSource = dataSource;
    }

    public String storeId() {
        return storeId;
    }

    public URI uri() {
        return uri;
    }

    /** A pooled connection; an unreachable server becomes a clear error. */
    public Connection connection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw SqlErrors.unreachable(storeId, uri, e);
        }
    }

    /**
     * Replaces every pooled connection: idle ones are closed now, busy ones when they come back, and the next requests
     * get new ones (a new server session, or for an embedded engine a new connection with empty caches of its own).
     * False when the connections do not come from a HikariCP pool, which is the only pool dbx uses.
     */
    public boolean renewConnections() {
        if (dataSource instanceof HikariDataSource pool && pool.getHikariPoolMXBean() != null) {
            pool.getHikariPoolMXBean().softEvictConnections();
            return true;
        }
        return false;
    }

    /**
     * Closes {@code connection} for good instead of giving it back to the pool: for a connection whose session state
     * could not be put back. Without a HikariCP pool, closing it is all there is to do.
     */
    public void evict(Connection connection) {
        if (dataSource instanceof HikariDataSource pool) {
            pool.evictConnection(connection);
        }
    }

    /** Runs {@code sql} and returns the first column of the first row as text. */
    public String queryString(String sql) {
        try (Connection c = connection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new DbxException(storeId + ": " + sql + " returned no row");
            }
            return rs.getString(1);
        } catch (SQLException e) {
            throw SqlErrors.of(storeId, "query '" + sql + "'", e);
        }
    }

    /** Runs statements in order on one connection. */
    public void execute(String doing, List<String> statements) {
        if (statements.isEmpty()) {
            return;
        }
        try (Connection c = connection();
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw SqlErrors.of(storeId, doing, e);
        }
    }

    /** Runs {@code work} in one transaction on one connection: committed when it returns, rolled back if it throws. */
    public void inTransaction(String doing, Work work) {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.of(storeId, doing, e);
        }
    }

    /** Work on one connection. */
    @FunctionalInterface
    public interface Work {
        void run(Connection connection) throws SQLException;
    }
}
