package dev.dbx.store.jdbc;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.Sink;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.sync.Change;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A SQL engine's {@link Sink}: a batch of changes in one transaction, through statements prepared once per batch for
 * each table and kind of write, and executed in JDBC batches. Values are bound the way the store's model loads them
 * ({@link SqlDatasetModel#bind}); SQL text holds only identifiers from dbx's schemas.
 *
 * <p>The batch is first collapsed to the last change of each key (the contract's "last wins"), so one JDBC batch never
 * holds two writes of one row, whose order a driver need not keep. Then, for a table with a primary key ({@link
 * Writes#UPSERT}), deletes go child tables first and upserts parent tables first, as {@code INSERT ... ON CONFLICT
 * (key) DO UPDATE}. A table without a key ({@link Writes#DELETE_THEN_INSERT}) loses every changed key's row, then
 * takes the upserted rows. Both are idempotent: a batch applied twice leaves what applying it once did.
 */
public class SqlSink implements Sink {
    /** Statements per executeBatch: bounds what the driver buffers for a large batch. */
    private static final int JDBC_BATCH = 1_000;

    /** How the store's tables take a change. */
    public enum Writes {
        /** {@code INSERT ... ON CONFLICT (key) DO UPDATE}; needs a primary key or unique index on the key. */
        UPSERT,
        /** {@code DELETE} by key, then {@code INSERT}: for tables with no key the engine could check a conflict on. */
        DELETE_THEN_INSERT
    }

    protected final SqlConnections sql;
    private final SqlDatasetModel model;
    private final Writes writes;

    public SqlSink(SqlConnections sql, SqlDatasetModel model, Writes writes) {
        this.sql = sql;
        this.model = model;
        this.writes = writes;
    }

    @Override
    public String method() {
        String how = writes == Writes.UPSERT
                ? "INSERT ... ON CONFLICT (key) DO UPDATE, DELETE by key"
                : "DELETE by key of every changed row, then INSERT";
        return how + "; the last change of each key, prepared statements in JDBC batches, one transaction per batch";
    }

    @Override
    public void apply(Dataset dataset, List<Change> changes) {
        Map<String, Map<List<Object>, Change>> last = lastPerKey(dataset, changes);
        if (last.isEmpty()) {
            return;
        }
        List<Entity> order = dataset.entities();
        try (Connection c = sql.connection()) {
            beforeTransaction(c);
            try {
                c.setAutoCommit(false);
                try {
                    // children before parents for deletes, parents before children for inserts: what foreign keys
                    // checked at once would want, where a store keeps them
                    for (int i = order.size() - 1; i >= 0; i--) {
                        Map<List<Object>, Change> rows = last.get(order.get(i).name());
                        if (rows != null) {
                            deleteKeys(c, order.get(i), keysToDelete(rows.values()));
                        }
                    }
                    for (Entity entity : order) {
                        Map<List<Object>, Change> rows = last.get(entity.name());
                        if (rows != null) {
                            write(c, entity, upserts(rows.values()));
                        }
                    }
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    rollback(c, e);
                    throw e;
                }
            } finally {
                c.setAutoCommit(true);
                afterTransaction(c);
            }
        } catch (SQLException e) {
            throw SqlErrors.of(
                    sql.storeId(), "applying a batch of " + changes.size() + " changes to " + dataset.name(), e);
        }
    }

    /**
     * Runs on the batch's connection before its transaction begins (autocommit still on), e.g. to switch off what must
     * be switched outside a transaction. {@link #afterTransaction} undoes it before the connection goes back to the
     * pool.
     */
    protected void beforeTransaction(Connection c) throws SQLException {}

    /** Runs on the batch's connection after its transaction committed or rolled back. */
    protected void afterTransaction(Connection c) throws SQLException {}

    /** Removes the rows of {@code table} with these keys, through one prepared {@code DELETE} by key. */
    protected void deleteKeys(Connection c, Entity table, List<List<Object>> keys) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        List<String> key = table.primaryKey();
        String where = key.stream().map(k -> k + " = ?").collect(Collectors.joining(" AND "));
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table.name() + " WHERE " + where)) {
            int pending = 0;
            for (List<Object> values : keys) {
                for (int j = 0; j < key.size(); j++) {
                    bindKey(ps, j + 1, table.column(key.get(j)), values.get(j));
                }
                ps.addBatch();
                if (++pending == JDBC_BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /** Binds a key value the way the store's model binds it when it loads. */
    protected final void bindKey(PreparedStatement ps, int index, Column column, Object value) throws SQLException {
        model.bind(ps, index, column, value);
    }

    private void write(Connection c, Entity table, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String statement = writes == Writes.UPSERT ? upsertSql(table) : SqlDatasetModel.insertSql(table);
        try (PreparedStatement ps = c.prepareStatement(statement)) {
            int pending = 0;
            for (Object[] row : rows) {
                model.bindRow(ps, table, row);
                ps.addBatch();
                if (++pending == JDBC_BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /**
     * {@code INSERT INTO t (...) VALUES (...) ON CONFLICT (key) DO UPDATE SET c = excluded.c, ...}, the form SQLite,
     * DuckDB and PostgreSQL share; {@code DO NOTHING} for a table whose columns are all key.
     */
    static String upsertSql(Entity table) {
        List<String> others = table.columnNames().stream()
                .filter(name -> !table.primaryKey().contains(name))
                .toList();
        String action = others.isEmpty()
                ? "DO NOTHING"
                : "DO UPDATE SET "
                        + others.stream()
                                .map(name -> name + " = excluded." + name)
                                .collect(Collectors.joining(", "));
        return SqlDatasetModel.insertSql(table) + " ON CONFLICT (" + String.join(", ", table.primaryKey()) + ") "
                + action;
    }

    /**
     * The batch's last change of each key, per entity name; an entity that is not the dataset's, or has no key to
     * apply changes by, is refused before anything is written.
     */
    static Map<String, Map<List<Object>, Change>> lastPerKey(Dataset dataset, List<Change> changes) {
        Map<String, Map<List<Object>, Change>> last = new LinkedHashMap<>();
        for (Change change : changes) {
            Entity entity = change.entity();
            if (!dataset.entity(entity.name()).equals(entity)) {
                throw new DbxException("a change of " + entity.name() + " does not match the " + dataset.name()
                        + " dataset's " + entity.name() + " (other columns or key)");
            }
            if (entity.primaryKey().isEmpty()) {
                throw new DbxException(entity.name() + " has no primary key: a sink applies changes by key");
            }
            SqlDatasetModel.safe(entity);
            Map<List<Object>, Change> rows = last.computeIfAbsent(entity.name(), n -> new LinkedHashMap<>());
            // removed first so the key moves to the end: the map's order is the order of each key's last change
            rows.remove(change.key());
            rows.put(change.key(), change);
        }
        return last;
    }

    /** For {@link Writes#UPSERT} the deleted keys; for {@link Writes#DELETE_THEN_INSERT} every changed key. */
    private List<List<Object>> keysToDelete(Collection<Change> changes) {
        List<List<Object>> keys = new ArrayList<>();
        for (Change change : changes) {
            if (change.isDelete() || writes == Writes.DELETE_THEN_INSERT) {
                keys.add(change.key());
            }
        }
        return keys;
    }

    private static List<Object[]> upserts(Collection<Change> changes) {
        List<Object[]> rows = new ArrayList<>();
        for (Change change : changes) {
            if (!change.isDelete()) {
                rows.add(change.row());
            }
        }
        return rows;
    }

    private static void rollback(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
