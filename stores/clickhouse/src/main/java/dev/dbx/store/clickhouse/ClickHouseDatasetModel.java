package dev.dbx.store.clickhouse;

import dev.dbx.core.DbxException;
import dev.dbx.core.Identifiers;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.dataset.Canonical;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowSink;
import dev.dbx.core.dataset.RowStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The datasets as ReplacingMergeTree tables of row versions sorted by each entity's key: TPC-H (schema/tpch.sql,
 * changed by {@link ClickHouseSink}) and the YCSB usertable (schema/ycsb.sql, {@link UserTable}). Loads through
 * streamed {@code INSERT ... FORMAT TabSeparated} requests of {@value #ROWS_PER_INSERT} rows each, written while the
 * rows are generated. Counts, scans and key lookups read with FINAL (the newest version of each key, merged at read
 * time) and leave tombstones out, so they are exact at any time, merged or not; the version and deleted columns never
 * reach a canonical row.
 */
final class ClickHouseDatasetModel implements DatasetModel {
    /**
     * Rows per INSERT: each INSERT becomes a part (a few files per column), so large ones keep merges few, yet every
     * request stays short and below the server's insert block (max_insert_block_size, 1,048,576 rows by default), so
     * a request that fails half-way normally stores none of its rows. A failed load is not undone as a whole: the
     * loader drops and reloads.
     */
    static final int ROWS_PER_INSERT = 500_000;

    /** Keys per {@code IN (...)} of {@link #existingKeys}: one request each, far below max_query_size (256 KiB). */
    static final int LOOKUP_BATCH = 1_000;

    /** OPTIMIZE and DROP of a large table take longer than a query should. */
    private static final Duration MAINTENANCE = Duration.ofMinutes(30);

    private final ClickHouseSql sql;
    private final ServerDialect dialect;
    private final UserTable users;
    private final PartMerger merger;
    private final TombstonePurger purger;

    ClickHouseDatasetModel(ClickHouseSql sql, UserTable users) {
        this.sql = sql;
        this.dialect = new ServerDialect(sql);
        this.users = users;
        this.merger = new PartMerger(sql);
        this.purger = new TombstonePurger(sql);
    }

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
    public String loadMethod() {
        return "streamed INSERT ... FORMAT TabSeparated over HTTP, " + ROWS_PER_INSERT
                + " rows per INSERT (a part each), the parts merged by OPTIMIZE TABLE ... FINAL afterwards";
    }

    /**
     * Merges each table into one part, which keeps only the newest version of each key, then removes the TPC-H tables'
     * tombstones: afterwards every row is live and current, which the TPC-H queries (read without FINAL) assume. Run
     * it after a load, and after a sync while no sink writes (see {@link TombstonePurger}).
     */
    @Override
    public void index(Dataset dataset) {
        // MergeTree's primary index is built with each part: what remains is merging the parts
        for (Entity entity : dataset.entities()) {
            String table = safe(entity).name();
            merger.merge(table, longer());
            if (!table.equals(UserTable.TABLE)) {
                purger.purge(table, longer());
            }
        }
    }

    @Override
    public long count(Dataset dataset, Entity entity) {
        String table = safe(entity).name();
        if (table.equals(UserTable.TABLE)) {
            return users.count(longer());
        }
        return Long.parseLong(sql.slowValue(
                "counting " + table,
                "SELECT countIf(" + RowVersions.DELETED + " = 0) FROM " + table + " FINAL",
                longer()));
    }

    @Override
    public void scan(Dataset dataset, Entity entity, RowSink sink) {
        String table = safe(entity).name();
        if (table.equals(UserTable.TABLE)) {
            users.scanAll(sink);
            return;
        }
        // the deleted flag is tested here, after FINAL: a WHERE on it may become a PREWHERE, which filters before
        // the versions are merged and would let an older live version stand in for a tombstone
        int width = entity.columns().size();
        sql.stream(
                "scanning " + table,
                "SELECT " + String.join(", ", entity.columnNames()) + ", " + RowVersions.DELETED + " FROM " + table
                        + " FINAL",
                width + 1,
                fields -> {
                    if (!RowVersions.isDeleted(fields[width])) {
                        sink.accept(canonical(entity.columns(), fields, 0, width));
                    }
                });
    }

    /**
     * {@code SELECT <key columns>, <deleted> FROM t FINAL WHERE (<key columns>) IN (...)}, {@value #LOOKUP_BATCH} keys
     * a request, the values as literals (integers as numbers, text as {@code unhex('...')}); tombstones are left out.
     * Every table is sorted by its primary key, so the primary index finds the granules, and the filter is on the
     * sorting key only, which FINAL allows (it keeps or drops every version of a key together).
     */
    @Override
    public Set<List<Object>> existingKeys(Dataset dataset, Entity entity, Collection<List<Object>> keys) {
        Set<List<Object>> found = new HashSet<>();
        Entity e = safe(dataset.entity(entity.name()));
        List<Column> keyColumns = new ArrayList<>();
        for (int i : e.primaryKeyIndexes()) {
            keyColumns.add(e.columns().get(i));
        }
        String names = String.join(", ", e.primaryKey());
        String select = "SELECT " + names + ", " + RowVersions.deleted(e.name()) + " FROM " + e.name()
                + " FINAL WHERE (" + names + ") IN (";
        int width = keyColumns.size() + 1;
        Iterator<List<Object>> it = keys.iterator();
        while (it.hasNext()) {
            StringBuilder statement = new StringBuilder(select);
            for (int n = 0; n < LOOKUP_BATCH && it.hasNext(); n++) {
                if (n > 0) {
                    statement.append(", ");
                }
                tuple(statement, keyColumns, it.next());
            }
            statement.append(')');
            sql.query("looking up keys of " + e.name(), statement.toString(), width, row -> {
                if (!RowVersions.isDeleted(row[keyColumns.size()])) {
                    found.add(List.of(canonical(keyColumns, row, 0, keyColumns.size())));
                }
            });
        }
        return found;
    }

    private static void tuple(StringBuilder out, List<Column> columns, List<Object> key) {
        if (key.size() != columns.size()) {
            throw new DbxException("a key of " + columns.size() + " columns, not " + key.size() + ": " + key);
        }
        out.append('(');
        for (int i = 0; i < key.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            Column column = columns.get(i);
            Object value = Canonical.value(column, key.get(i));
            switch (column.type()) {
                case INTEGER -> out.append(SqlLiteral.integer((Long) value));
                case VARCHAR -> SqlLiteral.append(out, (String) value);
                default ->
                    throw new DbxException("clickhouse: looking up a key of " + column.type() + " column "
                            + column.name() + " is not supported");
            }
        }
        out.append(')');
    }

    private static Object[] canonical(List<Column> columns, String[] fields, int first, int width) {
        Object[] row = new Object[width];
        for (int i = 0; i < width; i++) {
            row[i] = CanonicalText.value(columns.get(i), fields[first + i]);
        }
        return row;
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
}
