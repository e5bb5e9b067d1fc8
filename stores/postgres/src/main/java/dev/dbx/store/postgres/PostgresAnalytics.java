package dev.dbx.store.postgres;

import dev.dbx.core.query.CacheDrop;
import dev.dbx.core.query.ResultTable;
import dev.dbx.store.jdbc.SqlAnalytics;
import dev.dbx.store.jdbc.SqlConnections;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * TPC-H in PostgreSQL's dialect ({@code tpch/qNN.sql} next to this class), cancelled by the server itself: each query
 * runs in a transaction of its own with {@code SET LOCAL statement_timeout}, so the server stops it at the deadline
 * even if dbx has gone, and the setting ends with the transaction (a pooled connection keeps no trace of it).
 */
final class PostgresAnalytics extends SqlAnalytics {
    /** PostgreSQL's SQLSTATE for a cancelled statement (a statement timeout among others). */
    private static final String QUERY_CANCELED = "57014";

    PostgresAnalytics(SqlConnections sql) {
        super(sql, Set.of("tpch"));
    }

    @Override
    protected ResultTable execute(Connection c, String text, Duration timeout) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL statement_timeout = " + Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
            ResultTable answer;
            try (ResultSet rs = s.executeQuery(text)) {
                answer = read(rs);
            }
            c.commit();
            return answer;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    @Override
    protected boolean isTimeout(SQLException e) {
        return QUERY_CANCELED.equals(e.getSQLState())
                && e.getMessage() != null
                && e.getMessage().contains("statement timeout");
    }

    /**
     * New server sessions for every pooled connection (each new backend starts with empty plan, catalog and relation
     * caches: more than {@code DISCARD ALL}, which resets the one session it runs in). The shared buffers stay: only a
     * restart of the server empties them (PostgreSQL 17's {@code pg_buffercache_evict()} needs a superuser and the
     * pg_buffercache extension; dbx's role has neither).
     */
    @Override
    public CacheDrop dropCaches() {
        List<String> dropped = new ArrayList<>();
        if (sql.renewConnections()) {
            dropped.add("every pooled connection's server session (new backends start with empty plan, catalog and"
                    + " relation caches)");
        } else {
            sql.execute("discarding the session's state", List.of("DISCARD ALL"));
            dropped.add("one session's plans, prepared statements and temporary tables (DISCARD ALL)");
        }
        String sharedBuffers = sql.queryString("SHOW shared_buffers");
        return new CacheDrop(
                dropped,
                List.of("PostgreSQL's shared buffers (shared_buffers = " + sharedBuffers
                        + "): only a restart of the server empties them"));
    }
}
