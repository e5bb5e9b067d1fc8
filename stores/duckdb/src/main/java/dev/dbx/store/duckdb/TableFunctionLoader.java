package dev.dbx.store.duckdb;

import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.ColumnBatch;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
import org.duckdb.DuckDBValue;
import org.duckdb.DuckDBWritableVector;

/**
 * DuckDB's fastest way in from Java: the rows become a table function that fills DuckDB's column vectors a chunk at a
 * time (numbers and dates copied into the vector's memory a column at a time by {@link VectorMemory}; strings cross
 * to DuckDB once per column per chunk, already UTF-8), read by one {@code INSERT INTO t SELECT ... FROM fn() [ORDER BY
 * ...]}. Compared with the Appender this loads TPC-H lineitem about three times faster, and a table kept in date order
 * is sorted in the same statement instead of through a temporary table. The rows are turned into column batches on a
 * thread of their own ({@link RowFeed}; a parsed file fills them without an object per value) while every DuckDB
 * thread takes batches from it, so parsing or generating the rows and DuckDB's own insert and sort work run at once.
 *
 * <p>One function, {@value #FUNCTION}, registered once per database instance (when a store opens it): its argument
 * names a load under way, which it finds in {@link #LOADS}. A function registered through duckdb_jdbc 2.0.0.1 cannot be
 * taken back: the driver has no call to unregister one, and DuckDB refuses {@code DROP FUNCTION} on it ("Cannot drop
 * internal catalog entry": it lives in the system catalog). A function per load would therefore keep every load's
 * rows reachable for the life of the database; this one keeps a load only while it runs.
 */
final class TableFunctionLoader {
    /** The table function's name; its one BIGINT argument is the id of a load under way. */
    static final String FUNCTION = "dbx_load";

    /** DuckDB's standard vector size: rows per chunk. */
    private static final int CHUNK = 2048;

    private static final AtomicLong IDS = new AtomicLong();
    /** The loads under way, by id: the one function serves every store and database in this process. */
    private static final Map<Long, Load> LOADS = new ConcurrentHashMap<>();

    private TableFunctionLoader() {}

    /**
     * Registers {@value #FUNCTION} in the database instance of {@code connection} (the system catalog: every
     * connection to it sees the function). Registering again, as a second store on the same file does, replaces it
     * with the same function.
     */
    static void register(DuckDBConnection connection) throws SQLException {
        DuckDBFunctions.tableFunction()
                .withName(FUNCTION)
                .withParameter(DuckDBColumnType.BIGINT)
                .withFunction(new Rows())
                .register(connection);
    }

    /**
     * Inserts every row of {@code rows} into {@code entity}'s table, sorted by {@code orderBy} when given. Returns why
     * numbers and dates went through the driver's per-value setters instead of direct vector copies, if they did.
     */
    static Optional<String> load(DuckDBConnection connection, Entity entity, RowStream rows, Optional<String> orderBy)
            throws SQLException {
        long id = IDS.incrementAndGet();
        try (RowFeed feed = new RowFeed(rows, entity.columns(), CHUNK)) {
            Load load = new Load(entity, feed);
            LOADS.put(id, load);
            String columns = String.join(", ", entity.columnNames());
            String values = entity.columns().stream()
                    .map(TableFunctionLoader::fromFunction)
                    .collect(Collectors.joining(", "));
            try (Statement s = connection.createStatement()) {
                s.execute("INSERT INTO " + entity.name() + " (" + columns + ") SELECT " + values + " FROM " + FUNCTION
                        + "(" + id + ")" + orderBy.map(o -> " ORDER BY " + o).orElse(""));
            } catch (SQLException e) {
                // a failure of the rows themselves reaches DuckDB first and comes back wrapped: give the original
                if (feed.failure().isPresent()) {
                    throw feed.failure().get();
                }
                throw e;
            } finally {
                LOADS.remove(id);
            }
            return Optional.ofNullable(load.setters);
        }
    }

