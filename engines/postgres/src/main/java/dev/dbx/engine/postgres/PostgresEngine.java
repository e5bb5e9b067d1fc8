package dev.dbx.engine.postgres;

import dev.dbx.core.DbxException;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.engine.EngineContext;
import dev.dbx.engine.Launch;
import dev.dbx.engine.LocalEngine;
import dev.dbx.engine.PrivateFiles;
import dev.dbx.engine.ServerBinaries;
import dev.dbx.engine.StopSignal;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL 17 from zonky's binaries jar. The postmaster itself runs in the foreground (under {@code unshare -U} as
 * root), listening on loopback only and on a unix socket in an owner-only directory, with logical decoding enabled and
 * synchronous commits so Debezium can follow changes promptly. Every connection proves the lab's secret by
 * SCRAM-SHA-256; dbx works as the role {@code dbx}, which is not a superuser (see {@link PostgresAuth}).
 */
public final class PostgresEngine extends LocalEngine {
    /** A unix socket path must fit {@code sockaddr_un.sun_path} (108 bytes with its terminating NUL). */
    private static final int MAX_SOCKET_PATH = 107;

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public String description() {
        return "PostgreSQL 17 (zonky binaries)";
    }

    @Override
    public int defaultPort() {
        return 15432;
    }

    @Override
    public Optional<String> unavailableReason() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return Optional.of("the bundled PostgreSQL binaries are for Linux x86-64 only (this is " + os + " " + arch
                    + "); use an external server by URI");
        }
        if (UserNamespace.runningAsRoot() && ServerBinaries.onPath("unshare").isEmpty()) {
            return Optional.of("PostgreSQL refuses to run as root and 'unshare' (to run it in a user namespace) is"
                    + " not on the PATH; install util-linux or run dbx as another user");
        }
        return Optional.empty();
    }

    @Override
    public Launch launch(EngineContext ctx) throws IOException {
        PostgresBinaries binaries = PostgresBinaries.unpacked(this, ctx);
        PostgresDataDirectory.ensureInitialized(binaries, ctx);
        List<String> command = new ArrayList<>(List.of(
                binaries.program("postgres").toString(), "-D", ctx.dataDir().toString()));
        settings(ctx).forEach((name, value) -> command.addAll(List.of("-c", name + "=" + value)));
        return new Launch(
                UserNamespace.wrap(command),
                Map.of("TMPDIR", ctx.home().resolve("tmp").toString()),
                ctx.home());
    }

    /**
     * Passed on the command line (so they win over postgresql.conf): where to listen, what CDC needs, and a small
     * footprint for a lab machine running seven servers.
     */
    private static Map<String, String> settings(EngineContext ctx) throws IOException {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("listen_addresses", ctx.host());
        s.put("port", Integer.toString(ctx.port()));
        s.put("unix_socket_directories", socketDirectory(ctx));
        // the directory is the owner's alone already; the socket too
        s.put("unix_socket_permissions", "0700");
        s.put("password_encryption", "scram-sha-256");
        s.put("cluster_name", "dbx");
        // Debezium: logical decoding, replication connections and slots, commits visible at once
        s.put("wal_level", "logical");
        s.put("max_wal_senders", "10");
        s.put("max_replication_slots", "10");
        s.put("synchronous_commit", "on");
        // a forgotten replication slot must not fill the disk
        s.put("max_slot_wal_keep_size", "2GB");
        s.put("fsync", "on");
        s.put("shared_buffers", "128MB");
        s.put("max_connections", "100");
        s.put("huge_pages", "off");
        // the log goes to stderr, which the supervisor writes to server.log
        s.put("logging_collector", "off");
        return s;
    }

    /**
     * {@code <home>/run} (made owner-only, also when an older dbx made it), or none (TCP only) when that path is too
     * long for a socket or needs quoting.
     */
    private static String socketDirectory(EngineContext ctx) throws IOException {
        Path dir = ctx.home().resolve("run").toAbsolutePath();
        String socket = dir + "/.s.PGSQL." + ctx.port();
        if (socket.length() > MAX_SOCKET_PATH || dir.toString().matches(".*[\\s,\"'\\\\].*")) {
            if (Files.isDirectory(dir)) {
                // unused now, but private all the same (an older dbx made it open to everyone)
                PrivateFiles.directory(dir);
            }
            return "";
        }
        PrivateFiles.directory(dir);
        return dir.toString();
    }

    /** {@code postgresql://dbx:<secret>@127.0.0.1:<port>/dbx}: the role {@code dbx}, not the superuser. */
    @Override
    public URI uri(EngineContext ctx) {
        if (!ctx.user().equals(PostgresAuth.USER)) {
            throw new IllegalStateException(
                    "PostgreSQL's role for dbx is " + PostgresAuth.USER + ", not " + ctx.user());
        }
        return URI.create("postgresql://" + ctx.credentials() + ctx.host() + ":" + ctx.port() + "/"
                + PostgresDataDirectory.DATABASE);
    }

    @Override
    public ServerIdentity probe(URI uri, Duration timeout) {
        try (Connection connection = PostgresConnections.open(uri, timeout);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT version(), current_setting('server_version')")) {
            row.next();
            // version() reads "PostgreSQL 17.11 on x86_64-pc-linux-gnu, ...": its first word is the product
            String product = row.getString(1).strip().split("\\s+")[0];
            return new ServerIdentity(product, row.getString(2));
        } catch (SQLException e) {
            if (e.getMessage() != null
                    && e.getMessage().contains("role \"" + PostgresAuth.USER + "\" does not exist")) {
                // a server started by an older dbx (no role dbx yet) still runs: the next start migrates its cluster
                throw new DbxException(
                        "PostgreSQL at " + uri.getHost() + ":" + uri.getPort() + " has no role " + PostgresAuth.USER
                                + ": it was started by an older dbx",
                        "restart it (dbx down --engines postgres, then dbx up): the start sets up its roles"
                                + " and passwords");
            }
            throw new DbxException(
                    "PostgreSQL at " + uri.getHost() + ":" + uri.getPort() + " did not answer: " + e.getMessage());
        }
    }

    /** Fast shutdown: TERM ("smart") would wait for every client, e.g. Debezium, to disconnect. */
    @Override
    public StopSignal stopSignal() {
        return StopSignal.INT;
    }
}
