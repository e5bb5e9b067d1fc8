package dev.dbx.engine.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.engine.EngineContext;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What needs no server: finding the binary, the generated configuration, the URIs. */
class ClickHouseEngineTest {
    /** A lab secret's shape: 32 base64url characters. */
    private static final String SECRET = "Zm9vYmFyYmF6cXV4LXNlY3JldF8wMTIz";

    /** {@code printf %s "$SECRET" | sha256sum} */
    private static final String SECRET_SHA256 = "1c8a10bb0c558fd8c48e71c8cc375f25af6b50340e6b9f24ce125753e5ea11fd";

    @TempDir
    Path dir;

    @Test
    void withoutTheServerBinaryItIsUnavailableAndSaysHowToInstallIt() {
        ClickHouseEngine engine = new ClickHouseEngine(List.of(dir));

        assertThat(engine.unavailableReason())
                .hasValueSatisfying(reason -> assertThat(reason)
                        .contains("clickhouse-server is not installed")
                        .contains("sudo apt-get install -y clickhouse-server clickhouse-client"));
        assertThat(engine.description()).contains("not installed");
    }

    @Test
    void anExecutableServerBinaryInTheSearchPathMakesItAvailable() throws IOException {
        Path binary = Files.createFile(dir.resolve("clickhouse-server"));
        assertThat(binary.toFile().setExecutable(true)).isTrue();

        ClickHouseEngine engine = new ClickHouseEngine(List.of(dir.resolve("elsewhere"), dir));

        assertThat(engine.unavailableReason()).isEmpty();
        assertThat(engine.serverBinary()).contains(binary);
    }

    @Test
    void theDefaultSearchPathIncludesTheSbinDirectories() {
        assertThat(ClickHouseEngine.defaultSearchPath()).contains(Path.of("/usr/sbin"), Path.of("/usr/bin"));
    }

    @Test
    void theConfigBindsLoopbackOnBothPortsAndKeepsEverythingUnderTheHome() throws IOException {
        EngineContext ctx = new EngineContext(
                "clickhouse", dir.resolve("home"), dir.resolve("cache"), "127.0.0.1", List.of(30123, 30124), SECRET);

        Path config = ClickHouseConfig.write(ctx);

        String xml = Files.readString(config);
        assertThat(config).startsWith(ctx.home());
        assertThat(xml)
                .contains("<listen_host>127.0.0.1</listen_host>")
                .contains("<http_port>30123</http_port>")
                .contains("<tcp_port>30124</tcp_port>")
                .contains("<path>" + ctx.dataDir().toAbsolutePath() + "/</path>")
                .contains("<tmp_path>" + ctx.dataDir().toAbsolutePath() + "/tmp/</tmp_path>")
                .contains("<console>1</console>")
                .doesNotContain("interserver_http_port")
                .doesNotContain("/var/");
        assertThat(xml).contains("<umask>077</umask>");
        String users = Files.readString(config.resolveSibling("users.xml"));
        assertThat(users).contains("<ip>127.0.0.1</ip>").doesNotContain("::/0");
    }

    @Test
    void theOnlyUserIsDbxByTheHashOfTheSecretInOwnerOnlyFiles() throws IOException {
        EngineContext ctx = new EngineContext(
                "clickhouse", dir.resolve("home"), dir.resolve("cache"), "127.0.0.1", List.of(30123, 30124), SECRET);

        Path config = ClickHouseConfig.write(ctx);

        String users = Files.readString(config.resolveSibling("users.xml"));
        assertThat(users)
                .contains("<dbx>")
                .contains("<password_sha256_hex>" + SECRET_SHA256 + "</password_sha256_hex>")
                .doesNotContain(SECRET)
                .doesNotContain("<password>");
        String userList = users.substring(users.indexOf("<users>"), users.indexOf("</users>"));
        assertThat(userList).as("no default user").doesNotContain("<default>");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.getParent())))
                .isEqualTo("rwx------");
        for (Path file : List.of(config, config.resolveSibling("users.xml"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .as("%s", file)
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void credentialsTravelInTheAuthorizationHeaderNeverInTheUrl() {
        URI uri = URI.create("clickhouse://dbx:" + SECRET + "@127.0.0.1:18123/default");

        assertThat(ClickHouseHttp.endpoint(uri).toString())
                .doesNotContain(SECRET)
                .doesNotContain("dbx");
        assertThat(ClickHouseHttp.authorization(uri))
                .contains("Basic "
                        + Base64.getEncoder().encodeToString(("dbx:" + SECRET).getBytes(StandardCharsets.UTF_8)));
        assertThat(ClickHouseHttp.authorization(URI.create("clickhouse://127.0.0.1:18123/default")))
                .isEmpty();
    }

    @Test
    void theUriNamesTheHttpPortAndTheDefaultDatabase() {
        ClickHouseEngine engine = new ClickHouseEngine(List.of(dir));
        EngineContext ctx = new EngineContext("clickhouse", dir, dir, "127.0.0.1", List.of(18123, 18124), SECRET);

        URI uri = engine.uri(ctx);

        assertThat(uri).hasToString("clickhouse://dbx:" + SECRET + "@127.0.0.1:18123/default");
        assertThat(ClickHouseHttp.endpoint(uri)).hasToString("http://127.0.0.1:18123/?database=default");
        assertThat(engine.defaultPort()).isEqualTo(18123);
        assertThat(engine.portNames()).containsExactly("http", "tcp");
        assertThat(engine.storeId()).contains("clickhouse");
    }
}
