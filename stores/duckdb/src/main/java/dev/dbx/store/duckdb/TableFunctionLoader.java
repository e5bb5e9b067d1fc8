package dev.dbx.store.duckdb;

import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.ColumnType;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDataChunkWriter;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBLogicalType;
import org.duckdb.DuckDBTableFunction;
import org.duckdb.DuckDBTableFunctionBindInfo;
import org.duckdb.DuckDBTableFunctionCallInfo;
import org.duckdb.DuckDBTableFunctionInitInfo;
import org.duckdb.DuckDBWritableVector;

/**
 * DuckDB's fastest way in from Java: the rows become a table function that fills DuckDB's column vectors a chunk at a
 * time (fixed-width values are written straight into the vector's memory; strings cross to DuckDB once per column per
 * chunk, already UTF-8), read by one {@code INSERT INTO t SELECT ... FROM fn() [ORDER BY ...]}. Compared with the
 * Appender this loads TPC-H lineitem about three times faster, and a table kept in date order is sorted in the same
 * statement instead of through a temporary table. The rows are read on a thread of their own ({@link RowFeed}) while
 * every DuckDB thread takes chunks from it, so parsing or generating the rows, converting them and DuckDB's own
 * insert and sort work all run at once.
 */
final class TableFunctionLoader {
    /** DuckDB's standard vector size: rows per chunk. */
    private static final int CHUNK = 2048;

    private static final AtomicLong FUNCTIONS = new AtomicLong();

    private TableFunctionLoader() {}

    /** Inserts every row of {@code rows} into {@code entity}'s table, sorted by {@code orderBy} when given. */
    static void load(DuckDBConnection connection, Entity entity, RowStream rows, Optional<String> orderBy)
            throws SQLException {
        // A function per load: its name is unique, so concurrent loads never read each other's rows.
        String function = "dbx_load_" + entity.name() + "_" + FUNCTIONS.incrementAndGet();
        try (RowFeed feed = new RowFeed(rows, CHUNK)) {
            DuckDBFunctions.tableFunction()
                    .withName(function)
                    .withFunction(new Rows(entity, feed))
                    .register(connection);
            String columns = String.join(", ", entity.columnNames());
            String values = entity.columns().stream()
                    .map(TableFunctionLoader::fromFunction)
                    .collect(Collectors.joining(", "));
            try (Statement s = connection.createStatement()) {
                s.execute("INSERT INTO " + entity.name() + " (" + columns + ") SELECT " + values + " FROM " + function
                        + "()" + orderBy.map(o -> " ORDER BY " + o).orElse(""));
            } catch (SQLException e) {
                // a failure of the rows themselves reaches DuckDB first and comes back wrapped: give the original
                if (feed.failure().isPresent()) {
                    throw feed.failure().get();
                }
                throw e;
            }
        }
    }

    /**
     * A decimal that fits 18 digits crosses as its unscaled {@code long} (DuckDB stores it so), made a decimal again
     * by DuckDB: {@code CAST(x AS DECIMAL(18,0)) * 0.01} is exact and overflow-checked. Java's {@code BigDecimal}
     * path in the driver costs about as much as parsing the value.
     */
    private static boolean unscaled(Column column) {
        return column.type() == ColumnType.DECIMAL && column.length() <= 18;
    }

    private static String fromFunction(Column column) {
        if (!unscaled(column) || column.scale() == 0) {
            return column.name();
        }
        String unit = "0." + "0".repeat(column.scale() - 1) + "1";
        return "CAST(CAST(" + column.name() + " AS DECIMAL(18,0)) * " + unit + " AS DECIMAL(" + column.length() + ","
                + column.scale() + ")) AS " + column.name();
    }

    /** The table function: declares the entity's columns, then hands out the feed's batches as chunks. */
    private record Rows(Entity entity, RowFeed feed) implements DuckDBTableFunction<Object, Object, Object> {
        @Override
        public Object bind(DuckDBTableFunctionBindInfo info) throws SQLException {
            for (Column column : entity.columns()) {
                switch (column.type()) {
                    case INTEGER -> info.addResultColumn(column.name(), DuckDBColumnType.BIGINT);
                    case DECIMAL -> {
                        if (unscaled(column)) {
                            info.addResultColumn(column.name(), DuckDBColumnType.BIGINT);
                        } else {
                            info.addResultColumn(
                                    column.name(), DuckDBLogicalType.decimal(column.length(), column.scale()));
                        }
                    }
                    case DATE -> info.addResultColumn(column.name(), DuckDBColumnType.DATE);
                    case VARCHAR -> info.addResultColumn(column.name(), DuckDBColumnType.VARCHAR);
                }
            }
            return null;
        }

        @Override
        public Object init(DuckDBTableFunctionInitInfo info) {
            // every DuckDB thread may take chunks: the feed hands out batches to any caller, in no particular order
            info.setMaxThreads(Runtime.getRuntime().availableProcessors());
            return null;
        }

        @Override
        public long apply(DuckDBTableFunctionCallInfo info, DuckDBDataChunkWriter out) {
            Object[][] batch = feed.next();
            int n = batch.length;
            List<Column> columns = entity.columns();
            int width = columns.size();
            DuckDBWritableVector[] vectors = new DuckDBWritableVector[width];
            byte[][][] strings = new byte[width][][];
            boolean[] unscaled = new boolean[width];
            for (int c = 0; c < width; c++) {
                vectors[c] = out.vector(c);
                if (columns.get(c).type() == ColumnType.VARCHAR) {
                    strings[c] = new byte[n][];
                }
                unscaled[c] = unscaled(columns.get(c));
            }
            // row by row: a row's values were made together and sit together in memory
            for (int r = 0; r < n; r++) {
                Object[] row = batch[r];
                for (int c = 0; c < width; c++) {
                    if (strings[c] != null) {
                        strings[c][r] = row[c] == null ? null : ((String) row[c]).getBytes(StandardCharsets.UTF_8);
                    } else {
                        set(vectors[c], r, columns.get(c), unscaled[c], row[c]);
                    }
                }
            }
            for (int c = 0; c < width; c++) {
                if (strings[c] != null) {
                    // one crossing into DuckDB per column; the JDK encodes faster than the driver's char loop
                    vectors[c].setStringUtf8Batch(0, strings[c]);
                }
            }
            return n;
        }

        private static void set(DuckDBWritableVector vector, int r, Column column, boolean unscaled, Object v) {
            if (v == null) {
                vector.setNull(r);
                return;
            }
            switch (column.type()) {
                case INTEGER -> vector.setLong(r, (Long) v);
                case DECIMAL -> {
                    if (unscaled) {
                        vector.setLong(r, unscaledValue((BigDecimal) v, column.scale()));
                    } else {
                        vector.setBigDecimal(r, (BigDecimal) v);
                    }
                }
                case DATE -> vector.setDate(r, (LocalDate) v);
                case VARCHAR -> throw new IllegalStateException("text goes in batches");
            }
        }

        /** The value's digits at the column's scale; a value with more decimals than the column fails. */
        private static long unscaledValue(BigDecimal value, int scale) {
            return (value.scale() == scale ? value : value.setScale(scale))
                    .unscaledValue()
                    .longValueExact();
        }
    }
}