    private static String fromFunction(Column column) {
        // an unscaled decimal crosses as its digits (a long) and DuckDB puts the point back: exact, overflow-checked
        if (!ColumnBatch.unscaled(column) || column.scale() == 0) {
            return column.name();
        }
        String unit = "0." + "0".repeat(column.scale() - 1) + "1";
        return "CAST(CAST(" + column.name() + " AS DECIMAL(18,0)) * " + unit + " AS DECIMAL(" + column.length() + ","
                + column.scale() + ")) AS " + column.name();
    }

    /** One load under way: the entity it fills, its rows, and whether the setters had to be used. */
    private static final class Load {
        final Entity entity;
        final RowFeed feed;
        /** Why the per-value setters wrote numbers or dates, once they did (DuckDB calls from several threads). */
        volatile String setters;

        Load(Entity entity, RowFeed feed) {
            this.entity = entity;
            this.feed = feed;
        }
    }

    /** The table function: binds to the load its argument names, declares its columns, hands out its batches. */
    private static final class Rows implements DuckDBTableFunction<Load, Object, Object> {
        @Override
        public Load bind(DuckDBTableFunctionBindInfo info) throws SQLException {
            long id;
            try (DuckDBValue argument = info.getParameter(0)) {
                id = argument.getLong();
            }
            Load load = LOADS.get(id);
            if (load == null) {
                throw new SQLException(FUNCTION + "(" + id + ") names no load under way");
            }
            for (Column column : load.entity.columns()) {
                switch (column.type()) {
                    case INTEGER -> info.addResultColumn(column.name(), DuckDBColumnType.BIGINT);
                    case DECIMAL -> {
                        if (ColumnBatch.unscaled(column)) {
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
            return load;
        }

        @Override
        public Object init(DuckDBTableFunctionInitInfo info) {
            // every DuckDB thread may take chunks: the feed hands out batches to any caller, in no particular order
            info.setMaxThreads(Runtime.getRuntime().availableProcessors());
            return null;
        }

        @Override
        public long apply(DuckDBTableFunctionCallInfo info, DuckDBDataChunkWriter out) {
            Load load = info.getBindData();
            ColumnBatch batch = load.feed.next();
            int n = batch.size();
            if (n == 0) {
                return 0; // the end
            }
            List<Column> columns = load.entity.columns();
            String setters = null;
            for (int c = 0; c < columns.size(); c++) {
                DuckDBWritableVector vector = out.vector(c);
                boolean[] nulls = batch.nulls(c);
                String why = null;
                switch (columns.get(c).type()) {
                    case INTEGER -> why = VectorMemory.putLongs(vector, batch.longs(c), nulls, n);
                    case DATE -> why = VectorMemory.putDays(vector, batch.longs(c), nulls, n);
                    case VARCHAR -> {
                        byte[][] texts = batch.texts(c);
                        if (nulls != null) {
                            for (int r = 0; r < n; r++) {
                                if (nulls[r]) {
                                    texts[r] = null;
                                }
                            }
                        }
                        // one crossing into DuckDB per column and chunk, the values already UTF-8
                        vector.setStringUtf8Batch(0, n == texts.length ? texts : Arrays.copyOf(texts, n));
                    }
                    case DECIMAL -> {
                        if (ColumnBatch.unscaled(columns.get(c))) {
                            why = VectorMemory.putLongs(vector, batch.longs(c), nulls, n);
                        } else {
                            BigDecimal[] decimals = batch.decimals(c);
                            for (int r = 0; r < n; r++) {
                                vector.setBigDecimal(r, nulls != null && nulls[r] ? null : decimals[r]);
                            }
                        }
                    }
                }
                if (why != null) {
                    setters = why;
                }
            }
            if (setters != null && load.setters == null) {
                load.setters = setters;
            }
            load.feed.recycle(batch);
            return n;
        }
    }
}
