package dev.dbx.app;

import static dev.dbx.app.InProcess.dbx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.app.InProcess.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dbx bench ycsb-*} end to end through the command line. */
class BenchCliIT {

    @TempDir
    Path dir;

    private String data() {
        return dir.resolve("data").toString();
    }

    @Test
    void badInputIsAShortUsageErrorAndRunsNothing() throws Exception {
        String[][] cases = {
            {"ycsb-z", "'ycsb-z'"},
            {"ycsb-a", "--threads must be at least 1, not 0", "--threads", "0"},
            {"ycsb-a", "--duration and --ops", "--duration", "2s", "--ops", "100"},
            {"ycsb-a", "--ops must be at least 1", "--ops", "-5"},
            {"ycsb-a", "unknown store 'oracle'", "--stores", "oracle"},
            {"ycsb-a", "--sweep threads=", "--sweep", "threads="},
            {"ycsb-a", "'x' is not a number", "--sweep", "threads=1,x"},
            {"ycsb-a", "is not threads=... or rate=...", "--sweep", "speed=1,2"},
            {"ycsb-a", "'2parsecs' is not a duration", "--duration", "2parsecs"},
            {"ycsb-a", "--records must be at least 1", "--records", "0"},
        };
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("bench", c[0], "--data-dir", data()));
            args.addAll(List.of(c).subList(2, c.length));
            if (!args.contains("--stores")) {
                args.addAll(List.of("--stores", "sqlite"));
            }
            String what = String.join(" ", args);
            Run run = dbx(args.toArray(String[]::new));
            assertThat(run.exit()).as(what + "\n" + run.err()).isEqualTo(2);
            assertThat(run.out()).as(what).isEmpty();
            List<String> lines = run.err().lines().toList();
            assertThat(lines).as(what).hasSize(2);
            assertThat(lines.get(0)).as(what).startsWith("dbx: ").contains(c[1]);
            assertThat(lines.get(1)).as(what).startsWith("Try 'dbx bench");
        }
        assertThat(dbx("bench", "ycsb-z").err()).contains("ycsb-a").contains("ycsb-f");
        assertThat(dbx("runs", "--data-dir", data()).out()).contains("no runs yet");
        assertThat(dir.resolve("data/embedded")).doesNotExist();
    }
}
