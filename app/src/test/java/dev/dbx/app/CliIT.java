package dev.dbx.app;

import static dev.dbx.app.InProcess.dbx;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbx.app.InProcess.Run;
import dev.dbx.engine.Ports;
import dev.dbx.engine.PrivateFiles;
import dev.dbx.engine.Processes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a user meets it: real engines (Redis, the fastest to start; SQLite, embedded), and every bad
 * input the foundation promises a clear one-line error for.
 */
class CliIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String dataDir() {
        return dir.resolve("data").toString();
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"up", "status", "down", "load", "verify", "import", "demo"}) {
            Run run = dbx(command, "--help");
            assertThat(run.exit()).as(command).isZero();
            assertThat(run.out()).as(command).contains("Usage: dbx " + command);
        }
    }

    @Test
    void anUnknownFlagIsAUsageError() {
        Run run = dbx("up", "--bogus");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--bogus'").contains("dbx up --help");
    }

    @Test
    void anUnknownEngineIsNamedWithTheKnownOnes() {
        Run run = dbx("up", "--data-dir", dataDir(), "--engines", "oracle");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .contains("unknown engine 'oracle'")
                .contains("postgres")
                .contains("redis");
    }

    @Test
    void poolSizesAreCheckedWhereverTheyComeFrom() throws IOException {
        Run zero = dbx("status", "--data-dir", dataDir(), "--pool", "postgres=0");
        assertThat(zero.exit()).isEqualTo(1);
        assertThat(zero.err()).contains("--pool: pool size 0 is out of range").contains("1 to 1024");
        Run unknown = dbx("status", "--data-dir", dataDir(), "--pool", "oracle=4");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown store 'oracle'").contains("known stores");
        Path yaml = Files.writeString(dir.resolve("dbx.yaml"), "pools:\n  redis: many\n");
        Run bad = dbx("status", "--data-dir", dataDir(), "--config", yaml.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("dbx.yaml").doesNotContain("Exception");
    }

    @Test
    void aMalformedStoreUriSaysWhatItExpects() {
        Run run = dbx("status", "--data-dir", dataDir(), "--store", "mongo=db.example:27017");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("mongo").contains("mongodb://");
    }

    @Test
    void anUnreachableExternalServerFailsQuicklyWithoutShowingThePassword() {
        int dead = Ports.freeRange(1);
        Instant start = Instant.now();
        Run run = dbx(
                "up",
                "--data-dir",
                dataDir(),
                "--timeout",
                "2s",
                "--engines",
                "sqlite",
                "--store",
                "postgres=postgresql://dbx:secret@127.0.0.1:" + dead + "/dbx");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(60));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("postgres (external").contains("refused the connection");
        assertThat(run.out() + run.err()).doesNotContain("secret").contains("dbx:***@");
    }

    @Test
    void aPortInUseIsNamedWithHowToPickAnother() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            Run run = dbx("up", "--data-dir", dataDir(), "--engines", "redis", "--port", "redis=" + port);
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err())
                    .contains("port " + port + " (redis client) on 127.0.0.1 is already in use")
                    .contains("--port redis=");
        }
    }

    @Test
    void aDataDirectoryThatCannotBeWrittenIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        Run run = dbx("up", "--data-dir", file.resolve("data").toString(), "--engines", "redis");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("not writable").contains("--data-dir");
    }

    @Test
    void upStatusCrashAndDownOnARealEngine() throws Exception {
        String port = Integer.toString(Ports.freeRange(1));
        Run up = dbx("up", "--data-dir", dataDir(), "--engines", "redis,sqlite", "--port", "redis=" + port);
        assertThat(up.exit()).as(up.err()).isZero();
        assertThat(up.out())
                .contains("redis")
                .contains("running")
                .contains("sqlite")
                .contains("embedded");

        Run again = dbx("up", "--data-dir", dataDir(), "--engines", "redis", "--port", "redis=" + port);
        assertThat(again.exit()).isZero();
        assertThat(again.err()).contains("already running");

        JsonNode status =
                JSON.readTree(dbx("status", "--data-dir", dataDir(), "--json").out());
        JsonNode redis = engine(status, "redis");
        assertThat(redis.get("state").asText()).isEqualTo("running");
        assertThat(redis.get("server").asText()).startsWith("Redis ");
        assertThat(redis.get("uri").asText()).isEqualTo("redis://dbx:***@127.0.0.1:" + port);
        assertThat(redis.get("rssBytes").asLong()).isPositive();
        long pid = redis.get("pid").asLong();
        assertThat(engine(status, "sqlite").get("state").asText()).isEqualTo("embedded");
        assertThat(engine(status, "postgres").get("state").asText()).isEqualTo("stopped");

        Processes.signal(pid, "KILL");
        Instant deadline = Instant.now().plusSeconds(10);
        while (Processes.isRunning(pid) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        Run crashed = dbx("status", "--data-dir", dataDir(), "--engines", "redis");
        assertThat(crashed.exit()).isEqualTo(1);
        assertThat(crashed.out()).contains("crashed").contains("last lines of its log");

        Run down = dbx("down", "--data-dir", dataDir(), "--wipe");
        assertThat(down.exit()).isZero();
        assertThat(Processes.isRunning(pid)).isFalse();
        JsonNode after =
                JSON.readTree(dbx("status", "--data-dir", dataDir(), "--json").out());
        assertThat(engine(after, "redis").get("state").asText()).isEqualTo("stopped");
    }

    @Test
    void loadRefusesASecondLoadWithoutReplaceAndVerifyComparesStores() {
        Run load = dbx("load", "--data-dir", dataDir(), "--dataset", "tpch", "--scale", "0.01", "--stores", "sqlite");
        assertThat(load.exit()).as(load.err()).isZero();
        assertThat(load.out()).contains("sqlite").contains("86,805").contains("ok");

        Run again = dbx("load", "--data-dir", dataDir(), "--dataset", "tpch", "--stores", "sqlite");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("already holds the tpch dataset").contains("--replace");

        Run wrong = dbx("load", "--data-dir", dataDir(), "--dataset", "tpch", "--records", "5", "--stores", "sqlite");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains("--records applies to --dataset ycsb");

        Run verify = dbx("verify", "--data-dir", dataDir(), "--stores", "sqlite", "--json");
        assertThat(verify.exit()).isZero();
        assertThat(verify.out()).contains("\"equal\" : true").contains("\"count\" : 60175");
    }

    @Test
    void verifySaysDifferentWhenAStoreWasChangedBehindItsBack() throws Exception {
        Run load = dbx(
                "load", "--data-dir", dataDir(), "--dataset", "tpch", "--scale", "0.01", "--stores", "sqlite,duckdb");
        assertThat(load.exit()).as(load.err()).isZero();
        Run same = dbx("verify", "--data-dir", dataDir(), "--stores", "sqlite,duckdb", "--against", "sqlite");
        assertThat(same.exit()).as(same.out()).isZero();
        assertThat(same.out()).contains("every store holds the same tpch data");

        // behind dbx's back, with DuckDB's own driver: one nation gone
        Path duckdb = Path.of(dataDir(), "embedded", "duckdb", "dbx.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + duckdb);
                Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("DELETE FROM nation WHERE n_nationkey = 7"))
                    .isEqualTo(1);
        }

        Run table = dbx("verify", "--data-dir", dataDir(), "--stores", "sqlite,duckdb", "--against", "sqlite");
        assertThat(table.exit()).isEqualTo(1);
        assertThat(table.out())
                .containsPattern("nation\s+25 ✓\s+24 ✗")
                .containsPattern("region\s+5 ✓\s+5 ✓")
                .containsPattern("checksums\s+equal\s+DIFFERENT")
                .contains("duckdb nation: 24 rows, sqlite has 25 (-1)");

        Run json = dbx("verify", "--data-dir", dataDir(), "--stores", "sqlite,duckdb", "--against", "sqlite", "--json");
        assertThat(json.exit()).isEqualTo(1);
        JsonNode root = JSON.readTree(json.out());
        assertThat(root.get("equal").asBoolean()).isFalse();
        assertThat(root.get("differences").toString()).contains("duckdb nation: 24 rows");
        for (JsonNode store : root.get("stores")) {
            for (JsonNode entity : store.get("entities")) {
                boolean changed = store.get("store").asText().equals("duckdb")
                        && entity.get("entity").asText().equals("nation");
                assertThat(entity.get("matches").asBoolean())
                        .as(
                                "%s %s",
                                store.get("store").asText(),
                                entity.get("entity").asText())
                        .isEqualTo(!changed);
            }
        }
    }

    @Test
    void aReferenceThatCannotBeReadIsSaidPlainlyNotACrash() throws Exception {
        Run load = dbx(
                "load", "--data-dir", dataDir(), "--dataset", "tpch", "--scale", "0.01", "--stores", "sqlite,duckdb");
        assertThat(load.exit()).as(load.err()).isZero();
        Path sqlite = Path.of(dataDir(), "embedded", "sqlite", "dbx.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = OFF");
            s.execute("DROP TABLE lineitem");
        }
        String[] verify = {"verify", "--data-dir", dataDir(), "--stores", "sqlite,duckdb", "--against", "sqlite"};
        Run table = dbx(verify);
        String[] withJson = Arrays.copyOf(verify, verify.length + 1);
        withJson[verify.length] = "--json";
        Run json = dbx(withJson);
        for (Run run : List.of(table, json)) {
            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(run.err())
                    .contains("cannot verify tpch: the reference sqlite cannot be read (lineitem: cannot read it")
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
        }
        assertThat(table.out()).contains("not compared").doesNotContain("every store holds the same");
        assertThat(JSON.readTree(json.out()).get("referenceErrors").toString()).contains("lineitem");
    }

    /** Every character a URI reserves, and the percent sign, in one password; and each alone. */
    private static final String[] PASSWORDS = {"p/ w#o?r@d%x", "sl/ash", "sp ace", "ha#sh", "qu?ery", "a@t", "per%cent"
    };

    @Test
    void aPasswordWithReservedCharactersNeverAppearsInAnyOutputOrLog() throws Exception {
        int dead = Ports.freeRange(1);
        for (String password : PASSWORDS) {
            String uri = "postgresql://dbx:" + password + "@127.0.0.1:" + dead + "/dbx";
            String mongo = "mongodb://dbx:" + password + "@127.0.0.1:" + dead + "/dbx";
            Path yaml = Files.writeString(dir.resolve("dbx.yaml"), "stores:\n  postgres: '" + uri + "'\n");
            List<Run> runs = new ArrayList<>();
            runs.add(dbx("status", "--data-dir", dataDir(), "--timeout", "1s", "--store", "postgres=" + uri));
            runs.add(dbx("status", "--data-dir", dataDir(), "--timeout", "1s", "--store", "postgres=" + uri, "--json"));
            runs.add(dbx(
                    "up",
                    "--data-dir",
                    dataDir(),
                    "--timeout",
                    "1s",
                    "--engines",
                    "sqlite",
                    "--store",
                    "mongo=" + mongo));
            runs.add(dbx(
                    "load",
                    "--data-dir",
                    dataDir(),
                    "--timeout",
                    "1s",
                    "--dataset",
                    "tpch",
                    "--stores",
                    "postgres",
                    "--store",
                    "postgres=" + uri));
            runs.add(dbx(
                    "verify",
                    "--data-dir",
                    dataDir(),
                    "--timeout",
                    "1s",
                    "--stores",
                    "postgres",
                    "--store",
                    "postgres=" + uri));
            runs.add(dbx("status", "--data-dir", dataDir(), "--timeout", "1s", "--config", yaml.toString()));
            runs.add(dbx("status", "--data-dir", dataDir(), "--timeout", "1s", "--store", uri));
            Dbx.environment = Map.of("DBX_STORE_POSTGRES", uri);
            try {
                runs.add(dbx("status", "--data-dir", dataDir(), "--timeout", "1s", "--json"));
            } finally {
                Dbx.environment = System.getenv();
            }
            for (Run run : runs) {
                assertThat(run.out() + run.err())
                        .as("output for password %s", password)
                        .doesNotContain(password)
                        .doesNotContain(java.net.URLEncoder.encode(password, StandardCharsets.UTF_8));
            }
            assertThat(runs.get(0).out() + runs.get(1).out()).contains("dbx:***@127.0.0.1:" + dead);
            Path log = Path.of(dataDir(), "dbx.log");
            if (Files.exists(log)) {
                assertThat(Files.readString(log)).doesNotContain(password);
            }
        }
    }

    @Test
    void settingsThatCannotWorkAreRefusedWithWhatToDo() throws IOException {
        Run negative = dbx("status", "--data-dir", dataDir(), "--timeout", "-5s");
        assertThat(negative.exit()).isEqualTo(1);
        assertThat(negative.err()).contains("the timeout must be more than 0");

        Run port = dbx("status", "--data-dir", dataDir(), "--port", "nosuch=1");
        assertThat(port.exit()).isEqualTo(1);
        assertThat(port.err()).contains("unknown engine 'nosuch'").contains("known engines");

        Path typo = Files.writeString(dir.resolve("typo.yaml"), "engines:\n  postgress:\n    port: 25432\n");
        Run engine = dbx("status", "--data-dir", dataDir(), "--config", typo.toString());
        assertThat(engine.exit()).isEqualTo(1);
        assertThat(engine.err()).contains("unknown engine 'postgress'");

        Path broken = Files.writeString(dir.resolve("broken.yaml"), "stores:\n  mongo: 'unclosed\ntimeout: 5s\n");
        Run yaml = dbx("status", "--data-dir", dataDir(), "--config", broken.toString());
        assertThat(yaml.exit()).isEqualTo(1);
        assertThat(yaml.err())
                .contains("is not valid YAML at line")
                .doesNotContain("Exception")
                .doesNotContain("[Source:");
        Path list = Files.writeString(dir.resolve("list.yaml"), "stores:\n  mongo: [a, b]\n");
        Run kind = dbx("status", "--data-dir", dataDir(), "--config", list.toString());
        assertThat(kind.exit()).isEqualTo(1);
        assertThat(kind.err()).contains("stores.mongo at line 2 should be text").doesNotContain("JsonToken");

        Run range = dbx("status", "--data-dir", dataDir(), "--store", "elasticsearch=http://127.0.0.1:99999");
        assertThat(range.exit()).isEqualTo(1);
        assertThat(range.err()).contains("port 99999 is out of range").doesNotContain("Exception");
        Run word = dbx("status", "--data-dir", dataDir(), "--store", "redis=redis://127.0.0.1:abc");
        assertThat(word.exit()).isEqualTo(1);
        assertThat(word.err()).contains("port 'abc' is not a number").doesNotContain("names no host");
    }

    @Test
    void twoEnginesOnOnePortAreRefusedBeforeEitherStarts() {
        int port = Ports.freeRange(2);
        Run run = dbx(
                "up",
                "--data-dir",
                dataDir(),
                "--engines",
                "redis,postgres",
                "--port",
                "redis=" + port,
                "--port",
                "postgres=" + port);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("port " + port + " is given to both").contains("--port");
        assertThat(Path.of(dataDir(), "engines", "postgres", "data")).doesNotExist();
        assertThat(Path.of(dataDir(), "engines", "redis", "engine.json")).doesNotExist();
    }

    @Test
    void statusFailsForAnUnreachableExternalStoreAsForACrashedEngine() {
        Run run = dbx(
                "status",
                "--data-dir",
                dataDir(),
                "--timeout",
                "1s",
                "--engines",
                "sqlite",
                "--store",
                "redis=redis://127.0.0.1:" + Ports.freeRange(1));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("unreachable");
    }

    @Test
    void theLogIsAppendedToNotEmptiedByEachRun() throws IOException {
        assertThat(dbx("status", "--data-dir", dataDir(), "--engines", "sqlite").exit())
                .isZero();
        Path log = Path.of(dataDir(), "dbx.log");
        Files.writeString(log, "an earlier run's stack trace\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(dbx("status", "--data-dir", dataDir(), "--engines", "sqlite").exit())
                .isZero();
        assertThat(Files.readString(log)).contains("an earlier run's stack trace");
        assertThat(java.nio.file.Files.getPosixFilePermissions(log))
                .containsExactlyInAnyOrder(
                        java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void aLoadTooBigForTheDiskIsRefusedBeforeAnythingIsDropped() {
        assertThat(dbx("load", "--data-dir", dataDir(), "--dataset", "ycsb", "--records", "100", "--stores", "sqlite")
                        .exit())
                .isZero();
        Run huge = dbx(
                "load",
                "--data-dir",
                dataDir(),
                "--dataset",
                "ycsb",
                "--records",
                "99999999999",
                "--replace",
                "--stores",
                "sqlite");
        assertThat(huge.exit()).isEqualTo(1);
        assertThat(huge.err()).contains("needs about").contains("is free under").contains("--ignore-space");
        Run tpch = dbx("load", "--data-dir", dataDir(), "--dataset", "tpch", "--scale", "1000", "--stores", "sqlite");
        assertThat(tpch.exit()).isEqualTo(1);
        assertThat(tpch.err()).contains("TPC-H SF 1000 needs about 2.2 TB per store");
        Run verify = dbx("verify", "--data-dir", dataDir(), "--stores", "sqlite", "--dataset", "ycsb");
        assertThat(verify.exit()).as("the 100 records are still there, whole").isZero();
        assertThat(verify.out()).contains("100 ✓");
    }

    @Test
    void aSecondLoaderOfTheSameStoreIsToldWhoHoldsIt() throws Exception {
        dev.dbx.lab.Lab lab = new dev.dbx.lab.Lab(dev.dbx.core.config.ConfigLoader.load(
                new dev.dbx.core.config.ConfigLoader.Overrides(null, Path.of(dataDir()), Map.of(), Map.of(), null),
                Map.of()));
        try (AutoCloseable held = new dev.dbx.lab.LoadRecords(lab.dataDir()).lock(lab.store("sqlite"))) {
            Run second =
                    dbx("load", "--data-dir", dataDir(), "--dataset", "ycsb", "--records", "10", "--stores", "sqlite");
            assertThat(second.exit()).isEqualTo(1);
            assertThat(second.err()).contains("another dbx is loading into store sqlite right now");
        }
    }

    @Test
    void verifySaysWhichCheckAppliedAndNamesAPartialLoad() throws IOException {
        Run load = dbx(
                "load", "--data-dir", dataDir(), "--dataset", "tpch", "--scale", "0.01", "--stores", "sqlite,duckdb");
        assertThat(load.exit()).as(load.err()).isZero();
        Run generated = dbx("verify", "--data-dir", dataDir(), "--stores", "sqlite,duckdb");
        assertThat(generated.exit()).isZero();
        assertThat(generated.out())
                .contains("check: every store against the dataset as generated (TPC-H SF 0.01)")
                .contains("reference: generated");

        // what a load cut short leaves behind: its record never says complete
        Path record = Path.of(dataDir(), "loads", "duckdb.json");
        Files.writeString(record, Files.readString(record).replace("\"COMPLETE\"", "\"LOADING\""));
        Run partial = dbx("verify", "--data-dir", dataDir(), "--stores", "sqlite,duckdb", "--against", "sqlite");
        assertThat(partial.exit()).isEqualTo(1);
        assertThat(partial.out())
                .contains("duckdb: its load of TPC-H SF 0.01 never finished")
                .contains("check: every store against sqlite (the reference)");
        Run again = dbx("load", "--data-dir", dataDir(), "--dataset", "tpch", "--stores", "duckdb");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err())
                .contains("holds a partial tpch load")
                .contains("--replace")
                .contains("dbx drop");

        Run drop = dbx("drop", "--data-dir", dataDir(), "--dataset", "tpch", "--stores", "duckdb");
        assertThat(drop.exit()).isZero();
        assertThat(Files.readString(record)).doesNotContain("tpch");
    }

    @Test
    void noFileUnderTheDataDirectoryIsReadableByOtherUsers() throws IOException {
        String port = Integer.toString(Ports.freeRange(1));
        try {
            Run up = dbx("up", "--data-dir", dataDir(), "--engines", "redis,sqlite", "--port", "redis=" + port);
            assertThat(up.exit()).as(up.err()).isZero();
            Run load = dbx(
                    "load",
                    "--data-dir",
                    dataDir(),
                    "--dataset",
                    "ycsb",
                    "--records",
                    "200",
                    "--stores",
                    "redis,sqlite");
            assertThat(load.exit()).as(load.err()).isZero();
        } finally {
            dbx("down", "--data-dir", dataDir());
        }
        Path data = Path.of(dataDir());
        assertThat(Files.getPosixFilePermissions(data)).isEqualTo(PrivateFiles.DIRECTORY);
        List<String> readable = new ArrayList<>();
        try (var paths = Files.walk(data)) {
            paths.forEach(p -> {
                if (readableByOthers(data, p)) {
                    readable.add(p.toString());
                }
            });
        }
        assertThat(readable).as("paths other users can read").isEmpty();
        // what dbx and the engines it runs (umask 077) write is owner-only itself, not only behind a private directory
        for (String file : List.of(
                "secret", "dbx.log", "loads/redis.json", "engines/redis/server.log", "engines/redis/redis.conf")) {
            assertThat(Files.getPosixFilePermissions(data.resolve(file)))
                    .as(file)
                    .isEqualTo(PrivateFiles.FILE);
        }
        try (var aof = Files.walk(data.resolve("engines/redis/data"))) {
            aof.filter(Files::isRegularFile)
                    .forEach(f -> assertThat(mode(f)).as(f.toString()).isEqualTo(PrivateFiles.FILE));
        }
    }

    /** Whether a user other than the owner could open {@code path}: readable by them, below directories they may enter. */
    private static boolean readableByOthers(Path root, Path path) {
        for (Path dir = path.getParent(); dir != null && dir.startsWith(root); dir = dir.getParent()) {
            if (!mode(dir).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                return false;
            }
        }
        if (!mode(root).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE) && !path.equals(root)) {
            return false;
        }
        return mode(path).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
    }

    private static java.util.Set<java.nio.file.attribute.PosixFilePermission> mode(Path p) {
        try {
            return Files.getPosixFilePermissions(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void importEchoesNoInputWithoutBoundAndItsSummaryAddsUp() throws IOException {
        StringBuilder header = new StringBuilder("c_custkey");
        for (int i = 0; header.length() < 2_000_000; i++) {
            header.append(",no_such_column_").append(i);
        }
        Path wide = Files.writeString(dir.resolve("wide.csv"), header + "\n1,x\n");
        Run huge = dbx(
                "import",
                "--data-dir",
                dataDir(),
                "--entity",
                "customer",
                "--file",
                wide.toString(),
                "--stores",
                "sqlite");
        assertThat(huge.exit()).isEqualTo(1);
        assertThat(huge.err()).contains("does not have").hasSizeLessThan(5_000);

        assertThat(dbx("load", "--data-dir", dataDir(), "--dataset", "tpch", "--stores", "sqlite")
                        .exit())
                .isZero();
        Path file = Files.writeString(
                dir.resolve("customers.csv"),
                "c_custkey,c_name,c_address,c_nationkey,c_phone,c_acctbal,c_mktsegment,c_comment\n"
                        + "1601,Customer#1601,addr,3,13-123-456-7890,1.00,BUILDING,good\n"
                        + "1601,Customer#1601,addr,3,13-123-456-7890,1.00,BUILDING,again\n"
                        + "1602,Customer#1602,addr,3,13-123-456-7890,lots,BUILDING,bad\n");
        Run run = dbx(
                "import",
                "--data-dir",
                dataDir(),
                "--entity",
                "customer",
                "--file",
                file.toString(),
                "--stores",
                "sqlite");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("read 3 records of customer: 1 good, 2 quarantined")
                .contains("1 × duplicate key")
                .doesNotContain("line N");
        assertThat(run.err()).doesNotContain("well-formed");
        Path again = Files.writeString(dir.resolve("again.csv"), Files.readString(file));
        Run second = dbx(
                "import",
                "--data-dir",
                dataDir(),
                "--entity",
                "customer",
                "--file",
                again.toString(),
                "--stores",
                "sqlite",
                "--quarantine",
                again.toString());
        assertThat(second.exit()).isEqualTo(1);
        assertThat(second.err()).contains("is the input file");
        assertThat(Files.readString(again)).isEqualTo(Files.readString(file));
    }

    private static JsonNode engine(JsonNode status, String name) {
        for (JsonNode e : status.get("engines")) {
            if (e.get("name").asText().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no engine " + name + " in " + status);
    }
}
