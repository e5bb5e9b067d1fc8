package dev.dbx.engine.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.engine.EngineContractIT;
import dev.dbx.engine.EngineState;
import dev.dbx.engine.Processes;
import dev.dbx.engine.RunningEngine;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
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
