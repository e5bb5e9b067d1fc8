package dev.dbx.store.postgres;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.SnapshotSource;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.store.jdbc.SqlConnections;
import dev.dbx.store.jdbc.SqlDatasetModel;
import dev.dbx.store.jdbc.SqlErrors;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A dataset as of one PostgreSQL snapshot: a repeatable-read transaction exports its snapshot
 * ({@code pg_export_snapshot()}) and stays open; every stream of rows is a cursor in a transaction of its own on its
 * own pooled connection that adopts that snapshot ({@code SET TRANSACTION SNAPSHOT}), so stores that read two entities
 * at once, or one on several threads, all see the same committed state. Rows come in primary-key order.
 */
final class PostgresSnapshotSource implements SnapshotSource {
    private static final int FETCH = 5_000;
    /** What {@code pg_export_snapshot()} returns, e.g. 00000003-0000001B-1: checked, since it reaches SQL text. */
    private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-F]+-[0-9A-F]+(-[0-9]+)?");

    private final SqlConnections sql;
    private final PostgresDatasetModel model;

    PostgresSnapshotSource(SqlConnections sql, PostgresDatasetModel model) {
        this.sql = sql;
        this.model = model;
    }

    @Override
    public Snapshot open(Dataset dataset) {
        requireTables(dataset);
        Connection leader = sql.connection();
        try {
            leader.setAutoCommit(false);
            String exported;
            String position;
            try (Statement s = leader.createStatement()) {
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                try (ResultSet rs = s.executeQuery("SELECT pg_export_snapshot(), pg_current_snapshot()::text")) {
                    rs.next();
                    exported = rs.getString(1);
                    position = rs.getString(2);
                }
            }
            if (!SNAPSHOT_ID.matcher(exported).matches()) {
                throw new DbxException(sql.storeId() + ": unexpected snapshot id from pg_export_snapshot()");
            }
            return new PgSnapshot(dataset, leader, exported, position);
        } catch (SQLException e) {
            closeQuietly(leader);
            throw SqlErrors.of(sql.storeId(), "taking a snapshot of " + dataset.name(), e);
        } catch (RuntimeException e) {
            closeQuietly(leader);
            throw e;
        }
    }

    private void requireTables(Dataset dataset) {
        try (Connection c = sql.connection();
                Statement s = c.createStatement()) {
            for (Entity entity : dataset.entities()) {
                SqlDatasetModel.safe(entity);
                try (ResultSet rs = s.executeQuery("SELECT to_regclass('" + entity.name() + "') IS NOT NULL")) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        throw new DbxException(
                                sql.storeId() + " does not hold the " + dataset.name() + " dataset (no table "
                                        + entity.name() + ")",
                                "load it first: dbx load --dataset " + dataset.name() + " --stores " + sql.storeId());
                    }
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.of(sql.storeId(), "looking for the " + dataset.name() + " tables", e);
        }
    }

    /** Ends a connection's transaction (rolled back: it only read) and gives it back, whatever went wrong. */
    static void closeQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // closing anyway: the pool discards a broken connection
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing more to release
        }
    }

    private final class PgSnapshot implements Snapshot {
        private final Dataset dataset;
        private final Connection leader;
        private final String exported;
        private final String position;
        private final Map<String, Long> counts = new ConcurrentHashMap<>();

        PgSnapshot(Dataset dataset, Connection leader, String exported, String position) {
            this.dataset = dataset;
            this.leader = leader;
            this.exported = exported;
            this.position = position;
        }

        @Override
        public Dataset dataset() {
            return dataset;
        }

        @Override
        public String position() {
            return position;
        }

        @Override
        public String description() {
            return dataset.name() + " from " + sql.storeId() + " at snapshot " + position;
        }

        @Override
        public long rowCount(Entity entity) {
            return counts.computeIfAbsent(entity.name(), name -> {
                synchronized (leader) {
                    try (Statement s = leader.createStatement();
                            ResultSet rs = s.executeQuery("SELECT count(*) FROM "
                                    + SqlDatasetModel.safe(entity).name())) {
                        rs.next();
                        return rs.getLong(1);
                    } catch (SQLException e) {
                        throw SqlErrors.of(sql.storeId(), "counting " + entity.name() + " in the snapshot", e);
                    }
                }
            });
        }

        @Override
        public RowStream rows(Entity entity) {
            SqlDatasetModel.safe(entity);
            Connection c = sql.connection();
            try {
                c.setAutoCommit(false); // a cursor streams only inside a transaction
                Statement s = c.createStatement();
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                s.execute("SET TRANSACTION SNAPSHOT '" + exported + "'");
                s.setFetchSize(FETCH);
                ResultSet rs =
                        // in key order, as the generator gives rows: stores that embed a child in its parent
                        // (MongoDB's line items in orders) read both streams in step and need it
                        s.executeQuery("SELECT " + String.join(", ", entity.columnNames()) + " FROM " + entity.name()
                                + " ORDER BY " + String.join(", ", entity.primaryKey()));
                return new Cursor(entity, c, rs);
            } catch (SQLException e) {
                closeQuietly(c);
                throw SqlErrors.of(sql.storeId(), "reading " + entity.name() + " in the snapshot", e);
            }
        }

        @Override
        public void close() {
            closeQuietly(leader);
        }
    }

    /** One entity's rows through a server-side cursor; closing it ends its transaction and returns the connection. */
    private final class Cursor implements RowStream {
        private final Entity entity;
        private final Connection connection;
        private final ResultSet rs;
        private Object[] next;
        private boolean done;

        Cursor(Entity entity, Connection connection, ResultSet rs) {
            this.entity = entity;
            this.connection = connection;
            this.rs = rs;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                try {
                    if (rs.next()) {
                        next = model.row(rs, entity);
                    } else {
                        done = true;
                    }
                } catch (SQLException e) {
                    throw SqlErrors.of(sql.storeId(), "reading " + entity.name() + " in the snapshot", e);
                }
            }
            return next != null;
        }

        @Override
        public Object[] next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Object[] row = next;
            next = null;
            return row;
        }

        @Override
        public void close() {
            closeQuietly(connection);
        }
    }
}
