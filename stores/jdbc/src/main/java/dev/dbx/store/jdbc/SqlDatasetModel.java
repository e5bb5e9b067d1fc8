package dev.dbx.store.jdbc;

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
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A SQL engine's model of a dataset: the engine's own DDL read from resource files next to the concrete class
 * ({@code schema/<dataset>.sql} for tables, {@code schema/<dataset>-indexes.sql} for what is cheaper to build after a
 * bulk load, {@code schema/<dataset>-drop.sql} for what must go before the tables), streaming scans, keyed lookups,
 * and a batched-insert load that each engine replaces with its fast path ({@link #bulkLoad}). Every identifier comes
 * from dbx's schemas; every value is a bound parameter.
 */
public abstract class SqlDatasetModel implements DatasetModel {
    private static final int BATCH = 1_000;
    private static final int FETCH = 5_000;
    /** Keys looked up per statement by {@link #lookUpInBatches}. */
    protected static final int KEYS_PER_LOOKUP = 1_000;

    protected final SqlConnections sql;
    protected final String id;

    protected SqlDatasetModel(SqlConnections sql) {
        this.sql = sql;
        this.id = sql.storeId();
    }

    @Override
    public boolean isLoaded(Dataset dataset) {
        try (Connection c = sql.connection()) {
            for (Entity entity : dataset.entities()) {
                if (tableExists(c, entity.name()) && hasRows(c, entity.name())) {
                    return true;
                }
            }
            return false;
        } catch (SQLException e) {
            throw SqlErrors.of(id, "checking for the " + dataset.name() + " dataset", e);
        }
    }

    @Override
    public void create(Dataset dataset) {
        List<String> statements = SqlScript.load(getClass(), "schema/" + dataset.name() + ".sql");
        if (statements.isEmpty()) {
            throw new DbxException(id + " has no schema for dataset " + dataset.name());
        }
        sql.execute("creating the " + dataset.name() + " schema", statements);
    }

    @Override
    public void drop(Dataset dataset) {
        List<String> statements = new ArrayList<>(SqlScript.load(getClass(), "schema/" + dataset.name() + "-drop.sql"));
        for (int i = dataset.entities().size() - 1; i >= 0; i--) {
            statements.add(dropTable(safe(dataset.entities().get(i)).name()));
        }
        sql.execute("dropping the " + dataset.name() + " schema", statements);
    }

    /** The statement that drops {@code table} and anything depending on it, if it exists. */
    protected String dropTable(String table) {
        return "DROP TABLE IF EXISTS " + table;
    }

    @Override
    public void load(DatasetSource source) {
        for (Entity entity : source.entities()) {
            try (RowStream rows = source.rows(entity)) {
                bulkLoad(safe(entity), rows);
            }
        }
    }

    @Override
    public void index(Dataset dataset) {
        sql.execute(
                "indexing the " + dataset.name() + " dataset",
                SqlScript.load(getClass(), "schema/" + dataset.name() + "-indexes.sql"));
    }

    /**
     * Loads one entity's rows. This default is batched prepared INSERTs in one transaction; engines replace it with
     * their fast path (COPY, a table function) and say so in {@link #loadMethod()}.
     */
    protected void bulkLoad(Entity entity, RowStream rows) {
        sql.inTransaction("loading " + entity.name(), c -> {
            try (PreparedStatement ps = c.prepareStatement(insertSql(entity))) {
                int pending = 0;
                while (rows.hasNext()) {
                    bindRow(ps, entity, rows.next());
                    ps.addBatch();
                    if (++pending == BATCH) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
        });
    }

    @Override
    public String loadMethod() {
        return "batched prepared INSERTs (" + BATCH + " rows a batch), one transaction per table";
    }

    /** {@code INSERT INTO t (c1, c2, ...) VALUES (?, ?, ...)} for every column of {@code entity}. */
    protected static String insertSql(Entity entity) {
        return "INSERT INTO " + entity.name() + " (" + String.join(", ", entity.columnNames()) + ") VALUES ("
                + entity.columns().stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    /** Binds every value of {@code row} to {@code ps}, in column order from parameter 1. */
    protected void bindRow(PreparedStatement ps, Entity entity, Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            bind(ps, i + 1, entity.columns().get(i), row[i]);
        }
    }

    /** Binds a canonical value; engines whose driver wants other types override this. */
    protected void bind(PreparedStatement ps, int index, Column column, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, sqlType(column));
            return;
        }
        switch (column.type()) {
            case INTEGER -> ps.setLong(index, (Long) value);
            case DECIMAL -> ps.setBigDecimal(index, (BigDecimal) value);
            case VARCHAR -> ps.setString(index, (String) value);
            case DATE -> ps.setDate(index, Date.valueOf((LocalDate) value));
        }
    }

    private static int sqlType(Column column) {
        return switch (column.type()) {
            case INTEGER -> Types.BIGINT;
            case DECIMAL -> Types.DECIMAL;
            case VARCHAR -> Types.VARCHAR;
            case DATE -> Types.DATE;
        };
    }

    @Override
    public long count(Dataset dataset, Entity entity) {
        return Long.parseLong(
                sql.queryString("SELECT count(*) FROM " + safe(entity).name()));
    }

    @Override
    public void scan(Dataset dataset, Entity entity, RowSink sink) {
        String query = "SELECT " + String.join(", ", entity.columnNames()) + " FROM "
                + safe(entity).name();
        try (Connection c = sql.connection()) {
            c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            try (Statement s = c.createStatement()) {
                s.setFetchSize(FETCH);
                try (ResultSet rs = s.executeQuery(query)) {
                    int n = entity.columns().size();
                    while (rs.next()) {
                        Object[] row = new Object[n];
                        for (int i = 0; i < n; i++) {
                            Column column = entity.columns().get(i);
                            row[i] = Canonical.value(column, read(rs, i + 1, column));
                        }
                        sink.accept(row);
                    }
                }
            } finally {
                c.commit();
            }
        } catch (SQLException e) {
            throw SqlErrors.of(id, "scanning " + entity.name(), e);
        }
    }

    /** Reads one value as the driver gives it, in its exact form; {@link Canonical} makes it canonical. */
    protected Object read(ResultSet rs, int index, Column column) throws SQLException {
        return switch (column.type()) {
            case INTEGER -> {
                long v = rs.getLong(index);
                yield rs.wasNull() ? null : v;
            }
            case DECIMAL -> rs.getBigDecimal(index);
            case VARCHAR -> rs.getString(index);
            case DATE -> rs.getObject(index, LocalDate.class);
        };
    }

    // ---- keyed lookups -----------------------------------------------------------------------------------------

    @Override
    public Set<List<Object>> existingKeys(Dataset dataset, Entity entity, Collection<List<Object>> keys) {
        Entity table = safe(entity);
        if (table.primaryKey().isEmpty()) {
            throw new DbxException(id + ": " + table.name() + " has no primary key to look rows up by");
        }
        List<Column> keyColumns = table.primaryKey().stream().map(table::column).toList();
        List<List<Object>> wanted = new ArrayList<>(keys.size());
        for (List<Object> key : keys) {
            wanted.add(canonicalKey(table, keyColumns, key));
        }
        Set<List<Object>> found = new HashSet<>();
        if (wanted.isEmpty()) {
            return found;
        }
        try (Connection c = sql.connection()) {
            lookUp(c, table, keyColumns, wanted, found);
        } catch (SQLException e) {
            throw SqlErrors.of(id, "looking up keys of " + table.name(), e);
        }
        return found;
    }

    /**
     * Adds to {@code found} those of {@code keys} that {@code table} holds. The default is {@link #lookUpInBatches};
     * an engine that answers point lookups more cheaply than a batch uses {@link #lookUpOneByOne}.
     */
    protected void lookUp(
            Connection c, Entity table, List<Column> keyColumns, List<List<Object>> keys, Set<List<Object>> found)
            throws SQLException {
        lookUpInBatches(c, table, keyColumns, keys, found);
    }

    /**
     * {@value #KEYS_PER_LOOKUP} keys a round trip through {@link #keyLookupSql}, prepared once for a full batch (and
     * once more for the last, shorter one).
     */
    protected final void lookUpInBatches(
            Connection c, Entity table, List<Column> keyColumns, List<List<Object>> keys, Set<List<Object>> found)
            throws SQLException {
        PreparedStatement full = null;
        try {
            for (int from = 0; from < keys.size(); from += KEYS_PER_LOOKUP) {
                List<List<Object>> batch = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_LOOKUP));
                boolean isFull = batch.size() == KEYS_PER_LOOKUP;
                if (isFull && full == null) {
                    full = c.prepareStatement(keyLookupSql(table, KEYS_PER_LOOKUP));
                }
                PreparedStatement ps = isFull ? full : c.prepareStatement(keyLookupSql(table, batch.size()));
                try {
                    int p = 1;
                    for (List<Object> key : batch) {
                        for (int j = 0; j < keyColumns.size(); j++) {
                            bind(ps, p++, keyColumns.get(j), key.get(j));
                        }
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            List<Object> key = new ArrayList<>(keyColumns.size());
                            for (int j = 0; j < keyColumns.size(); j++) {
                                key.add(Canonical.value(keyColumns.get(j), read(rs, j + 1, keyColumns.get(j))));
                            }
                            found.add(key);
                        }
                    }
                } finally {
                    if (!isFull) {
                        ps.close();
                    }
                }
            }
        } finally {
            if (full != null) {
                full.close();
            }
        }
    }

    /** One prepared point lookup ({@code SELECT 1 ... WHERE k1 = ? AND k2 = ?}) per key, on one connection. */
    protected final void lookUpOneByOne(
            Connection c, Entity table, List<Column> keyColumns, List<List<Object>> keys, Set<List<Object>> found)
            throws SQLException {
        String where = keyColumns.stream().map(k -> k.name() + " = ?").collect(Collectors.joining(" AND "));
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + table.name() + " WHERE " + where)) {
            for (List<Object> key : keys) {
                for (int j = 0; j < keyColumns.size(); j++) {
                    bind(ps, j + 1, keyColumns.get(j), key.get(j));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        found.add(key);
                    }
                }
            }
        }
    }

    /**
     * The statement that returns the primary key columns of the rows of {@code table} whose key is one of {@code keys}
     * bound keys (each key's columns bound in order). This default is {@code WHERE k IN (?, ...)} or, for a compound
     * key, {@code WHERE (k1, k2) IN ((?, ?), ...)}, which a B-tree primary key answers by index lookups. Public so that
     * a test can ask the engine for its plan.
     */
    public String keyLookupSql(Entity table, int keys) {
        List<String> key = safe(table).primaryKey();
        String one = key.size() == 1 ? "?" : key.stream().map(k -> "?").collect(Collectors.joining(", ", "(", ")"));
        String columns = String.join(", ", key);
        String left = key.size() == 1 ? columns : "(" + columns + ")";
        return "SELECT " + columns + " FROM " + table.name() + " WHERE " + left + " IN ("
                + String.join(", ", Collections.nCopies(keys, one)) + ")";
    }

    private List<Object> canonicalKey(Entity table, List<Column> keyColumns, List<Object> key) {
        if (key.size() != keyColumns.size()) {
            throw new DbxException(id + ": a key of " + table.name() + " has " + keyColumns.size() + " values ("
                    + String.join(", ", table.primaryKey()) + "), not " + key.size() + ": " + key);
        }
        List<Object> canonical = new ArrayList<>(key.size());
        for (int j = 0; j < key.size(); j++) {
            Object value = Canonical.value(keyColumns.get(j), key.get(j));
            if (value == null) {
                throw new DbxException(id + ": a key of " + table.name() + " has a null "
                        + keyColumns.get(j).name());
            }
            canonical.add(value);
        }
        return canonical;
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** Whether {@code table} exists; the default asks the driver's metadata, in either letter case. */
    protected boolean tableExists(Connection c, String table) throws SQLException {
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = c.getMetaData().getTables(null, null, name, new String[] {"TABLE", "BASE TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasRows(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1 FROM " + table + " LIMIT 1")) {
            return rs.next();
        }
    }

    /** Defence in depth: entity names reach SQL text, so they must be plain identifiers. */
    public static Entity safe(Entity entity) {
        Identifiers.require("table name", entity.name());
        entity.columnNames().forEach(n -> Identifiers.require("column name", n));
        return entity;
    }
}
