package dev.dbx.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.store.ServerIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every local engine must do, checked against the real server: start, report its own identity, show as running
 * with a PID and memory, stop with no process left, and show as crashed after a SIGKILL. Each engine module's
 * {@code *EngineIT} extends this.
 */
public abstract class EngineContractIT {
    /** The engine under test. */
    protected abstract String engineName();

    /** The product the server must report, e.g. "PostgreSQL". */
    protected abstract String expectedProduct();

    /** The start of the version the server must report, e.g. "17.". */
    protected abstract String expectedVersionPrefix();

    @Test
    void startsReportsItsIdentityAndStopsWithNoProcessLeft() {
        List<Long> tree = new ArrayList<>();
        long pid;
        try (RunningEngine engine = RunningEngine.start(engineName())) {
            pid = engine.pid();
            ServerIdentity identity = engine.identity();
            assertThat(identity.product()).isEqualTo(expectedProduct());
            assertThat(identity.version()).startsWith(expectedVersionPrefix());

            EngineStatus status = engine.status();
            assertThat(status.state()).isEqualTo(EngineState.running);
            assertThat(status.pid()).isEqualTo(pid);
            assertThat(status.rssBytes()).isPositive();
            assertThat(status.identity()).isEqualTo(identity);
            assertThat(status.uri().getHost()).isEqualTo(EngineContext.LOOPBACK);

            tree.add(pid);
            ProcessHandle.of(pid).orElseThrow().descendants().forEach(p -> tree.add(p.pid()));
        }
        for (long p : tree) {
            assertThat(Processes.isRunning(p)).as("process %d left behind", p).isFalse();
        }
        assertThat(Processes.groupAlive(pid))
                .as("process group %d left behind", pid)
                .isFalse();
    }

    @Test
    void aServerKilledWithSigkillShowsAsCrashedWithItsLog() {
        try (RunningEngine engine = RunningEngine.start(engineName())) {
            long pid = engine.pid();
            Processes.signal(pid, "KILL");
            waitUntilGone(pid);

            EngineStatus status = engine.supervisor().status(engine.engine(), true);
            assertThat(status.state()).isEqualTo(EngineState.crashed);
            assertThat(status.pid()).isEqualTo(pid);
            assertThat(status.logTail()).isNotEmpty();
            assertThat(status.message()).contains("not stopped by dbx down");
        }
    }

    private static void waitUntilGone(long pid) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Processes.isRunning(pid) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(Processes.isRunning(pid))
                .as("process %d still alive after SIGKILL", pid)
                .isFalse();
    }
}
