package dev.dbx.store.postgres;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.OrderEntry;
import dev.dbx.core.capability.OrderEntryData;
import dev.dbx.core.capability.OrderEntrySession;
import dev.dbx.store.jdbc.SqlConnections;
import dev.dbx.store.jdbc.SqlErrors;
import dev.dbx.store.jdbc.SqlScript;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Order entry on PostgreSQL's TPC-H tables, the SQL in {@code churn/*.sql} beside this class. New order keys come from
 * a sequence ({@code dbx_churn_order_key}) kept above every key in the table, so concurrent runs never collide.
 */
final class PostgresOrderEntry implements OrderEntry {
    /** PostgreSQL's "undefined table". */
    private static final String UNDEFINED_TABLE = "42P01";

    private static final String LOAD_IT = "load it first: dbx load --dataset tpch --stores ";

    private final SqlConnections sql;

    PostgresOrderEntry(SqlConnections sql) {
        this.sql = sql;
    }

    /** The SQL of {@code churn/<name>.sql}, one statement. */
    static String statement(String name) {
        return SqlScript.load(PostgresOrderEntry.class, "churn/" + name + ".sql")
                .getFirst();
    }

    @Override
    public OrderEntryData prepare() {
        try (Connection c = sql.connection();
                Statement s = c.createStatement()) {
            OrderEntryData data;
            try (ResultSet rs = s.executeQuery(statement("data"))) {
                rs.next();
                data = new OrderEntryData(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getInt(5));
            }
            if (data.orders() == 0 || data.customers() == 0 || data.parts() == 0 || data.nations() == 0) {
                throw new DbxException(
                        sql.storeId() + " has TPC-H's tables but they are empty (" + data.orders() + " orders, "
                                + data.customers() + " customers, " + data.parts() + " parts)",
                        LOAD_IT + sql.storeId() + " --replace");
            }
            s.execute(statement("order-key-sequence"));
            s.execute(statement("align-order-keys"));
            return data;
        } catch (SQLException e) {
            if (UNDEFINED_TABLE.equals(e.getSQLState())) {
                throw new DbxException(
                        sql.storeId() + " has no TPC-H tables (" + firstLine(e.getMessage()) + ")",
                        LOAD_IT + sql.storeId());
            }
            throw SqlErrors.of(sql.storeId(), "preparing order entry", e);
        }
    }

    @Override
    public OrderEntrySession openSession() {
        return new PostgresOrderEntrySession(sql.storeId(), sql.connection());
    }

    private static String firstLine(String message) {
        int newline = message == null ? -1 : message.indexOf('\n');
        return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
    }
}
