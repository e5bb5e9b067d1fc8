package dev.dbx.engine.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a one-time setup step (unpack, initdb) to completion. Its output goes to the engine's log, where a failed
 * {@code dbx up} points, and is returned so the caller can look for errors a zero exit code hides.
 */
final class SetupCommand {
    private SetupCommand() {}

    static String run(List<String> command, String input, Path log, Path tmpDir, Duration timeout) throws IOException {
        note(log, "dbx: " + String.join(" ", command));
        Path output = Files.createTempFile(tmpDir, "setup-", ".out");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(tmpDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            try (var stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            boolean done = waitFor(process, timeout);
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (!done) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException(command.get(0) + " failed with exit code " + process.exitValue());
            }
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    static void note(Path log, String line) throws IOException {
        Files.writeString(
                log,
                "[" + Instant.now() + "] " + line + System.lineSeparator(),
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static boolean waitFor(Process process, Duration timeout) throws IOException {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException(
                    "interrupted while waiting for " + process.info().command().orElse("a command"));
        }
    }
}
