package dev.dbx.app;

import static dev.dbx.app.InProcess.dbx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.app.InProcess.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load stopped half-way (the user's Ctrl-C, or a kill) says what it left and how to finish or undo it, and every
 * later command knows the store holds a partial load: dbx load refuses to call it loaded, dbx verify fails on it.
 */
class InterruptedLoadIT {
    @TempDir
    Path dir;

    @Test
    void aLoadStoppedHalfWayIsNamedAsPartialEverywhere() throws Exception {
        Path root = Path.of(System.getProperty("dbx.project.root", ".."));
        Path target = root.resolve("app/target");
        String classpath = target.resolve("dbx-app.jar") + ":" + Files.readString(target.resolve("classpath.txt"));
        String data = dir.resolve("data").toString();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                classpath.strip(),
                "dev.dbx.app.Dbx",
                "load",
                "--data-dir",
                data,
                "--dataset",
                "tpch",
                "--scale",
                "0.1",
                "--stores",
                "sqlite"));
        Path err = dir.resolve("stderr.txt");
        Process load = new ProcessBuilder(command)
                .redirectError(err.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Path record = dir.resolve("data/loads/sqlite.json");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!(Files.exists(record) && Files.readString(record).contains("LOADING"))
                && Instant.now().isBefore(deadline)
                && load.isAlive()) {
            Thread.sleep(100);
        }
        assertThat(load.isAlive()).as("the load is still running when stopped").isTrue();
        Thread.sleep(500); // some rows in
        load.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C (SIGINT)
        assertThat(load.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(Files.readString(err))
                .contains("dbx: interrupted: store sqlite holds a partial TPC-H SF 0.1")
                .contains("dbx load --dataset tpch --replace --stores sqlite")
                .contains("dbx drop --dataset tpch --stores sqlite");

        Run again = dbx("load", "--data-dir", data, "--dataset", "tpch", "--scale", "0.1", "--stores", "sqlite");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("holds a partial tpch load").contains("never finished");
        Run verify = dbx("verify", "--data-dir", data, "--stores", "sqlite");
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.out()).contains("sqlite: its load of TPC-H SF 0.1 never finished");
    }
}
