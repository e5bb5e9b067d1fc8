package dev.dbx.store.jdbc;

import dev.dbx.core.DbxException;
import dev.dbx.core.Identifiers;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.dataset.Canonical;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowSink;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.dataset.YcsbSchema;
import dev.dbx.core.store.Store;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * What the SQL stores (PostgreSQL, SQLite, DuckDB) share: the engine's own DDL read from resource files next to the
 * adapter ({@code schema/<dataset>.sql} for tables, {@code schema/<dataset>-indexes.sql} for what is cheaper to build
 * after a bulk load), streaming scans, a batched-insert load that each engine replaces with its fast path, and the YCSB
 * key-value operations as SQL. Every identifier comes from dbx's schemas; every value is a bound parameter.
 */
public abstract class JdbcStore implements Store, DatasetModel, KeyValue {
    private static final int BATCH = 1_000;
    private static final int FETCH = 5_000;

    protected final String id;
    protected final URI uri;
    protected final DataSource dataSource;

    protected JdbcStore(String id, URI uri, DataSource dataSource) {
        this.id = id;
        this.uri = uri;
        this.dataSource = dataSource;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public URI uri() {
        return uri;
    }

    /** A pooled connection; an unreachable server becomes a clear error. */
    protected Connection connection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw SqlErrors.unreachable(id, uri, e);
        }
    }

    /** Runs {@code sql} and returns the first column of the first row as text. */
    protected String queryString(String sql) {
        try (Connection c = connection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new DbxException(id + ": " + sql + " returned no row");
            }
            return rs.getString(1);
        } catch (SQLException e) {
            throw SqlErrors.of(id, "query '" + sql + "'", e);
        }
    }

    // ---- DatasetModel ----------------------------------------------------------------------------------------

    @Override
    public boolean isLoaded(Dataset dataset) {
        try (Connection c = connection()) {
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
        execute("creating the " + dataset.name() + " schema", statements);
    }

    @Override
    public void drop(Dataset dataset) {
        List<String> statements = new ArrayList<>(SqlScript.load(getClass(), "schema/" + dataset.name() + "-drop.sql"));
        for (int i = dataset.entities().size() - 1; i >= 0; i--) {
            statements.add(dropTable(dataset.entities().get(i).name()));
        }
        execute("dropping the " + dataset.name() + " schema", statements);
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
        execute(
                "indexing the " + dataset.name() + " dataset",
                SqlScript.load(getClass(), "schema/" + dataset.name() + "-indexes.sql"));
    }

    /**
     * Loads one entity's rows. This default is batched prepared INSERTs in one transaction; stores replace it with the
     * engine's fast path (COPY, the Appender).
     */
    protected void bulkLoad(Entity entity, RowStream rows) {
        String sql = "INSERT INTO " + entity.name() + " (" + String.join(", ", entity.columnNames()) + ") VALUES ("
                + entity.columns().stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int pending = 0;
                while (rows.hasNext()) {
                    Object[] row = rows.next();
                    for (int i = 0; i < row.length; i++) {
                        bind(ps, i + 1, entity.columns().get(i), row[i]);
                    }
                    ps.addBatch();
                    if (++pending == BATCH) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.of(id, "loading " + entity.name(), e);
        }
    }

    /** Binds a canonical value; stores whose driver wants other types override this. */
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
        return Long.parseLong(queryString("SELECT count(*) FROM " + safe(entity).name()));
    }

    @Override
    public void scan(Dataset dataset, Entity entity, RowSink sink) {
        String sql = "SELECT " + String.join(", ", entity.columnNames()) + " FROM "
                + safe(entity).name();
        try (Connection c = connection()) {
            c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            try (Statement s = c.createStatement()) {
                s.setFetchSize(FETCH);
                try (ResultSet rs = s.executeQuery(sql)) {
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

    /** Reads one value as the driver gives it; {@link Canonical} makes it canonical. */
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

    // ---- KeyValue (YCSB usertable) ---------------------------------------------------------------------------

    @Override
    public void insert(String key, Map<String, String> fields) {
        List<String> names = fieldNames(fields.keySet());
        String sql = "INSERT INTO " + YcsbSchema.TABLE + " (" + YcsbSchema.KEY + ", " + String.join(", ", names)
                + ") VALUES (?" + ", ?".repeat(names.size()) + ")";
        try (Connection c = connection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            for (int i = 0; i < names.size(); i++) {
                ps.setString(i + 2, fields.get(names.get(i)));
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.of(id, "insert of " + key, e);
        }
    }

    @Override
    public Optional<Map<String, String>> read(String key, Set<String> fields) {
        List<String> names = fields.isEmpty() ? YcsbSchema.FIELDS : fieldNames(fields);
        String sql = "SELECT " + String.join(", ", names) + " FROM " + YcsbSchema.TABLE + " WHERE " + YcsbSchema.KEY
                + " = ?";
        try (Connection c = connection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(fields(rs, names, 1));
            }
        } catch (SQLException e) {
            throw SqlErrors.of(id, "read of " + key, e);
        }
    }

    @Override
    public boolean update(String key, Map<String, String> fields) {
        List<String> names = fieldNames(fields.keySet());
        String sql = "UPDATE " + YcsbSchema.TABLE + " SET "
                + names.stream().map(n -> n + " = ?").collect(Collectors.joining(", ")) + " WHERE "
                + YcsbSchema.KEY + " = ?";
        try (Connection c = connection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < names.size(); i++) {
                ps.setString(i + 1, fields.get(names.get(i)));
            }
            ps.setString(names.size() + 1, key);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw SqlErrors.of(id, "update of " + key, e);
        }
    }

    @Override
    public boolean delete(String key) {
        String sql = "DELETE FROM " + YcsbSchema.TABLE + " WHERE " + YcsbSchema.KEY + " = ?";
        try (Connection c = connection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw SqlErrors.of(id, "delete of " + key, e);
        }
    }

    @Override
    public List<Record> scan(String startKey, int count, Set<String> fields) {
        List<String> names = fields.isEmpty() ? YcsbSchema.FIELDS : fieldNames(fields);
        String sql = "SELECT " + YcsbSchema.KEY + ", " + String.join(", ", names) + " FROM " + YcsbSchema.TABLE
                + " WHERE " + YcsbSchema.KEY + " >= ? ORDER BY " + YcsbSchema.KEY + " LIMIT ?";
        try (Connection c = connection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, startKey);
            ps.setInt(2, count);
            List<Record> records = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    records.add(new Record(rs.getString(1), fields(rs, names, 2)));
                }
            }
            return records;
        } catch (SQLException e) {
            throw SqlErrors.of(id, "scan from " + startKey, e);
        }
    }

    private static Map<String, String> fields(ResultSet rs, List<String> names, int first) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), rs.getString(first + i));
        }
        return out;
    }

    /** The requested fields in schema order, each checked against the usertable's columns. */
    protected static List<String> fieldNames(Set<String> requested) {
        for (String f : requested) {
            if (!YcsbSchema.FIELDS.contains(f)) {
                throw new DbxException("usertable has no field '" + f + "'", "fields are field0 to field9");
            }
        }
        return YcsbSchema.FIELDS.stream().filter(requested::contains).toList();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** Runs statements in order on one connection. */
    protected void execute(String doing, List<String> statements) {
        if (statements.isEmpty()) {
            return;
        }
        try (Connection c = connection();
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw SqlErrors.of(id, doing, e);
        }
    }

    /** Whether {@code table} exists; the default asks the driver's metadata, in either letter case. */
    protected boolean tableExists(Connection c, String table) throws SQLException {
        for (String name : List.of(table, table.toUpperCase(java.util.Locale.ROOT))) {
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
    protected static Entity safe(Entity entity) {
        Identifiers.require("table name", entity.name());
        entity.columnNames().forEach(n -> Identifiers.require("column name", n));
        return entity;
    }
}
