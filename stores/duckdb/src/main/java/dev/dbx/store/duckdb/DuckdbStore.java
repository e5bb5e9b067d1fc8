package dev.dbx.store.duckdb;

import dev.dbx.core.capability.NativeBulkLoad;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.store.jdbc.JdbcStore;
import dev.dbx.store.jdbc.SqlErrors;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.duckdb.DuckDBConnection;

/**
 * DuckDB: columnar tables typed for analytics (DECIMAL money, DATE dates), no keys on TPC-H, an ART-indexed primary key
 * on the YCSB usertable, loaded through a Java table function one table per transaction, lineitem and orders sorted by date for
 * the zone maps. The schema lives in {@code schema/} next to this class. Full-text search is not offered: DuckDB's
 * {@code fts} extension has to be downloaded, which dbx does not do (see {@link DuckdbDatabase} for the
 * configuration).
 */
final class DuckdbStore extends JdbcStore implements NativeBulkLoad {
    private final DuckdbDatabase database;
    private final ConflictRetry conflicts;

    DuckdbStore(URI uri, DuckdbDatabase database, Duration timeout) {
        super("duckdb", uri, database.dataSource());
        this.database = database;
        this.conflicts = new ConflictRetry(timeout);
    }

    @Override
    public ServerIdentity identity() {
        return new ServerIdentity("DuckDB", queryString("SELECT version()"));
    }

    @Override
    public String nativeLoader() {
        return "DuckDB COPY / read_csv (" + queryString("SELECT version()") + ")";
    }

    /**
     * DuckDB's own CSV reader (parallel) into the table. A table the model keeps sorted (see {@link LoadOrder}) is
     * read with {@code read_csv} and sorted in the same INSERT, as dbx's load does, so both end with the same table;
     * any other is a plain COPY.
     */
    @Override
    public void loadNative(Dataset dataset, Entity entity, java.nio.file.Path file) {
        Entity table = safe(entity);
        String path = "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
        Optional<String> orderBy = LoadOrder.of(dataset.name()).orderBy(table.name());
        String sql = orderBy.isEmpty()
                ? "COPY " + table.name() + " FROM " + path + " (DELIMITER '|', HEADER false, QUOTE '', ESCAPE '')"
                : "INSERT INTO " + table.name() + " SELECT * FROM read_csv(" + path
                        + ", delim = '|', header = false, quote = '', escape = '', columns = " + csvColumns(table)
                        + ") ORDER BY " + orderBy.get();
        execute("loading " + table.name() + " with DuckDB's CSV reader", java.util.List.of(sql));
    }

    /** read_csv's {@code columns} struct: every column with its type in the table, in order. */
    private static String csvColumns(Entity entity) {
        return entity.columns().stream()
                .map(c -> "'" + c.name() + "': '"
                        + switch (c.type()) {
                            case INTEGER -> "BIGINT";
                            case DECIMAL -> "DECIMAL(" + c.length() + "," + c.scale() + ")";
                            case DATE -> "DATE";
                            case VARCHAR -> "VARCHAR";
                        }
                        + "'")
                .collect(java.util.stream.Collectors.joining(", ", "{", "}"));
    }

    @Override
    public void load(DatasetSource source) {
        LoadOrder order = LoadOrder.of(source.dataset().name());
        for (Entity entity : source.entities()) {
            try (RowStream rows = source.rows(entity)) {
                load(safe(entity), rows, order.orderBy(entity.name()));
            }
        }
    }

    @Override
    protected void bulkLoad(Entity entity, RowStream rows) {
        load(entity, rows, Optional.empty());
    }

    /**
     * One transaction per table, so a failed load leaves the table as it was; DuckDB writes full row groups straight
     * to the database file as they fill (no giant undo log in memory). A table with a load order is sorted in the same
     * INSERT (see {@link TableFunctionLoader}).
     */
    private void load(Entity entity, RowStream rows, Optional<String> orderBy) {
        // Without an order of its own a table is written in key order, the order rows are generated in and their
        // files hold (COPY keeps it). Rows reach the table function from several threads in no set order, and DuckDB
        // runs an unsorted INSERT from it on one thread to keep that order; sorting makes both certain and parallel.
        Optional<String> order = orderBy.or(() ->
                entity.primaryKey().isEmpty() ? Optional.empty() : Optional.of(String.join(", ", entity.primaryKey())));
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try {
                TableFunctionLoader.load(c.unwrap(DuckDBConnection.class), entity, rows, order);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.of(id, "loading " + entity.name(), e);
        }
    }

    /**
     * Nothing to index (see the schema files); folds the load into the database file with a CHECKPOINT, which writes
     * what is still in the WAL as compressed row groups. Best effort: DuckDB refuses while other transactions run, and
     * checkpoints by itself when the WAL grows or the database closes.
     */
    @Override
    public void index(Dataset dataset) {
        super.index(dataset);
        try (Connection c = connection();
                Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        } catch (SQLException ignored) {
            // DuckDB checkpoints on its own later
        }
    }

    // ---- KeyValue: writes retried when they lose a write-write conflict (see ConflictRetry) ----

    @Override
    public void insert(String key, Map<String, String> fields) {
        conflicts.run(() -> {
            super.insert(key, fields);
            return null;
        });
    }

    @Override
    public boolean update(String key, Map<String, String> fields) {
        return conflicts.run(() -> super.update(key, fields));
    }

    @Override
    public boolean delete(String key) {
        return conflicts.run(() -> super.delete(key));
    }

    @Override
    protected boolean tableExists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM duckdb_tables() WHERE database_name ="
                + " current_database() AND schema_name = current_schema() AND table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
