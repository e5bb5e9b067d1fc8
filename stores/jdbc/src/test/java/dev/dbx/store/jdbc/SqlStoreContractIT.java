package dev.dbx.store.jdbc;

import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.store.testkit.StoreContractIT;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The store contract for the SQL stores, with what their tests share: a connection through the engine's own JDBC
 * driver (straight to the server or file under test, never through dbx's store), and the two tampering hooks whose
 * SQL every engine runs alike. How a row gets in twice past a key differs per engine, so each store writes that one.
 * Shared with PostgreSQL, SQLite and DuckDB as this module's test-jar.
 */
public abstract class SqlStoreContractIT extends StoreContractIT {
    /** A connection with the engine's own driver to what {@link #uri()} names. */
    protected abstract Connection connect() throws SQLException;

    @Override
    protected Entity changeOneValue() throws SQLException {
        execute("UPDATE supplier SET s_name = 'Supplier#changed' WHERE s_suppkey = 1");
        return TpchSchema.SUPPLIER;
    }

    @Override
    protected Entity deleteOneRow() throws SQLException {
        execute("DELETE FROM lineitem WHERE l_orderkey = 1 AND l_linenumber = 1");
        return TpchSchema.LINEITEM;
    }

    /** Runs {@code statements} in order on one connection of the engine's own driver. */
    protected void execute(String... statements) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** The first column of the first row of {@code sql}, a number. */
    protected long count(String sql) throws SQLException {
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
