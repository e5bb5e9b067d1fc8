package dev.dbx.store.duckdb;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * DuckDB's fast path: streams rows into a table through the Appender, which writes values straight into DuckDB's
 * column vectors (no SQL, no parameter binding) and hands them over a chunk at a time, so memory stays bounded
 * whatever the row count. The Appender checks each value's type strictly (a Java long cannot go into an INTEGER
 * column), so every column gets a writer chosen from its type in DuckDB's catalog: the DDL resource file stays the one
 * place that decides the types.
 */
final class TableAppender {
    private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),(\\d+)\\)");

    private TableAppender() {}

    /** A value's way into the Appender, for one column type. */
    @FunctionalInterface
    private interface Writer {
        void write(DuckDBAppender appender, Object value) throws SQLException;
    }

    /** A table by its full name: DuckDB catalog (database), schema, table. */
    record Table(String catalog, String schema, String name) {
        /** {@code name} in the connection's current database and schema. */
        static Table current(DuckDBConnection connection, String name) throws SQLException {
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("SELECT current_database(), current_schema()")) {
                rs.next();
                return new Table(rs.getString(1), rs.getString(2), name);
            }
        }

        /** Temporary table {@code name} (DuckDB keeps those in the catalog "temp"). */
        static Table temporary(String name) {
            return new Table("temp", "main", name);
        }
    }

    /**
     * Appends every row of {@code rows} (rows of {@code entity}) to {@code table}, in the connection's current
     * transaction.
     */
    static long append(DuckDBConnection connection, Table table, Entity entity, RowStream rows) throws SQLException {
        List<Writer> writers = writers(connection, table, entity);
        long count = 0;
        try (DuckDBAppender appender = connection.createAppender(table.catalog(), table.schema(), table.name())) {
            while (rows.hasNext()) {
                Object[] row = rows.next();
                appender.beginRow();
                for (int i = 0; i < row.length; i++) {
                    if (row[i] == null) {
                        appender.appendNull();
                    } else {
                        writers.get(i).write(appender, row[i]);
                    }
                }
                appender.endRow();
                count++;
            }
        }
        return count;
    }

    /** One writer per column, in table order, after checking the table has dbx's columns in dbx's order. */
    private static List<Writer> writers(DuckDBConnection connection, Table table, Entity entity) throws SQLException {
        List<String> names = new ArrayList<>();
        List<Writer> writers = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = ? AND schema_name = ?"
                        + " AND table_name = ? ORDER BY column_index")) {
            ps.setString(1, table.catalog());
            ps.setString(2, table.schema());
            ps.setString(3, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                    writers.add(writer(table, rs.getString(1), rs.getString(2)));
                }
            }
        }
        if (names.isEmpty()) {
            throw new DbxException(
                    "DuckDB table " + table.name() + " does not exist",
                    "create the dataset's schema before loading it");
        }
        if (!names.equals(entity.columnNames())) {
            throw new DbxException(
                    "DuckDB table " + table.name() + " has columns " + names + ", not dbx's " + entity.columnNames(),
                    "drop the dataset and create it again (dbx load --replace)");
        }
        return writers;
    }

    private static Writer writer(Table table, String column, String type) {
        Matcher decimal = DECIMAL.matcher(type);
        if (decimal.matches()) {
            int scale = Integer.parseInt(decimal.group(2));
            // canonical decimals already have the column's scale; setScale is then a no-op that guards a changed DDL
            return (a, v) -> a.append(((BigDecimal) v).setScale(scale, RoundingMode.HALF_UP));
        }
        return switch (type) {
            case "BIGINT" -> (a, v) -> a.append(((Number) v).longValue());
            case "INTEGER" -> (a, v) -> a.append(Math.toIntExact(((Number) v).longValue()));
            case "VARCHAR" -> (a, v) -> a.append((String) v);
            case "DATE" -> (a, v) -> a.append((LocalDate) v);
            default ->
                throw new DbxException("DuckDB table " + table.name() + " column " + column + " has type " + type
                        + ", which dbx does not load");
        };
    }
}
