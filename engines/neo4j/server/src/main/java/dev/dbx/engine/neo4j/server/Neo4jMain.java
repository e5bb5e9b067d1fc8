package dev.dbx.engine.neo4j.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Runs Neo4j (Community, embedded) in the foreground with its Bolt connector on {@code host:port}, until SIGTERM.
 * Authentication is on: the only user is {@code dbx}, whose password is the lab's secret.
 *
 * <p>Arguments: host, Bolt port, Neo4j home, and an owner-only file holding the lab's secret (read once, then deleted:
 * the secret is never on a command line). Databases and transaction logs live under {@code <home>/data}, so they
 * survive restarts; Neo4j's diagnostic log is {@code <home>/logs/debug.log}, its user log goes to stdout.
 *
 * <p>How the user is set up without a moment in which someone else could log in: a new DBMS is created with no user at
 * all (so Bolt refuses everyone), then {@code dbx} is created. A home made by an older dbx, which ran Neo4j without
 * authentication (its {@code neo4j} user kept the well-known default password, and anyone could have added users), is
 * first started once without Bolt, to set up {@code dbx} and drop every other user, before Bolt ever opens on it.
 */
public final class Neo4jMain {
    /** Page cache for a local lab; Neo4j's default would take half of the free RAM. */
    private static final long PAGE_CACHE_BYTES = ByteUnit.mebiBytes(128);

    private Neo4jMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 4) {
            System.err.println("usage: Neo4jMain <host> <bolt port> <home dir> <secret file>");
            System.exit(2);
        }
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        Path home = Path.of(args[2]).toAbsolutePath();
        String secret;
        try {
            secret = readSecret(Path.of(args[3]));
        } catch (IOException | IllegalStateException e) {
            System.err.println("dbx: cannot read the lab's secret: " + e.getMessage());
            System.exit(1);
            return;
        }

        Log4jLogProvider userLog = new Log4jLogProvider(System.out);
        DatabaseManagementService dbms;
        try {
            dbms = start(host, port, home, secret, userLog);
        } catch (RuntimeException | IOException e) {
            // Neo4j may have started non-daemon threads before failing: exit rather than hang half-started
            System.err.println("dbx: Neo4j failed to start");
            e.printStackTrace();
            System.exit(1);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(dbms, userLog, stopped), "neo4j-shutdown"));
        System.out.println("dbx: Neo4j started, Bolt on " + host + ":" + port + " (authentication on, user "
                + LabUser.NAME + "), home " + home);
        // Neo4j's own threads may all be daemons: keep the JVM alive until the shutdown hook has run.
        stopped.await();
    }

    /** The secret in {@code file}, which is then deleted: it was written for this start only. */
    static String readSecret(Path file) throws IOException {
        String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
        Files.deleteIfExists(file);
        if (secret.isEmpty()) {
            throw new IllegalStateException(file + " is empty");
        }
        return secret;
    }

    private static DatabaseManagementService start(
            String host, int port, Path home, String secret, Log4jLogProvider userLog) throws IOException {
        LabUser user = new LabUser(home, secret);
        if (user.homeFromBeforeAuthentication()) {
            System.out.println("dbx: " + home + " was used without authentication (by an older dbx): setting up user "
                    + LabUser.NAME + " with Bolt closed");
            DatabaseManagementService closed = builder(home, userLog)
                    .setConfig(BoltConnector.enabled, false)
                    .build();
            try {
                user.setUp(closed);
            } finally {
                closed.shutdown();
            }
        }
        DatabaseManagementService dbms = builder(home, userLog)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .build();
        try {
            // a new DBMS has no user yet (Bolt refuses everyone until now); an existing one normally needs no change
            user.setUp(dbms);
        } catch (RuntimeException | IOException e) {
            dbms.shutdown();
            throw e;
        }
        return dbms;
    }

    private static DatabaseManagementServiceBuilder builder(Path home, Log4jLogProvider userLog) {
        return new DatabaseManagementServiceBuilder(home)
                .setUserLogProvider(userLog)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // no default user "neo4j" (with its well-known initial password): dbx creates its own user
                .setConfig(GraphDatabaseInternalSettings.create_default_user, false)
                // no lock-out after failed logins: the secret (192 random bits) cannot be guessed, and a lock-out
                // would let anyone on the machine lock dbx out by trying wrong passwords
                .setConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
                .setConfig(GraphDatabaseSettings.pagecache_memory, PAGE_CACHE_BYTES)
                // a lab on an offline machine: no usage reports
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // preallocated transaction logs take 256 MB of disk per database (system and neo4j) from the start
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                // keep only the newest transaction log: the default (2 days) kept 5.9 GB for a 330 MB store after a
                // few load/drop cycles at TPC-H SF 0.1; a lab needs no point-in-time recovery
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                // Bolt's Netty groups (boss, then workers) each wait a 5 s quiet period on shutdown: ~10 s per stop
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ZERO)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2));
    }

    private static void stop(DatabaseManagementService dbms, Log4jLogProvider userLog, CountDownLatch stopped) {
        long begin = System.nanoTime();
        System.out.println("dbx: shutting down Neo4j");
        try {
            dbms.shutdown();
            System.out.printf("dbx: Neo4j shut down in %d ms%n", (System.nanoTime() - begin) / 1_000_000);
        } finally {
            userLog.close();
            stopped.countDown();
        }
    }
}
