package dev.dbx.engine.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.engine.EngineContext;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What needs no server: finding the binary, the generated configuration, the URIs. */
class ClickHouseEngineTest {
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
                "clickhouse", dir.resolve("home"), dir.resolve("cache"), "127.0.0.1", List.of(30123, 30124));

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
        String users = Files.readString(config.resolveSibling("users.xml"));
        assertThat(users).contains("<ip>127.0.0.1</ip>").doesNotContain("::/0");
    }

    @Test
    void theUriNamesTheHttpPortAndTheDefaultDatabase() {
        ClickHouseEngine engine = new ClickHouseEngine(List.of(dir));
        EngineContext ctx = new EngineContext("clickhouse", dir, dir, "127.0.0.1", List.of(18123, 18124));

        URI uri = engine.uri(ctx);

        assertThat(uri).hasToString("clickhouse://127.0.0.1:18123/default");
        assertThat(ClickHouseHttp.endpoint(uri)).hasToString("http://127.0.0.1:18123/?database=default");
        assertThat(engine.defaultPort()).isEqualTo(18123);
        assertThat(engine.portNames()).containsExactly("http", "tcp");
        assertThat(engine.storeId()).contains("clickhouse");
    }
}
