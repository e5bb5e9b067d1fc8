package dev.dbx.store.clickhouse;

import dev.dbx.core.DbxException;
import dev.dbx.core.Identifiers;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.ForwardingKeyValue;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowSink;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.core.store.Store;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * ClickHouse through its HTTP interface: MergeTree tables sorted for the TPC-H queries (schema/tpch.sql), the YCSB
 * usertable as a ReplacingMergeTree of row versions (schema/ycsb.sql, {@link UserTable}). Loads through streamed
 * {@code INSERT ... FORMAT TabSeparated} requests of {@value #ROWS_PER_INSERT} rows each, written while the rows are
 * generated; scans stream TabSeparated results back. Tables live in the URI's database.
 */
final class ClickHouseStore implements Store, DatasetModel, ForwardingKeyValue {
    /**
     * Rows per INSERT: each INSERT becomes a part (a few files per column), so large ones keep merges few, yet every
     * request stays short and below the server's insert block (max_insert_block_size, 1,048,576 rows by default), so
     * a request that fails half-way normally stores none of its rows. A failed load is not undone as a whole: the
     * loader drops and reloads.
     */
    static final int ROWS_PER_INSERT = 500_000;

    /** OPTIMIZE and DROP of a large table take longer than a query should. */
    private static final Duration MAINTENANCE = Duration.ofMinutes(30);

    private final URI uri;
    private final ClickHouseSql sql;
    private final ServerDialect dialect;
    private final UserTable users;
    private final PartMerger merger;

    ClickHouseStore(URI uri, ClickHouseSql sql) {
        this.uri = uri;
        this.sql = sql;
        this.dialect = new ServerDialect(sql);
        this.users = new UserTable(sql);
        this.merger = new PartMerger(sql);
    }

    @Override
    public String id() {
        return "clickhouse";
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public ServerIdentity identity() {
        return new ServerIdentity("ClickHouse", sql.value("asking for its version", "SELECT version()"));
    }

    // ---- DatasetModel ----------------------------------------------------------------------------------------

    @Override
    public boolean isLoaded(Dataset dataset) {
        Set<String> tables = tables();
        for (Entity entity : dataset.entities()) {
            String table = safe(entity).name();
            if (tables.contains(table)
                    && !sql.rows("checking " + table + " for rows", "SELECT 1 FROM " + table + " LIMIT 1", 1)
                            .isEmpty()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void create(Dataset dataset) {
        List<String> statements = SchemaScript.load(dataset.name() + ".sql");
        if (statements.isEmpty()) {
            throw new DbxException("the clickhouse store has no schema for dataset " + dataset.name());
        }
        for (String statement : statements) {
            sql.execute("creating the " + dataset.name() + " schema", dialect.adapt(statement), sql.timeout());
        }
    }

    @Override
    public void drop(Dataset dataset) {
        List<Entity> entities = dataset.entities();
        for (int i = entities.size() - 1; i >= 0; i--) {
            String table = safe(entities.get(i)).name();
            sql.execute("dropping " + table, "DROP TABLE IF EXISTS " + table, longer());
        }
    }

    @Override
    public void load(DatasetSource source) {
        for (Entity entity : source.entities()) {
            String table = safe(entity).name();
            try (RowStream rows = source.rows(entity)) {
                while (rows.hasNext()) {
                    sql.insert("loading " + table, table, entity.columnNames(), out -> {
                        for (int n = 0; n < ROWS_PER_INSERT && rows.hasNext(); n++) {
                            out.row(rows.next());
                        }
                    });
                }
            }
        }
    }

    @Override
    public void index(Dataset dataset) {
        // MergeTree's primary index is built with each part: what remains is merging the loaded parts
        for (Entity entity : dataset.entities()) {
            merger.merge(safe(entity).name(), longer());
        }
    }

    @Override
    public long count(Dataset dataset, Entity entity) {
        String table = safe(entity).name();
        if (table.equals(UserTable.TABLE)) {
            return users.count(longer());
        }
        return Long.parseLong(sql.value("counting " + table, "SELECT count() FROM " + table));
    }

    @Override
    public void scan(Dataset dataset, Entity entity, RowSink sink) {
        String table = safe(entity).name();
        if (table.equals(UserTable.TABLE)) {
            users.scanAll(sink);
            return;
        }
        int width = entity.columns().size();
        sql.stream(
                "scanning " + table,
                "SELECT " + String.join(", ", entity.columnNames()) + " FROM " + table,
                width,
                fields -> {
                    Object[] row = new Object[width];
                    for (int i = 0; i < width; i++) {
                        row[i] = CanonicalText.value(entity.columns().get(i), fields[i]);
                    }
                    sink.accept(row);
                });
    }

    /** Names of the tables in the URI's database. */
    private Set<String> tables() {
        Set<String> names = new HashSet<>();
        sql.query(
                "listing tables",
                "SELECT name FROM system.tables WHERE database = currentDatabase()",
                1,
                row -> names.add(row[0]));
        return names;
    }

    private Duration longer() {
        return sql.timeout().compareTo(MAINTENANCE) > 0 ? sql.timeout() : MAINTENANCE;
    }

    /** Defence in depth: entity and column names reach SQL text, so they must be plain identifiers. */
    private static Entity safe(Entity entity) {
        Identifiers.require("table name", entity.name());
        entity.columnNames().forEach(n -> Identifiers.require("column name", n));
        return entity;
    }

    // ---- KeyValue (YCSB usertable) ---------------------------------------------------------------------------

    @Override
    public KeyValue keyValue() {
        return users;
    }

    /** The statement runner, for tests that look at the server's side. */
    ClickHouseSql sql() {
        return sql;
    }

    @Override
    public void close() {
        sql.close();
    }
}
