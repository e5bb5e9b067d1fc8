package dev.dbx.engine.mongo.server;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CountDownLatch;

/**
 * Runs mongo-java-server (MongoDB wire-compatible; NOT MongoDB) in the foreground with its H2 MVStore backend, so the
 * data survives restarts in one file. Arguments: host, port, data file. A SIGTERM closes the clients and the MVStore
 * (which commits it) before the JVM exits.
 *
 * <p>No password: mongo-java-server has no authentication at all (no {@code saslStart}, no users; its only security
 * option is server-side TLS, which encrypts but asks nobody who they are). Anyone on this machine who can connect to
 * the port can read, change and drop everything. What can be protected is the data on disk: the directory and the file
 * are made owner-only here (as well as by the supervisor's umask), so other users cannot read or copy them.
 */
public final class MongoServerMain {
    private MongoServerMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: MongoServerMain <host> <port> <data file>");
            System.exit(2);
        }
        configureLogging();
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        Path dataFile = Path.of(args[2]).toAbsolutePath();
        Files.createDirectories(dataFile.getParent());
        ownerOnly(dataFile.getParent(), "rwx------");

        SelfIdentifyingH2Backend backend;
        try {
            backend = new SelfIdentifyingH2Backend(dataFile.toString());
        } catch (RuntimeException e) {
            // e.g. another process holds the file lock, or the file is not an MVStore
            System.err.println("dbx: cannot open the data file " + dataFile + ": " + e);
            System.exit(1);
            return;
        }
        ownerOnly(dataFile, "rw-------");
        // The newest wire version the library offers; driver 5.x refuses servers older than MongoDB 4.0.
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer server = new MongoServer(backend);
        // No oplog: in dbx MongoDB is a sync target (changes come from PostgreSQL), and mongo-java-server's oplog is an
        // uncapped collection in the same file that would store every write twice. Change streams need it: turn it on
        // here if a workload ever reads them.

        try {
            // on failure (e.g. port taken) bind shuts the server down, which closes the MVStore and its file lock
            server.bind(host, port);
        } catch (RuntimeException e) {
            System.err.println("dbx: cannot listen on " + host + ":" + port + ": " + e);
            System.exit(1);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.err.println("dbx: shutting down mongo-java-server, closing " + dataFile);
                            server.shutdownNow();
                            stopped.countDown();
                        },
                        "mongo-server-shutdown"));
        System.err.println("dbx: mongo-java-server " + backend.libraryVersion().orElse("(version unknown)")
                + " (MongoDB wire-compatible, emulating MongoDB " + ServerVersion.MONGO_5_0.toVersionString()
                + ") listening on " + host + ":" + port + ", data in " + dataFile);
        stopped.await();
    }

    /** Makes {@code path} accessible to its owner only (it may be left from a dbx that did not do so). */
    private static void ownerOnly(Path path, String mode) throws IOException {
        if (Files.exists(path) && !Files.getPosixFilePermissions(path).equals(PosixFilePermissions.fromString(mode))) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        }
    }

    /** slf4j-simple writes to stderr, which the supervisor keeps in server.log; add timestamps, keep it at INFO. */
    private static void configureLogging() {
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        System.setProperty("org.slf4j.simpleLogger.log.io.netty", "warn");
    }
}
