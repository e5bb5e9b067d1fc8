package dev.dbx.store.postgres;

import dev.dbx.core.DbxException;
import dev.dbx.store.jdbc.SqlConnections;
import dev.dbx.store.jdbc.SqlDatasetModel;
import dev.dbx.store.jdbc.SqlSink;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL as a sync target (a second PostgreSQL): upserts by key ({@code INSERT ... ON CONFLICT DO UPDATE}), one
 * transaction per batch, with {@code session_replication_role = replica} while the batch applies, as PostgreSQL's own
 * logical replication applies changes: foreign keys (triggers inside PostgreSQL) are not checked. The source checked
 * them, and the contract lets changes of different keys come in any order, which checks would refuse. Setting it takes
 * a superuser or {@code GRANT SET ON PARAMETER session_replication_role} (PostgreSQL 15+), which the local engine gives
 * the role {@code dbx}.
 */
final class PostgresSink extends SqlSink {
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    PostgresSink(SqlConnections sql, SqlDatasetModel model) {
        super(sql, model, Writes.UPSERT);
    }

    @Override
    public String method() {
        return super.method() + ", session_replication_role = replica (foreign keys unchecked) during the batch";
    }

    @Override
    protected void beforeTransaction(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
        } catch (SQLException e) {
            if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                throw new DbxException(
                        sql.storeId() + ": the user may not set session_replication_role, which applying changes"
                                + " without checking foreign keys needs",
                        "as a superuser: GRANT SET ON PARAMETER session_replication_role TO <the URI's user>"
                                + " (PostgreSQL 15+)",
                        e);
            }
            throw e;
        }
    }

    @Override
    protected void afterTransaction(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("RESET session_replication_role");
        }
    }
}
