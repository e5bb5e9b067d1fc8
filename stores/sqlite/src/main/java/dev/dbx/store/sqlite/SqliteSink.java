package dev.dbx.store.sqlite;

import dev.dbx.store.jdbc.SqlConnections;
import dev.dbx.store.jdbc.SqlDatasetModel;
import dev.dbx.store.jdbc.SqlSink;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite's sink: upserts by key ({@code INSERT ... ON CONFLICT DO UPDATE}, which fires the full-text index's update
 * triggers), one transaction per batch, with foreign keys unchecked while the batch applies. The source checked them
 * already, and the contract lets changes of different keys come in any order (a line item before its order, an offer
 * deleted before the line items that named it), which SQLite's checks, immediate or deferred to the commit, would
 * refuse.
 */
final class SqliteSink extends SqlSink {
    SqliteSink(SqlConnections sql, SqlDatasetModel model) {
        super(sql, model, Writes.UPSERT);
    }

    @Override
    public String method() {
        return super.method() + ", foreign keys unchecked during the batch";
    }

    /** SQLite ignores this pragma inside a transaction: it is set on the connection before the batch's begins. */
    @Override
    protected void beforeTransaction(Connection c) throws SQLException {
        foreignKeys(c, false);
    }

    /** The pooled connection goes back as the store opened it: foreign keys enforced. */
    @Override
    protected void afterTransaction(Connection c) throws SQLException {
        foreignKeys(c, true);
    }

    private static void foreignKeys(Connection c, boolean on) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(on ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF");
        }
    }
}
