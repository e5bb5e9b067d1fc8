package dev.dbx.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.Uris;
import dev.dbx.engine.CacheDir;
import dev.dbx.engine.Directories;
import dev.dbx.engine.EngineContext;
import dev.dbx.engine.EngineContractIT;
import dev.dbx.engine.EngineState;
import dev.dbx.engine.EngineStatus;
import dev.dbx.engine.EngineSupervisor;
import dev.dbx.engine.Engines;
import dev.dbx.engine.LabSecret;
import dev.dbx.engine.LocalEngine;
import dev.dbx.engine.Ports;
import dev.dbx.engine.PrivateFiles;
import dev.dbx.engine.Processes;
import dev.dbx.engine.RunningEngine;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PostgresEngineIT extends EngineContractIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Override
    protected String engineName() {
        return "postgres";
    }

    @Override
    protected String expectedProduct() {
        return "PostgreSQL";
    }

    @Override
    protected String expectedVersionPrefix() {
        return "17.";
    }

    @Test
    void dataWrittenSurvivesAStopAndStartOnTheSameDataDirectory() throws SQLException {
        try (RunningEngine pg = RunningEngine.start("postgres")) {
            execute(pg.uri(), "CREATE TABLE survivor (id int PRIMARY KEY, name text NOT NULL)");
            execute(pg.uri(), "INSERT INTO survivor VALUES (1, 'kept')");
            long firstPid = pg.pid();

            pg.supervisor().down(pg.engine());
            assertThat(Processes.isRunning(firstPid)).isFalse();
            EngineStatus again = pg.supervisor().up(pg.engine());

            assertThat(again.state()).isEqualTo(EngineState.running);
            assertThat(again.pid()).isNotEqualTo(firstPid);
            assertThat(again.uri()).isEqualTo(pg.uri());
            assertThat(queryOne(pg.uri(), "SELECT name FROM survivor WHERE id = 1"))
                    .isEqualTo("kept");
        }
    }

    @Test
    void runsWithTheSettingsChangeDataCaptureNeeds() throws SQLException {
        try (RunningEngine pg = RunningEngine.start("postgres")) {
            assertThat(queryOne(pg.uri(), "SHOW wal_level")).isEqualTo("logical");
            assertThat(queryOne(pg.uri(), "SHOW synchronous_commit")).isEqualTo("on");
            assertThat(queryOne(pg.uri(), "SHOW max_replication_slots")).isEqualTo("10");
            assertThat(queryOne(pg.uri(), "SHOW listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(queryOne(pg.uri(), "SELECT current_database()")).isEqualTo("dbx");
            assertThat(queryOne(pg.uri(), "SHOW server_encoding")).isEqualTo("UTF8");
            // what Debezium does first, as the replication role: a logical replication slot with the pgoutput plugin
            URI replication = as(pg.uri(), PostgresAuth.REPLICATION_USER, secret(pg));
            assertThat(queryOne(
                            replication,
                            "SELECT slot_name FROM pg_create_logical_replication_slot('dbx_it', 'pgoutput')"))
                    .isEqualTo("dbx_it");
            execute(replication, "SELECT pg_drop_replication_slot('dbx_it')");
        }
    }

    @Test
    void theSupervisedProcessIsThePostmasterItself() throws IOException {
        try (RunningEngine pg = RunningEngine.start("postgres")) {
            // unshare (as root) and setsid must have exec'd: the PID dbx signals is postgres, not a wrapper
            String cmdline = Files.readString(Path.of("/proc", Long.toString(pg.pid()), "cmdline"))
                    .replace('\0', ' ');
            assertThat(cmdline).contains("bin/postgres -D ").doesNotContain("unshare");
            assertThat(ProcessHandle.of(pg.pid()).orElseThrow().children()).isNotEmpty();
        }
    }

    @Test
    void dbxLogsInWithTheLabSecretAsARoleThatIsNotASuperuser() throws SQLException {
        try (RunningEngine pg = RunningEngine.start("postgres")) {
            assertThat(pg.uri().getUserInfo()).isEqualTo("dbx:" + secret(pg));
            assertThat(secret(pg)).hasSize(32);
            assertThat(queryOne(pg.uri(), "SELECT current_user")).isEqualTo("dbx");
            assertThat(queryOne(
                            pg.uri(),
                            "SELECT rolsuper || ' ' || rolcreatedb || ' ' || rolreplication"
                                    + " FROM pg_roles WHERE rolname = current_user"))
                    .isEqualTo("false true false");
            assertThat(queryOne(pg.uri(), "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'dbx'"))
                    .isEqualTo("dbx");
            assertThat(queryOne(pg.uri(), "SHOW password_encryption")).isEqualTo("scram-sha-256");
            // every role that can log in has a SCRAM verifier, none a plain or MD5 password
            assertThat(queryOne(
                            as(pg.uri(), "postgres", secret(pg)),
                            "SELECT string_agg(rolname || '=' || left(rolpassword, 13), ',' ORDER BY rolname)"
                                    + " FROM pg_authid WHERE rolcanlogin"))
                    .isEqualTo("dbx=SCRAM-SHA-256,dbx_replication=SCRAM-SHA-256,postgres=SCRAM-SHA-256");
        }
    }

    @Test
    void aConnectionWithoutTheSecretOrWithAWrongOneIsRefused() throws SQLException {
        try (RunningEngine pg = RunningEngine.start("postgres")) {
            for (String user : List.of("dbx", "dbx_replication", "postgres")) {
                // the server asks for SCRAM: pgjdbc, holding no password, cannot answer
                assertThatThrownBy(() -> queryOne(as(pg.uri(), user, null), "SELECT 1"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("SCRAM")
                        .hasMessageContaining("no password was provided");
                assertThatThrownBy(() -> queryOne(as(pg.uri(), user, "not-the-secret"), "SELECT 1"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("password authentication failed for user \"" + user + "\"");
                // even a password one character off
                String close = secret(pg).substring(0, 31) + (secret(pg).endsWith("A") ? "B" : "A");
                assertThatThrownBy(() -> queryOne(as(pg.uri(), user, close), "SELECT 1"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("password authentication failed for user \"" + user + "\"");
            }
            // the superuser knows the secret too, for a person who wants psql as superuser
            assertThat(queryOne(
                            as(pg.uri(), "postgres", secret(pg)),
                            "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"))
                    .isEqualTo("t");
        }
    }

    @Test
    void theUnixSocketAsksForThePasswordToo() throws IOException, InterruptedException {
        Assumptions.assumeTrue(onPath("psql"), "psql (Debian: postgresql-client) is not installed");
        try (ShortLab pg = new ShortLab()) {
            pg.up();
            Path socketDir = pg.home().resolve("run");
            assertThat(Files.exists(socketDir.resolve(".s.PGSQL." + pg.port))).isTrue();
            for (String user : List.of("dbx", "postgres")) {
                assertThat(psqlOverTheSocket(socketDir, pg.port, user, null))
                        .contains("no password supplied")
                        .doesNotContain("?column?");
                assertThat(psqlOverTheSocket(socketDir, pg.port, user, "not-the-secret"))
                        .contains("password authentication failed for user \"" + user + "\"");
                assertThat(psqlOverTheSocket(socketDir, pg.port, user, pg.secret()))
                        .isEqualTo(user);
            }
        }
    }

    @Test
    void asDbxNeitherProgramsNorTheServersFilesCanBeReached() throws SQLException {
        try (RunningEngine pg = RunningEngine.start("postgres")) {
            assertThatThrownBy(() -> execute(pg.uri(), "COPY (SELECT 1) TO PROGRAM 'true'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("pg_execute_server_program");
            execute(pg.uri(), "CREATE TABLE t (line text)");
            assertThatThrownBy(() -> execute(pg.uri(), "COPY t FROM '/etc/hostname'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("pg_read_server_files");
            assertThatThrownBy(() -> execute(pg.uri(), "COPY t TO '/tmp/dbx-should-not-exist'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("pg_write_server_files");
            assertThatThrownBy(() -> queryOne(pg.uri(), "SELECT pg_read_file('postgresql.conf')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> execute(pg.uri(), "ALTER SYSTEM SET fsync = off"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            // dbx does not become the superuser through the replication role either
            assertThatThrownBy(() -> execute(pg.uri(), "SET ROLE postgres"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void replicationConnectionsAreForTheReplicationRoleOnly() throws SQLException {
        try (RunningEngine pg = RunningEngine.start("postgres")) {
            // a table of dbx's, which the replication role (a member of dbx) can read and publish
            execute(pg.uri(), "CREATE TABLE published (id int PRIMARY KEY)");
            URI replication = as(pg.uri(), PostgresAuth.REPLICATION_USER, secret(pg));
            execute(replication, "CREATE PUBLICATION dbx_it FOR TABLE published");
            assertThat(queryOne(replication, "SELECT count(*) FROM published")).isEqualTo("0");
            assertThat(queryOne(replication, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"))
                    .isEqualTo("f");

            // logical (what Debezium streams with) and physical replication connections
            for (String kind : List.of("database", "true")) {
                try (Connection c = replicationConnection(replication, kind);
                        Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("IDENTIFY_SYSTEM")) {
                    assertThat(rs.next()).isTrue();
                }
            }
            // dbx may not: a logical one is refused for its role, a physical one by pg_hba.conf
            assertThatThrownBy(() -> replicationConnection(pg.uri(), "database").close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied to start WAL sender");
            assertThatThrownBy(() -> replicationConnection(pg.uri(), "true").close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("no pg_hba.conf entry for replication connection")
                    .hasMessageContaining("user \"dbx\"");
        }
    }

    @Test
    void theSocketDirectoryIsPrivateAndPgHbaTrustsNoOne() throws IOException {
        try (ShortLab pg = new ShortLab()) {
            pg.up();
            Path socket = pg.home().resolve("run").resolve(".s.PGSQL." + pg.port);
            assertThat(Files.exists(socket)).isTrue();
            assertThat(Files.getPosixFilePermissions(socket.getParent()))
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(Files.getPosixFilePermissions(socket)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            Path data = pg.home().resolve("data");
            String hba = Files.readString(data.resolve("pg_hba.conf"));
            assertThat(hba).doesNotContainIgnoringCase("trust").contains("scram-sha-256");
            assertThat(hba.lines().filter(l -> !l.isBlank() && !l.startsWith("#")))
                    .allSatisfy(line -> assertThat(line).endsWith("scram-sha-256"))
                    .contains("host    replication  dbx_replication  127.0.0.1/32   scram-sha-256");
            // initdb's password file is gone, and no file under the engine's home (log, data, WAL) holds the secret
            assertThat(listFiles(pg.home().resolve("tmp")))
                    .noneMatch(f -> f.getFileName().toString().startsWith("pwfile"));
            for (Path file : listFiles(pg.home())) {
                if (Files.size(file) <= 64 << 20) {
                    assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                            .as("%s", file)
                            .doesNotContain(pg.secret());
                }
            }
        }
    }

    @Test
    void aNewLabSecretIsTakenOnTheNextStart() throws IOException, SQLException {
        try (RunningEngine pg = RunningEngine.start("postgres")) {
            URI before = pg.uri();
            pg.supervisor().down(pg.engine());
            Files.writeString(LabSecret.path(pg.dataDir()), "A".repeat(16) + "b".repeat(16) + "\n");

            EngineStatus again = pg.supervisor().up(pg.engine());
            assertThat(again.uri().getUserInfo()).isEqualTo("dbx:" + "A".repeat(16) + "b".repeat(16));
            assertThat(queryOne(again.uri(), "SELECT current_user")).isEqualTo("dbx");
            assertThatThrownBy(() -> queryOne(before, "SELECT 1"))
                    .hasMessageContaining("password authentication failed");
        }
    }

    /**
     * A cluster as an older dbx left it: initdb with trust, the database dbx and its tables owned by the superuser, no
     * role dbx, a socket directory anyone could enter. The next start brings it to passwords and gives dbx its data.
     */
    @Test
    void aClusterMadeByAnOlderDbxIsMigratedOnStart() throws IOException, SQLException {
        try (ShortLab lab = new ShortLab()) {
            EngineContext ctx = lab.supervisor.context(lab.engine);
            PrivateFiles.directory(ctx.home().resolve("tmp"));
            PostgresBinaries binaries = PostgresBinaries.unpacked(lab.engine, ctx);
            SetupCommand.run(
                    UserNamespace.wrap(List.of(
                            binaries.program("initdb").toString(),
                            "--pgdata=" + ctx.dataDir(),
                            "--username=postgres",
                            "--encoding=UTF8",
                            "--locale-provider=builtin",
                            "--locale=C.UTF-8",
                            "--auth=trust",
                            "--no-instructions")),
                    null,
                    ctx.logFile(),
                    ctx.home().resolve("tmp"),
                    Duration.ofMinutes(2));
            singleUser(binaries, ctx, "postgres", "CREATE DATABASE dbx;\n");
            singleUser(
                    binaries,
                    ctx,
                    "dbx",
                    "CREATE TABLE kept (id serial PRIMARY KEY, name text NOT NULL);\n\n"
                            + "CREATE INDEX kept_name ON kept (name);\n\n"
                            + "INSERT INTO kept (name) VALUES ('old');\n\n"
                            + "CREATE VIEW kept_names AS SELECT name FROM kept;\n\n"
                            + "CREATE SEQUENCE loose;\n\n"
                            + "CREATE FUNCTION twice(int) RETURNS int LANGUAGE sql AS 'SELECT $1 * 2';\n\n"
                            + "CREATE TYPE mood AS ENUM ('ok');\n\n"
                            + "CREATE SCHEMA side;\n\n"
                            + "CREATE TABLE side.other (id int PRIMARY KEY);\n");
            assertThat(Files.readString(ctx.dataDir().resolve("pg_hba.conf"))).contains("trust");
            Path run = Files.createDirectories(ctx.home().resolve("run"));
            Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));

            URI uri = lab.up().uri();
            assertThat(uri.getUserInfo()).isEqualTo("dbx:" + lab.secret());
            assertThat(Files.readString(ctx.dataDir().resolve("pg_hba.conf"))).doesNotContain("trust");
            assertThat(Files.getPosixFilePermissions(run)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(queryOne(uri, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"))
                    .isEqualTo("f");
            assertThat(queryOne(uri, "SELECT name FROM kept WHERE id = 1")).isEqualTo("old");
            // dbx owns what the superuser had made: it can write, alter and drop it
            execute(uri, "INSERT INTO kept (name) VALUES ('new')");
            assertThat(queryOne(uri, "SELECT twice(max(id)) FROM kept")).isEqualTo("4");
            assertThat(queryOne(uri, "SELECT nextval('loose')")).isEqualTo("1");
            execute(uri, "ALTER TABLE kept DROP CONSTRAINT kept_pkey");
            execute(uri, "DROP VIEW kept_names");
            execute(uri, "DROP INDEX kept_name");
            execute(uri, "DROP TABLE kept, side.other");
            execute(uri, "DROP SCHEMA side");
            execute(uri, "DROP SEQUENCE loose");
            execute(uri, "DROP FUNCTION twice(int)");
            execute(uri, "DROP TYPE mood");
            assertThatThrownBy(() -> queryOne(as(uri, "postgres", null), "SELECT 1"))
                    .hasMessageContaining("no password was provided");
            assertThatThrownBy(() -> queryOne(as(uri, "dbx", "not-the-secret"), "SELECT 1"))
                    .hasMessageContaining("password authentication failed");

            // the next start finds it current: no single-user step runs again
            lab.supervisor.down(lab.engine);
            long setups = singleUserRuns(ctx);
            lab.up();
            assertThat(singleUserRuns(ctx)).isEqualTo(setups);
            assertThat(queryOne(uri, "SELECT current_user")).isEqualTo("dbx");
        }
    }

    private static long singleUserRuns(EngineContext ctx) throws IOException {
        return Files.readAllLines(ctx.logFile()).stream()
                .filter(l -> l.contains("--single"))
                .count();
    }

    /**
     * An engine in a data directory under the system's temporary directory, short enough for a unix socket path
     * (under target/ the path is too long, and the server listens on TCP only).
     */
    private static final class ShortLab implements AutoCloseable {
        final Path dataDir;
        final int port = Ports.freeRange(1);
        final LocalEngine engine = Engines.named("postgres");
        final EngineSupervisor supervisor;

        ShortLab() throws IOException {
            dataDir = Files.createTempDirectory("dbx-pg-");
            supervisor = new EngineSupervisor(dataDir, CacheDir.resolve(), e -> port, Duration.ofSeconds(5));
        }

        EngineStatus up() {
            return supervisor.up(engine);
        }

        Path home() {
            return supervisor.home(engine);
        }

        String secret() {
            return LabSecret.read(dataDir).orElseThrow();
        }

        @Override
        public void close() {
            supervisor.down(engine);
            supervisor.wipe(engine);
            Directories.delete(dataDir);
        }
    }

    private static void singleUser(PostgresBinaries binaries, EngineContext ctx, String database, String sql)
            throws IOException {
        String output = SetupCommand.run(
                UserNamespace.wrap(List.of(
                        binaries.program("postgres").toString(),
                        "--single",
                        "-D",
                        ctx.dataDir().toString(),
                        "-j",
                        database)),
                sql,
                ctx.logFile(),
                ctx.home().resolve("tmp"),
                Duration.ofMinutes(2));
        assertThat(output).doesNotContain("ERROR:").doesNotContain("FATAL:");
    }

    private static String secret(RunningEngine pg) {
        return Uris.password(pg.uri(), null);
    }

    /** {@code uri} with another user and password (none when null). */
    private static URI as(URI uri, String user, String password) {
        return URI.create("postgresql://" + user + (password == null ? "" : ":" + password) + "@" + uri.getHost() + ":"
                + uri.getPort() + uri.getPath());
    }

    /** A replication connection as the URI's user: {@code kind} "database" (logical) or "true" (physical). */
    private static Connection replicationConnection(URI uri, String kind) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", Uris.user(uri, null));
        props.setProperty("password", Uris.password(uri, null));
        props.setProperty("replication", kind);
        props.setProperty("assumeMinServerVersion", "9.4");
        props.setProperty("preferQueryMode", "simple");
        props.setProperty("connectTimeout", "10");
        return new org.postgresql.Driver()
                .connect("jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getPath(), props);
    }

    /** {@code SELECT current_user} by psql over the unix socket; its output (or error). */
    private static String psqlOverTheSocket(Path socketDir, int port, String user, String password)
            throws IOException, InterruptedException {
        Path passfile = Files.createTempFile("dbx-it-pgpass-", "");
        try {
            Files.setPosixFilePermissions(passfile, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(passfile, password == null ? "" : "*:*:*:*:" + password + "\n");
            ProcessBuilder builder = new ProcessBuilder(
                            "psql",
                            "-X",
                            "-w",
                            "-At",
                            "-h",
                            socketDir.toString(),
                            "-p",
                            Integer.toString(port),
                            "-U",
                            user,
                            "-d",
                            "dbx",
                            "-c",
                            "SELECT current_user")
                    .redirectErrorStream(true);
            builder.environment().remove("PGPASSWORD");
            builder.environment().put("PGPASSFILE", passfile.toString());
            Process p = builder.start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();
            return out;
        } finally {
            Files.deleteIfExists(passfile);
        }
    }

    private static boolean onPath(String program) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private static List<Path> listFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static void execute(URI uri, String sql) throws SQLException {
        try (Connection c = PostgresConnections.open(uri, TIMEOUT);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String queryOne(URI uri, String sql) throws SQLException {
        try (Connection c = PostgresConnections.open(uri, TIMEOUT);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as("a row from %s", sql).isTrue();
            return rs.getString(1);
        }
    }
}
