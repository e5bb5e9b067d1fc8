package dev.dbx.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dbx churn}'s bad input: exit code 2 with what was wrong and how to get help, before any store is written to.
 * The store without order entry is SQLite, embedded (a real engine, nothing to start).
 */
class ChurnCliIT {
    @TempDir
    Path dir;

    @Test
    void badFlagsAndAStoreWithoutOrderEntryAreBadUsage() {
        expectUsage("--rate must be a positive number of operations per second, not 0.0", "churn", "--rate", "0");
        expectUsage("--rate must be a positive number", "churn", "--rate", "-5");
        expectUsage("Invalid value for option '--rate'", "churn", "--rate", "fast");
        expectUsage("--duration must be positive", "churn", "--duration", "0s");
        expectUsage("--duration", "churn", "--duration", "soon");
        expectUsage("--threads must be at least 1", "churn", "--threads", "0");
        expectUsage("unknown arrival 'bursty'", "churn", "--arrival", "bursty");
        expectUsage("nosuch", "--store", "nosuch", "churn");
        expectUsage("scale", "churn", "--scale", "-1");
        expectUsage("one store at a time", "--store", "postgres", "--store", "sqlite", "churn");
        expectUsage(
                "store sqlite has no order entry on TPC-H (no OrderEntry capability)",
                "--store",
                "sqlite",
                "churn",
                "--duration",
                "1s");
    }

    private void expectUsage(String message, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        InProcess.Run run = InProcess.dbx(all);
        assertThat(run.exit()).as(String.join(" ", args) + "\n" + run.err()).isEqualTo(2);
        assertThat(run.err())
                .contains(message)
                .contains("Try 'dbx churn --help'.")
                .doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }
}
