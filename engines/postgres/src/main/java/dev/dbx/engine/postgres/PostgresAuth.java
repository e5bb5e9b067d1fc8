package dev.dbx.engine.postgres;

import dev.dbx.core.DbxException;
import dev.dbx.engine.EngineContext;
import dev.dbx.engine.LabSecret;
import dev.dbx.engine.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.postgresql.util.PasswordUtil;

/**
 * Who may log in to the cluster, and how: every connection, over TCP (127.0.0.1) or the unix socket, proves the lab's
 * secret by SCRAM-SHA-256; no line of {@code pg_hba.conf} lets anyone in without it. Three roles know the secret:
 *
 * <ul>
 *   <li>{@code dbx} — what dbx's stores use: LOGIN, CREATEDB, <b>not</b> a superuser, owner of the database
 *       {@code dbx} and everything dbx makes in it (so it can COPY, index, ANALYZE, alter and drop its tables, but
 *       not run programs or read the server's files);
 *   <li>{@code dbx_replication} — LOGIN REPLICATION, for change data capture (Debezium): replication connections
 *       and slots; a member of {@code dbx}, so it can read dbx's tables and publish them;
 *   <li>{@code postgres} — the superuser initdb made, for a person who wants psql as superuser.
 * </ul>
 *
 * The roles' passwords are set as SCRAM verifiers computed here, so the plain secret is never in a statement the
 * server could log. Which secret they were set from is kept in {@value #MARKER} (its SHA-256 only): a cluster made
 * by an older dbx (no marker, {@code trust} in {@code pg_hba.conf}, no {@code dbx} role, everything owned by
 * {@code postgres}) or one whose lab secret has changed is brought up to date, in single-user mode, before the
 * server starts.
 */
final class PostgresAuth {
    /** The role dbx works as: the user every engine knows dbx by. */
    static final String USER = LabSecret.USER;

    static final String REPLICATION_USER = "dbx_replication";
    /** In the data directory: which scheme and which secret the roles were set up with. */
    static final String MARKER = "dbx-auth.conf";

    private static final String SCHEME = "version=1";
    private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(2);

    /** The whole of {@code pg_hba.conf}: SCRAM for everyone, loopback and the socket only. */
    static final String HBA = """
            # Written by dbx, and put back as it is by every start: every connection proves the lab's secret with
            # SCRAM-SHA-256. The server listens on 127.0.0.1 and on a unix socket in a directory only its owner
            # can enter. Roles: dbx (dbx's own work), dbx_replication (change data capture), postgres (superuser).
            # TYPE  DATABASE     USER             ADDRESS        METHOD
            local   all          all                             scram-sha-256
            host    all          all              127.0.0.1/32   scram-sha-256
            local   replication  dbx_replication                 scram-sha-256
            host    replication  dbx_replication  127.0.0.1/32   scram-sha-256
            """;

    private PostgresAuth() {}

