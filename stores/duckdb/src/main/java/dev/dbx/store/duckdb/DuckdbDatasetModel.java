package dev.dbx.store.duckdb;

import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.store.jdbc.SqlConnections;
import dev.dbx.store.jdbc.SqlDatasetModel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;

/**
 * DuckDB's model: columnar tables typed for analytics (DECIMAL money, DATE dates), no keys on TPC-H, an ART-indexed
 * primary key on the YCSB usertable, loaded through a Java table function one table per transaction, lineitem and
 * orders sorted by date for the zone maps. The schema lives in {@code schema/} next to this class.
 *
 * <p>Keyed lookups: the TPC-H tables have no index to answer them (see the schema), so a batch of keys is one hash semi
 * join of the table's key columns against the keys (a columnar scan of those columns, pruned by the zone maps where
 * the table is in key order), not a lookup per key.
 */
final class DuckdbDatasetModel extends SqlDatasetModel {
    /** Why the last load wrote numbers and dates through the driver's setters, or null when it copied them directly. */
    private volatile String setters = VectorMemory.unavailable().orElse(null);

    DuckdbDatasetModel(SqlConnections sql) {
        super(sql);
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
        sql.inTransaction(
                "loading " + entity.name(),
                c -> setters = TableFunctionLoader.load(c.unwrap(DuckDBConnection.class), entity, rows, order)
                        .orElse(null));
    }

    @Override
    public String loadMethod() {
        String why = setters;
        String numbers = why == null
                ? "direct vector copies"
                : "the driver's per-value setters (direct copy unavailable: " + why + ")";
        return "a Java table function filling DuckDB's vectors (numbers and dates by " + numbers
                + ", text as UTF-8 batches), one INSERT ... SELECT per table in its own transaction";
    }

    /**
     * Nothing to index (see the schema files); folds the load into the database file with a CHECKPOINT, which writes
     * what is still in the WAL as compressed row groups. Best effort: DuckDB refuses while other transactions run, and
     * checkpoints by itself when the WAL grows or the database closes.
     */
    @Override
    public void index(Dataset dataset) {
        super.index(dataset);
        try (Connection c = sql.connection();
                Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        } catch (SQLException ignored) {
            // DuckDB checkpoints on its own later
        }
    }

    /** A hash semi join against the keys as a VALUES list: one pass over the key columns per batch. */
    @Override
    public String keyLookupSql(Entity table, int keys) {
        List<String> key = safe(table).primaryKey();
        String one = key.stream().map(k -> "?").collect(Collectors.joining(", ", "(", ")"));
        String on = key.stream().map(k -> "t." + k + " = k." + k).collect(Collectors.joining(" AND "));
        return "SELECT " + key.stream().map(k -> "t." + k).collect(Collectors.joining(", ")) + " FROM " + table.name()
                + " AS t SEMI JOIN (VALUES " + String.join(", ", Collections.nCopies(keys, one)) + ") AS k ("
                + String.join(", ", key) + ") ON " + on;
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
}
