package dev.dbx.store.postgres;

import dev.dbx.core.DbxException;
import dev.dbx.core.Identifiers;
import dev.dbx.core.Uris;
import dev.dbx.core.capability.ChangeSource;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.sync.CaptureSource;
import dev.dbx.core.sync.SlotState;
import dev.dbx.store.jdbc.SqlConnections;
import dev.dbx.store.jdbc.SqlErrors;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * PostgreSQL as the source of change data capture (Debezium with pgoutput): a publication per pipeline, made by dbx
 * (the tables' owner) so the capture's replication role need not own them, and the heartbeat table
 * {@value #HEARTBEAT_TABLE}, one row per pipeline, whose update on every heartbeat gives the slot a position to
 * confirm when the dataset's tables are quiet (pgoutput sends nothing for transactions on tables outside the
 * publication, so the heartbeat table is published too).
 */
final class PostgresChangeSource implements ChangeSource {
    static final String SCHEMA = "public";
    static final String HEARTBEAT_TABLE = "dbx_heartbeat";

    private final SqlConnections sql;

    PostgresChangeSource(SqlConnections sql) {
        this.sql = sql;
    }

    static String slotName(String pipeline) {
        return "dbx_" + Identifiers.require("pipeline name", pipeline).toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public CaptureSource prepare(Dataset dataset, String pipeline) {
        String name = slotName(pipeline);
        List<String> tables = new ArrayList<>();
        for (Entity entity : dataset.entities()) {
            tables.add(SCHEMA + "." + Identifiers.require("table name", entity.name()));
        }
        tables.add(SCHEMA + "." + HEARTBEAT_TABLE);
        sql.inTransaction("preparing change data capture of " + dataset.name(), c -> {
            try (var s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS " + SCHEMA + "." + HEARTBEAT_TABLE
                        + " (pipeline TEXT PRIMARY KEY, beat_at TIMESTAMPTZ NOT NULL)");
                if (!publicationExists(c, name)) {
                    s.execute("CREATE PUBLICATION " + name + " FOR TABLE " + String.join(", ", tables));
                } else {
                    // a publication from an earlier run: made to name exactly these tables (the dataset may have grown)
                    s.execute("ALTER PUBLICATION " + name + " SET TABLE " + String.join(", ", tables));
                }
            }
        });
        String heartbeat = "INSERT INTO " + SCHEMA + "." + HEARTBEAT_TABLE + " (pipeline, beat_at) VALUES ('" + name
                + "', now()) ON CONFLICT (pipeline) DO UPDATE SET beat_at = EXCLUDED.beat_at";
        return new CaptureSource(pipeline, name, name, tables, SCHEMA + "." + HEARTBEAT_TABLE, heartbeat);
    }

    @Override
    public Optional<SlotState> slot(String pipeline) {
        String name = slotName(pipeline);
        try (Connection c = sql.connection();
                PreparedStatement s = c.prepareStatement("SELECT active, confirmed_flush_lsn::text,"
                        + " COALESCE(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn), 0)::bigint"
                        + " FROM pg_catalog.pg_replication_slots WHERE slot_name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String confirmed = rs.getString(2);
                return Optional.of(
                        new SlotState(name, rs.getBoolean(1), confirmed == null ? "" : confirmed, rs.getLong(3)));
            }
        } catch (SQLException e) {
            throw SqlErrors.of(sql.storeId(), "reading the replication slot " + name, e);
        }
    }

    @Override
    public void drop(String pipeline, String replicationUser) {
        String name = slotName(pipeline);
        Optional<SlotState> slot = slot(pipeline);
        if (slot.isPresent() && slot.get().active()) {
            throw new DbxException(
                    "the replication slot " + name + " is in use by a running capture", "stop the capture first");
        }
        if (slot.isPresent()) {
            try (Connection c = replicationLogin(Identifiers.require("replication user", replicationUser));
                    PreparedStatement drop = c.prepareStatement("SELECT pg_drop_replication_slot(?)")) {
                drop.setString(1, name);
                drop.execute();
            } catch (SQLException e) {
                throw SqlErrors.of(
                        sql.storeId(), "dropping the replication slot " + name + " as " + replicationUser, e);
            }
        }
        sql.execute("dropping the publication " + name, List.of("DROP PUBLICATION IF EXISTS " + name));
    }

    /** A connection of its own as {@code user}, with the store's password: only for what the store's role may not do. */
    private Connection replicationLogin(String user) throws SQLException {
        URI uri = sql.uri();
        Properties props = new Properties();
        props.setProperty("user", user);
        String password = Uris.password(uri, null);
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", "dbx");
        String host = Uris.host(uri, PostgresStoreProvider.EXAMPLE);
        return DriverManager.getConnection(
                "jdbc:postgresql://" + PostgresStoreProvider.hostForUrl(host) + ":" + Uris.port(uri, 5432) + "/"
                        + Uris.database(uri, "postgres"),
                props);
    }

    private static boolean publicationExists(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_catalog.pg_publication WHERE pubname = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