    /**
     * A file for initdb's {@code --pwfile}: the superuser's password, as a SCRAM verifier (PostgreSQL stores a
     * password given in that form as it is), owner-only. The caller deletes it.
     */
    static Path superuserPasswordFile(EngineContext ctx) throws IOException {
        Path file = Files.createTempFile(ctx.home().resolve("tmp"), "pwfile-", "");
        PrivateFiles.file(file);
        Files.writeString(file, verifier(secret(ctx)) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    /**
     * A new cluster in {@code dir} (initdb done, with {@code postgres} as superuser): the roles, the database
     * {@code dbx} owned by {@code dbx}, {@code pg_hba.conf} and the marker.
     */
    static void initialize(PostgresBinaries binaries, EngineContext ctx, Path dir, String database) throws IOException {
        singleUser(
                binaries,
                ctx,
                dir,
                "postgres",
                rolesSql(secret(ctx)) + "CREATE DATABASE " + quote(database) + " OWNER " + quote(USER) + ";\n\n",
                "creating the roles and the database " + database);
        writeHba(dir);
        writeMarker(dir, ctx);
    }

    /**
     * An existing cluster in {@code dir}, not running: made current when it is not (see the class comment). Cheap
     * when nothing is to be done: two small files are read.
     */
    static void bringUpToDate(PostgresBinaries binaries, EngineContext ctx, Path dir, String database)
            throws IOException {
        Path marker = dir.resolve(MARKER);
        String found = Files.isRegularFile(marker) ? Files.readString(marker, StandardCharsets.UTF_8) : "";
        boolean current = found.equals(marker(ctx));
        boolean ours = found.lines().anyMatch(SCHEME::equals);
        if (!current) {
            if (ours) {
                SetupCommand.note(
                        ctx.logFile(), "dbx: the lab's secret has changed: setting the roles' passwords from it");
            } else {
                SetupCommand.note(
                        ctx.logFile(),
                        "dbx: this cluster was made by an older dbx (no password, no role dbx): creating the roles,"
                                + " giving the database " + database + " and its objects to dbx, requiring"
                                + " SCRAM-SHA-256 for every connection");
            }
            try {
                singleUser(
                        binaries,
                        ctx,
                        dir,
                        "postgres",
                        rolesSql(secret(ctx)) + "ALTER DATABASE " + quote(database) + " OWNER TO " + quote(USER)
                                + ";\n\n",
                        "setting up the roles");
                if (!ours) {
                    singleUser(binaries, ctx, dir, database, ownershipSql(), "giving dbx's objects to the role dbx");
                }
            } catch (IOException e) {
                throw new DbxException(
                        "the PostgreSQL cluster in " + dir + " could not be brought to password authentication: "
                                + e.getMessage() + " (see " + ctx.logFile() + ")",
                        "start afresh with: dbx down --engines postgres --wipe (its data is lost)");
            }
        }
        if (!Files.readString(dir.resolve("pg_hba.conf"), StandardCharsets.UTF_8)
                .equals(HBA)) {
            SetupCommand.note(ctx.logFile(), "dbx: rewriting pg_hba.conf (SCRAM-SHA-256 only)");
            writeHba(dir);
        }
        if (!current) {
            // last: a setup cut short is done again on the next start (every step can be repeated)
            writeMarker(dir, ctx);
        }
    }

    /**
     * Creates the roles unless they exist, and sets their attributes and passwords (idempotent). {@code dbx} gets
     * nothing a superuser has; {@code dbx_replication} is a member of {@code dbx} (with its privileges, not its
     * ownership of anything new it makes: it only reads and publishes). {@code dbx} may set
     * {@code session_replication_role}, which a sync into this PostgreSQL uses.
     */
    static String rolesSql(String secret) {
        return "DO $$ BEGIN"
                + " IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = " + literal(USER) + ") THEN"
                + " CREATE ROLE " + quote(USER) + "; END IF;"
                + " IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = " + literal(REPLICATION_USER)
                + ") THEN CREATE ROLE " + quote(REPLICATION_USER) + "; END IF;"
                + " END $$;\n\n"
                + "ALTER ROLE " + quote(USER)
                + " WITH LOGIN NOSUPERUSER CREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD "
                + literal(verifier(secret)) + ";\n\n"
                + "ALTER ROLE " + quote(REPLICATION_USER)
                + " WITH LOGIN REPLICATION NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD "
                + literal(verifier(secret)) + ";\n\n"
                + "GRANT " + quote(USER) + " TO " + quote(REPLICATION_USER) + " WITH INHERIT TRUE, SET FALSE;\n\n"
                // what a sync into this PostgreSQL needs to skip foreign-key triggers (as logical replication does) in
                // its own sessions; dbx owns the tables and could drop their constraints anyway
                + "GRANT SET ON PARAMETER session_replication_role TO " + quote(USER) + ";\n\n"
                + "ALTER ROLE " + quote(PostgresDataDirectory.SUPERUSER) + " WITH PASSWORD " + literal(verifier(secret))
                + ";\n\n";
    }

    /**
     * Run in the database {@code dbx} of a cluster made by an older dbx, where everything was made by the superuser:
     * gives its schemas, tables (with their indexes and sequences), views, sequences, routines and types to
     * {@code dbx}, so dbx's stores can still alter and drop them. Objects of extensions and of the system stay.
     */
    static String ownershipSql() {
        String owner = "'" + PostgresDataDirectory.SUPERUSER + "'::regrole";
        String userSchema = "n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'";
        String notOfAnExtension = "NOT EXISTS (SELECT FROM pg_catalog.pg_depend d WHERE d.classid = %s::regclass"
                + " AND d.objid = %s AND d.deptype = 'e')";
        String to = " OWNER TO " + quote(USER);
        // one DO block: no semicolon followed by an empty line inside (single-user mode's end of a statement)
        return "DO $$ DECLARE r record; BEGIN\n"
                + "FOR r IN SELECT format('ALTER SCHEMA %I" + to + "', n.nspname) AS s FROM pg_catalog.pg_namespace n"
                + " WHERE n.nspowner = " + owner + " AND " + userSchema + " AND "
                + notOfAnExtension.formatted("'pg_namespace'", "n.oid") + " LOOP EXECUTE r.s; END LOOP;\n"
                // tables first: their indexes, and the sequences their columns own, follow them
                + "FOR r IN SELECT format('ALTER %s %s" + to + "', CASE c.relkind WHEN 'v' THEN 'VIEW'"
                + " WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'c' THEN 'TYPE'"
                + " ELSE 'TABLE' END, c.oid::regclass) AS s"
                + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relowner = " + owner + " AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c') AND " + userSchema
                + " AND " + notOfAnExtension.formatted("'pg_class'", "c.oid") + " LOOP EXECUTE r.s; END LOOP;\n"
                // what is left is a sequence of its own
                + "FOR r IN SELECT format('ALTER SEQUENCE %s" + to + "', c.oid::regclass) AS s"
                + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relowner = " + owner + " AND c.relkind = 'S' AND " + userSchema + " AND "
                + notOfAnExtension.formatted("'pg_class'", "c.oid") + " LOOP EXECUTE r.s; END LOOP;\n"
                + "FOR r IN SELECT format('ALTER ROUTINE %s" + to + "', p.oid::regprocedure) AS s"
                + " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
                + " WHERE p.proowner = " + owner + " AND " + userSchema + " AND "
                + notOfAnExtension.formatted("'pg_proc'", "p.oid") + " LOOP EXECUTE r.s; END LOOP;\n"
                // domains, enums, ranges (a table's row type and an array type follow their owner)
                + "FOR r IN SELECT format('ALTER TYPE %s" + to + "', t.oid::regtype) AS s"
                + " FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE t.typowner = " + owner + " AND t.typtype IN ('d', 'e', 'r') AND " + userSchema + " AND "
                + notOfAnExtension.formatted("'pg_type'", "t.oid") + " LOOP EXECUTE r.s; END LOOP;\n"
                + "END $$;\n\n";
    }

    /** A SCRAM-SHA-256 verifier of {@code secret} with a fresh salt: what PostgreSQL keeps of a password. */
    static String verifier(String secret) {
        return PasswordUtil.encodeScramSha256(secret.toCharArray());
    }

    /** Replaces {@code pg_hba.conf} at once (never half-written), owner-only. */
    private static void writeHba(Path dir) throws IOException {
        write(dir.resolve("pg_hba.conf"), HBA);
    }

    private static void writeMarker(Path dir, EngineContext ctx) throws IOException {
        write(dir.resolve(MARKER), marker(ctx));
    }

    private static String marker(EngineContext ctx) {
        return "# Written by dbx: the roles " + USER + ", " + REPLICATION_USER + " and "
                + PostgresDataDirectory.SUPERUSER + " have the lab's secret (whose SHA-256 follows) as their"
                + " SCRAM-SHA-256 password.\n" + SCHEME + "\nsecret-sha256=" + sha256(secret(ctx)) + "\n";
    }

    private static void write(Path file, String text) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            PrivateFiles.file(tmp);
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Single-user mode: no port, no socket, no pg_hba.conf; nothing another process could reach meanwhile. */
    private static void singleUser(
            PostgresBinaries binaries, EngineContext ctx, Path dir, String database, String sql, String what)
            throws IOException {
        String output = SetupCommand.run(
                UserNamespace.wrap(List.of(
                        binaries.program("postgres").toString(), "--single", "-D", dir.toString(), "-j", database)),
                sql,
                ctx.logFile(),
                ctx.home().resolve("tmp"),
                SETUP_TIMEOUT);
        // single-user mode exits 0 even when a statement failed
        if (output.contains("ERROR:") || output.contains("FATAL:")) {
            throw new IOException(what + " failed");
        }
    }

    private static String secret(EngineContext ctx) {
        if (ctx.secret() == null || ctx.secret().isEmpty()) {
            throw new DbxException("no lab secret for PostgreSQL's roles (the engine context has none)");
        }
        return ctx.secret();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
