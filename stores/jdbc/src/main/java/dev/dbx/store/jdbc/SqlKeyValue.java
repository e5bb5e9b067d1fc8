package dev.dbx.store.jdbc;

import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.KeyValueSession;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * YCSB's usertable in a SQL engine, worked through {@link SqlKeyValueSession}s: each takes one connection from the
 * store's pool for its whole life. Engines say what their settings guarantee in {@link #semantics()}.
 */
public abstract class SqlKeyValue implements KeyValue {
    protected final SqlConnections sql;

    protected SqlKeyValue(SqlConnections sql) {
        this.sql = sql;
    }

    @Override
    public KeyValueSession openSession() {
        Connection connection = sql.connection();
        try {
            // each operation is one statement, committed on its own (the pool may hand back any state)
            connection.setAutoCommit(true);
            return newSession(connection);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            if (e instanceof SQLException sqlException) {
                throw SqlErrors.of(sql.storeId(), "opening a key-value session", sqlException);
            }
            throw (RuntimeException) e;
        }
    }

    /** The session over {@code connection} (autocommit on), which it closes when it is closed. */
    protected KeyValueSession newSession(Connection connection) throws SQLException {
        return new SqlKeyValueSession(sql.storeId(), connection);
    }
}
