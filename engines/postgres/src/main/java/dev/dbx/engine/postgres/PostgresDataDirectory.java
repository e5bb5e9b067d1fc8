package dev.dbx.engine.postgres;

import dev.dbx.core.DbxException;
import dev.dbx.engine.EngineContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The cluster's data directory ({@code ctx.dataDir()}): created once with {@code initdb} plus the roles and the
 * {@code dbx} database (see {@link PostgresAuth}), then reused by every later start, which first brings a cluster made
 * by an older dbx to password authentication.
 */
final class PostgresDataDirectory {
    static final String SUPERUSER = "postgres";
    static final String DATABASE = "dbx";
    private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(2);

    private PostgresDataDirectory() {}

    /** Initializes the data directory unless it already holds a cluster of the same major version. */
    static void ensureInitialized(PostgresBinaries binaries, EngineContext ctx) throws IOException {
        Path data = ctx.dataDir();
        Path versionFile = data.resolve("PG_VERSION");
        if (Files.isRegularFile(versionFile)) {
            checkMajor(Files.readString(versionFile).strip(), binaries, data);
            PostgresAuth.bringUpToDate(binaries, ctx, data, DATABASE);
            return;
        }
        if (!isEmptyOrMissing(data)) {
            throw new DbxException(
                    data + " holds files but no PostgreSQL cluster (PG_VERSION is missing)",
                    "move them away, or start afresh with: dbx down --engines postgres --wipe");
        }
        // Built beside the data directory and renamed onto it when complete: a cluster whose initdb or database
        // creation was cut short is never started (a leftover from such a run is simply built again).
        Path staging = ctx.home().resolve("data.initializing");
        PostgresBinaries.deleteTree(staging);
        SetupCommand.note(ctx.logFile(), "dbx: creating a PostgreSQL " + binaries.major() + " cluster in " + data);
        runInitdb(binaries, ctx, staging);
        PostgresAuth.initialize(binaries, ctx, staging, DATABASE);
        Files.move(staging, data, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void runInitdb(PostgresBinaries binaries, EngineContext ctx, Path staging) throws IOException {
        Path pwfile = PostgresAuth.superuserPasswordFile(ctx);
        try {
            SetupCommand.run(
                    UserNamespace.wrap(List.of(
                            binaries.program("initdb").toString(),
                            "--pgdata=" + staging,
                            "--username=" + SUPERUSER,
                            "--pwfile=" + pwfile,
                            "--encoding=UTF8",
                            // PostgreSQL's own C.UTF-8: code-point order, Unicode case rules, no dependence on OS
                            // locales
                            "--locale-provider=builtin",
                            "--locale=C.UTF-8",
                            // passwords for everyone (pg_hba.conf is replaced right after, see PostgresAuth)
                            "--auth=scram-sha-256",
                            // its "start with pg_ctl" advice names the staging directory: misleading in server.log
                            "--no-instructions")),
                    null,
                    ctx.logFile(),
                    ctx.home().resolve("tmp"),
                    SETUP_TIMEOUT);
        } finally {
            Files.deleteIfExists(pwfile);
        }
    }

    private static void checkMajor(String clusterMajor, PostgresBinaries binaries, Path data) {
        if (!clusterMajor.equals(binaries.major())) {
            throw new DbxException(
                    data + " holds a PostgreSQL " + clusterMajor + " cluster; this dbx runs PostgreSQL "
                            + binaries.major(),
                    "start afresh with: dbx down --engines postgres --wipe (its data is lost)");
        }
    }

    private static boolean isEmptyOrMissing(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
