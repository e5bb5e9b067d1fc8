package dev.dbx.store.postgres;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.ChangeTracking;
import dev.dbx.core.dataset.Canonical;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.sync.Change;
import dev.dbx.store.jdbc.SqlConnections;
import dev.dbx.store.jdbc.SqlDatasetModel;
import dev.dbx.store.jdbc.SqlErrors;
import dev.dbx.store.jdbc.SqlScript;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Change tracking in PostgreSQL itself: statement-level triggers on the dataset's tables log the keys each write
 * touched with the writing transaction's id ({@code pg_current_xact_id()}) into {@code dbx_change_log}; each consumer's
 * watermark is a {@code pg_snapshot} in {@code dbx_sync_watermark}. The changes after a watermark are those of the
 * transactions the new snapshot sees and the watermark's did not ({@code pg_visible_in_snapshot}): a transaction that
 * was running when the watermark was taken is invisible to it, so it is carried by the first run after it commits, how
 * ever early it began. The SQL is in {@code sync/*.sql} next to this class.
 */
final class PostgresChangeTracking implements ChangeTracking {
    private static final int FETCH = 5_000;

    private final SqlConnections sql;
    private final PostgresDatasetModel model;

    PostgresChangeTracking(SqlConnections sql, PostgresDatasetModel model) {
        this.sql = sql;
        this.model = model;
    }

    @Override
    public void install(Dataset dataset) {
        List<String> statements = new ArrayList<>(SqlScript.load(getClass(), "sync/change-log.sql"));
        String template = resource("sync/track-table.sql");
        for (Entity entity : dataset.entities()) {
            statements.addAll(SqlScript.split(fill(template, dataset, entity, Map.of())));
        }
        // one transaction: the triggers of every table start logging at one commit
        sql.inTransaction("installing change tracking for " + dataset.name(), c -> {
            try (Statement s = c.createStatement()) {
                for (String statement : statements) {
                    s.execute(statement);
                }
            }
        });
    }

    @Override
    public boolean installed(Dataset dataset) {
        try (Connection c = sql.connection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*) FROM pg_trigger WHERE tgname = 'dbx_log_delete' AND tgrelid = to_regclass(?)")) {
            for (Entity entity : dataset.entities()) {
                ps.setString(1, SqlDatasetModel.safe(entity).name());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return false;
                    }
                }
            }
            return true;
        } catch (SQLException e) {
            throw SqlErrors.of(sql.storeId(), "looking for change tracking on " + dataset.name(), e);
        }
    }

    @Override
    public String position() {
        return sql.queryString("SELECT pg_current_snapshot()::text");
    }

    @Override
    public Optional<Watermark> watermark(Dataset dataset, String consumer) {
        if (!logExists()) {
            return Optional.empty();
        }
        try (Connection c = sql.connection();
                PreparedStatement ps = c.prepareStatement("SELECT position::text, complete, at FROM dbx_sync_watermark"
                        + " WHERE dataset = ? AND consumer = ?")) {
            ps.setString(1, dataset.name());
            ps.setString(2, consumer);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Watermark(
                        consumer,
                        rs.getString(1),
                        rs.getBoolean(2),
                        rs.getTimestamp(3).toInstant()));
            }
        } catch (SQLException e) {
            throw SqlErrors.of(sql.storeId(), "reading the watermark of " + consumer, e);
        }
    }

    @Override
    public void mark(Dataset dataset, String consumer, String position, boolean complete) {
        sql.inTransaction("setting the watermark of " + consumer, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO dbx_sync_watermark (dataset, consumer, position, complete, at)"
                            + " VALUES (?, ?, ?::pg_snapshot, ?, now()) ON CONFLICT (dataset, consumer) DO UPDATE"
                            + " SET position = EXCLUDED.position, complete = EXCLUDED.complete, at = EXCLUDED.at")) {
                ps.setString(1, dataset.name());
                ps.setString(2, consumer);
                ps.setString(3, position);
                ps.setBoolean(4, complete);
                ps.executeUpdate();
            }
        });
    }

    @Override
    public void forget(Dataset dataset, String consumer) {
        if (!logExists()) {
            return;
        }
        sql.inTransaction("forgetting the watermark of " + consumer, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM dbx_sync_watermark WHERE dataset = ? AND consumer = ?")) {
                ps.setString(1, dataset.name());
                ps.setString(2, consumer);
                ps.executeUpdate();
            }
        });
    }

    @Override
    public long prune(Dataset dataset) {
        long[] deleted = {0};
        sql.inTransaction("pruning the change log of " + dataset.name(), c -> {
            // a change goes once every watermark (complete or not) sees its transaction; with no watermark at all,
            // no consumer needs any: the next one starts from a full copy
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM dbx_change_log l WHERE l.dataset = ?"
                    + " AND NOT EXISTS (SELECT 1 FROM dbx_sync_watermark w WHERE w.dataset = l.dataset"
                    + " AND NOT pg_visible_in_snapshot(l.xid, w.position))")) {
                ps.setString(1, dataset.name());
                deleted[0] = ps.executeUpdate();
            }
        });
        return deleted[0];
    }

    @Override
    public Changes changesSince(Dataset dataset, String position) {
        Connection c = sql.connection();
        try {
            c.setAutoCommit(false);
            String now;
            try (Statement s = c.createStatement()) {
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                // the first query fixes the transaction's snapshot: the position returned is the one every read sees
                try (ResultSet rs = s.executeQuery("SELECT pg_current_snapshot()::text")) {
                    rs.next();
                    now = rs.getString(1);
                }
            }
            requireNoTruncate(c, dataset, position);
            List<String> queries = new ArrayList<>();
            List<Entity> entities = new ArrayList<>();
            for (Entity entity : dataset.entities()) {
                queries.add(changedRows(dataset, entity, true));
                entities.add(entity);
            }
            for (Entity entity : dataset.entities().reversed()) {
                queries.add(changedRows(dataset, entity, false));
                entities.add(entity);
            }
            return new PgChanges(c, position, now, queries, entities);
        } catch (SQLException e) {
            PostgresSnapshotSource.closeQuietly(c);
            throw SqlErrors.of(sql.storeId(), "reading the changes of " + dataset.name(), e);
        } catch (RuntimeException e) {
            PostgresSnapshotSource.closeQuietly(c);
            throw e;
        }
    }

    private void requireNoTruncate(Connection c, Dataset dataset, String position) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT string_agg(DISTINCT entity, ', ') FROM dbx_change_log"
                + " WHERE dataset = ? AND op = 'T' AND NOT pg_visible_in_snapshot(xid, ?::pg_snapshot)")) {
            ps.setString(1, dataset.name());
            ps.setString(2, position);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String truncated = rs.getString(1);
                if (truncated != null) {
                    throw new DbxException(
                            sql.storeId() + ": " + truncated + " was truncated since the last sync; a truncate has no"
                                    + " keys to carry",
                            "copy the dataset again with dbx sync full");
                }
            }
        }
    }

    /** The query of {@code entity}'s changed rows still there ({@code present}) or its changed keys now gone. */
    private String changedRows(Dataset dataset, Entity entity, boolean present) {
        SqlDatasetModel.safe(entity);
        List<String> key = entity.primaryKey();
        String join = IntStream.range(0, key.size())
                .mapToObj(i -> "t." + key.get(i) + " = " + keyValue(entity, i))
                .collect(Collectors.joining(" AND "));
        String columns = present
                ? entity.columnNames().stream().map(n -> "t." + n).collect(Collectors.joining(", "))
                : IntStream.range(0, key.size())
                        .mapToObj(i -> keyValue(entity, i))
                        .collect(Collectors.joining(", "));
        return fill(
                resource("sync/changed-rows.sql"),
                dataset,
                entity,
                Map.of(
                        "{columns}",
                        columns,
                        "{join}",
                        join,
                        "{first_key}",
                        key.get(0),
                        "{presence}",
                        present ? "NOT NULL" : "NULL"));
    }

    /** The i-th key value of a logged key, as the key column's type. */
    private static String keyValue(Entity entity, int i) {
        Column column = entity.column(entity.primaryKey().get(i));
        String type = switch (column.type()) {
            case INTEGER -> "bigint";
            case DECIMAL -> "numeric";
            case VARCHAR -> "text";
            case DATE -> "date";
        };
        return "(c.key->>" + i + ")::" + type;
    }

    private static String fill(String template, Dataset dataset, Entity entity, Map<String, String> more) {
        SqlDatasetModel.safe(entity);
        String out = template.replace("{dataset}", dataset.name())
                .replace("{table}", entity.name())
                .replace("{key}", String.join(", ", entity.primaryKey()));
        for (Map.Entry<String, String> e : more.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    private String resource(String name) {
        try (InputStream in = getClass().getResourceAsStream(name)) {
            if (in == null) {
                throw new DbxException("missing resource " + name + " of the postgres store");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DbxException("cannot read " + name + ": " + e.getMessage());
        }
    }

    private boolean logExists() {
        return Boolean.parseBoolean(sql.queryString("SELECT (to_regclass('dbx_sync_watermark') IS NOT NULL)::text"));
    }

    /** The changed rows, query after query, through cursors in the one repeatable-read transaction. */
    private final class PgChanges implements Changes {
        private final Connection c;
        private final String from;
        private final String to;
        private final List<String> queries;
        private final List<Entity> entities;
        private int current = -1;
        private PreparedStatement statement;
        private ResultSet rs;

        PgChanges(Connection c, String from, String to, List<String> queries, List<Entity> entities) {
            this.c = c;
            this.from = from;
            this.to = to;
            this.queries = queries;
            this.entities = entities;
        }

        @Override
        public String from() {
            return from;
        }

        @Override
        public String to() {
            return to;
        }

        @Override
        public List<Change> next(int max) {
            List<Change> out = new ArrayList<>();
            try {
                while (out.size() < max) {
                    if (rs == null || !rs.next()) {
                        if (!advance()) {
                            break;
                        }
                        continue;
                    }
                    Entity entity = entities.get(current);
                    boolean upsert = current < queries.size() / 2;
                    if (upsert) {
                        out.add(Change.upsert(entity, model.row(rs, entity)));
                    } else {
                        List<Object> key = new ArrayList<>();
                        for (int i = 0; i < entity.primaryKey().size(); i++) {
                            Column column = entity.column(entity.primaryKey().get(i));
                            key.add(Canonical.value(column, rs.getObject(i + 1)));
                        }
                        out.add(Change.delete(entity, key));
                    }
                }
            } catch (SQLException e) {
                throw SqlErrors.of(sql.storeId(), "reading changed rows", e);
            }
            return out;
        }

        /** Opens the next query's cursor; false when every query has been read. */
        private boolean advance() throws SQLException {
            if (statement != null) {
                statement.close();
                statement = null;
                rs = null;
            }
            if (current + 1 >= queries.size()) {
                return false;
            }
            current++;
            statement = c.prepareStatement(queries.get(current));
            statement.setFetchSize(FETCH);
            statement.setString(1, from);
            statement.setString(2, from);
            rs = statement.executeQuery();
            return true;
        }

        @Override
        public void close() {
            PostgresSnapshotSource.closeQuietly(c);
        }
    }
}
