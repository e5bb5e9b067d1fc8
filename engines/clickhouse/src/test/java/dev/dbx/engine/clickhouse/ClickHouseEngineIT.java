package dev.dbx.engine.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.Uris;
import dev.dbx.engine.EngineContractIT;
import dev.dbx.engine.EngineState;
import dev.dbx.engine.PrivateFiles;
import dev.dbx.engine.Processes;
import dev.dbx.engine.RunningEngine;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ClickHouseEngineIT extends EngineContractIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Override
    protected String engineName() {
        return "clickhouse";
    }

    @Override
    protected String expectedProduct() {
        return "ClickHouse";
    }

    @Override
    protected String expectedVersionPrefix() {
        return installedMajorVersion() + ".";
    }

    @Test
    void onlyDbxWithTheLabsSecretGetsIn() {
        try (RunningEngine engine = RunningEngine.start(engineName())) {
            URI uri = engine.uri();
            String secret = secret(uri);
            assertThat(uri.getUserInfo()).isEqualTo("dbx:" + secret);
            assertThat(ClickHouseHttp.execute(uri, "SELECT 1", TIMEOUT)).isEqualTo("1\n");

            // 18.16 names the failure (192 unknown user, 193 wrong password); current servers say 516 for all
            assertRefused(as(uri, null), "Code: (192|516)[,.] ", secret(uri));
            assertRefused(as(uri, "dbx:not-the-lab-secret"), "Code: (193|516)[,.] ", secret(uri));
            assertRefused(as(uri, "dbx:"), "Code: (193|194|516)[,.] ", secret(uri));
            assertRefused(as(uri, "default:"), "Code: (192|516)[,.] ", secret(uri));
            assertRefused(as(uri, "default:" + secret), "Code: (192|516)[,.] ", secret(uri));
        }
    }

    @Test
    void theSecretIsInNoFileNorCommandLineAndTheDataIsOwnerOnly() throws IOException {
        try (RunningEngine engine = RunningEngine.start(engineName())) {
            URI uri = engine.uri();
            String secret = secret(uri);
            ClickHouseHttp.execute(uri, "CREATE TABLE t (x UInt8) ENGINE = MergeTree ORDER BY x", TIMEOUT);
            ClickHouseHttp.execute(uri, "INSERT INTO t VALUES (1)", TIMEOUT);

            Path home = engine.supervisor().home(engine.engine());
            String commandLine = Files.readString(Path.of("/proc", Long.toString(engine.pid()), "cmdline"));
            assertThat(commandLine).doesNotContain(secret);
            try (Stream<Path> walk = Files.walk(home)) {
                for (Path p : walk.toList()) {
                    if (Files.isRegularFile(p)) {
                        assertThat(Files.readString(p, StandardCharsets.ISO_8859_1))
                                .as("%s", p)
                                .doesNotContain(secret);
                    }
                }
            }
            assertEveryFileOwnerOnly(home.resolve("config"));
            assertEveryFileOwnerOnly(home.resolve("data"));
        }
    }

    /**
     * A data directory of an older dbx (a default user without password, the server's umask 027): the next start asks
     * for the secret, refuses the default user, makes the files owner-only, and the data is still there.
     */
    @Test
    void anOlderDataDirectoryIsBroughtToTheNewSchemeOnTheNextStart() throws IOException {
        try (RunningEngine engine = RunningEngine.start(engineName())) {
            URI uri = engine.uri();
            ClickHouseHttp.execute(uri, "CREATE TABLE kept (x UInt8) ENGINE = MergeTree ORDER BY x", TIMEOUT);
            ClickHouseHttp.execute(uri, "INSERT INTO kept VALUES (5)", TIMEOUT);
            engine.supervisor().down(engine.engine());
            Path home = engine.supervisor().home(engine.engine());
            Files.writeString(
                    home.resolve("config/users.xml"),
                    "<yandex><users><default><password></password>"
                            + "<networks><ip>127.0.0.1</ip></networks></default></users></yandex>");
            try (Stream<Path> walk = Files.walk(home.resolve("data"))) {
                for (Path p : walk.toList()) {
                    Files.setPosixFilePermissions(
                            p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-x---" : "rw-r-----"));
                }
            }

            engine.supervisor().up(engine.engine());

            assertRefused(as(uri, null), "Code: (192|516)[,.] ", secret(uri));
            assertThat(ClickHouseHttp.execute(uri, "SELECT x FROM kept FORMAT TSV", TIMEOUT))
                    .isEqualTo("5\n");
            assertEveryFileOwnerOnly(home.resolve("data"));
        }
    }

    @Test
    void aTableAndItsRowsSurviveAStopAndStartOnTheSameDataDirectory() {
        try (RunningEngine engine = RunningEngine.start(engineName())) {
            URI uri = engine.uri();
            ClickHouseHttp.execute(
                    uri, "CREATE TABLE kept (id UInt32, name String) ENGINE = MergeTree ORDER BY id", TIMEOUT);
            ClickHouseHttp.execute(uri, "INSERT INTO kept VALUES (1, 'survives')", TIMEOUT);

            engine.supervisor().down(engine.engine());
            assertThat(engine.supervisor().status(engine.engine(), false).state())
                    .isEqualTo(EngineState.stopped);
            engine.supervisor().up(engine.engine());

            assertThat(ClickHouseHttp.execute(uri, "SELECT id, name FROM kept FORMAT TSV", TIMEOUT))
                    .isEqualTo("1\tsurvives\n");
        }
    }

    @Test
    void itStartsAgainAfterASigkillLeftItsStatusFileBehind() {
        try (RunningEngine engine = RunningEngine.start(engineName())) {
            URI uri = engine.uri();
            ClickHouseHttp.execute(uri, "CREATE TABLE t (x UInt8) ENGINE = MergeTree ORDER BY x", TIMEOUT);
            ClickHouseHttp.execute(uri, "INSERT INTO t VALUES (7)", TIMEOUT);
            long pid = engine.pid();
            Processes.signal(pid, "KILL");
            waitUntilGone(pid);

            engine.supervisor().up(engine.engine());

            assertThat(engine.status().state()).isEqualTo(EngineState.running);
            assertThat(ClickHouseHttp.execute(uri, "SELECT x FROM t FORMAT TSV", TIMEOUT))
                    .isEqualTo("7\n");
        }
    }

    private static void assertRefused(URI uri, String code, String secret) {
        assertThatThrownBy(() -> ClickHouseHttp.execute(uri, "SELECT 1", TIMEOUT))
                .as("%s", Uris.redact(uri))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("answered HTTP")
                .hasMessageFindingMatch(code)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret));
    }

    /** {@code uri} with {@code userInfo} ("user:password", or none) instead of its own. */
    private static URI as(URI uri, String userInfo) {
        return URI.create("clickhouse://" + (userInfo == null ? "" : userInfo + "@") + uri.getHost() + ":"
                + uri.getPort() + uri.getPath());
    }

    private static String secret(URI uri) {
        String info = uri.getUserInfo();
        return info.substring(info.indexOf(':') + 1);
    }

    private static void assertEveryFileOwnerOnly(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> paths = walk.toList();
            assertThat(paths).hasSizeGreaterThan(1);
            for (Path p : paths) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                assertThat(Files.getPosixFilePermissions(p))
                        .as("%s", p)
                        .isEqualTo(Files.isDirectory(p) ? PrivateFiles.DIRECTORY : PrivateFiles.FILE);
            }
        }
    }

    /**
     * The major version of the installed package (Debian's is "18.16.1+ds-7.3+b2"); "18" when dpkg cannot tell,
     * Debian's being the only server available here.
     */
    private static String installedMajorVersion() {
        try {
            Process dpkg = new ProcessBuilder("dpkg-query", "-W", "-f=${Version}", "clickhouse-server")
                    .redirectErrorStream(true)
                    .start();
            String version = new String(dpkg.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (dpkg.waitFor(10, TimeUnit.SECONDS) && dpkg.exitValue() == 0 && version.matches("(\\d+:)?\\d+\\..*")) {
                return version.replaceFirst("^\\d+:", "").split("\\.")[0];
            }
        } catch (IOException e) {
            // no dpkg: fall back
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "18";
    }

    private static void waitUntilGone(long pid) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Processes.isRunning(pid) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(Processes.isRunning(pid)).as("process %d still alive", pid).isFalse();
    }
}
