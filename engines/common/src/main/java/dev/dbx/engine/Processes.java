package dev.dbx.engine;

import dev.dbx.core.os.ProcessTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** Linux process facts and signals for supervised servers, by PID. */
public final class Processes {
    private Processes() {}

    /** The live process with this PID, if it is the one that started at {@code startedAt} (PIDs get reused). */
    public static Optional<ProcessHandle> find(long pid, Instant startedAt) {
        return ProcessHandle.of(pid)
                .filter(p -> isRunning(p.pid()))
                .filter(p -> startedAt == null
                        || p.info()
                                .startInstant()
                                .map(s -> Math.abs(s.toEpochMilli() - startedAt.toEpochMilli()) < 2000)
                                .orElse(true));
    }

    /** Alive and not a zombie (an exited child nobody reaped still answers {@code kill -0}). */
    public static boolean isRunning(long pid) {
        long group = processGroup(pid);
        return group >= 0;
    }

    /**
     * Resident memory of the process and its descendants, with shared pages divided among the processes that share
     * them (PSS), so that a multi-process server such as PostgreSQL is not counted twice. Null when unreadable.
     */
    public static Long memoryBytes(ProcessHandle process) {
        OptionalLong bytes = ProcessTree.memoryBytes(process.pid());
        return bytes.isPresent() ? bytes.getAsLong() : null;
    }

    /** Sends {@code signal} to the process group led by {@code pid} (supervised servers lead their own). */
    public static void signalGroup(long pid, String signal) {
        run("kill", "-" + signal, "--", "-" + pid);
    }

    /** Sends {@code signal} to one process. */
    public static void signal(long pid, String signal) {
        run("kill", "-" + signal, Long.toString(pid));
    }

    private static void run(String... command) {
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether any process is still in the process group {@code pgid}. */
    public static boolean groupAlive(long pgid) {
        try (var dirs = Files.list(Path.of("/proc"))) {
            return dirs.map(d -> d.getFileName().toString())
                    .filter(n -> n.chars().allMatch(Character::isDigit))
                    .anyMatch(n -> processGroup(Long.parseLong(n)) == pgid);
        } catch (IOException e) {
            return false;
        }
    }

    private static long processGroup(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name may hold spaces and parentheses: fields start after the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            String state = fields[0];
            return "Z".equals(state) ? -1 : Long.parseLong(fields[2]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Polls {@code condition} every 100 ms until it holds (true) or {@code timeout} passes (false). */
    public static boolean waitUntil(java.util.function.BooleanSupplier condition, java.time.Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            sleep(java.time.Duration.ofMillis(100));
        }
        return true;
    }

    /** Sleeps; an interrupt ends the wait as an error (the interrupt flag kept). */
    public static void sleep(java.time.Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.dbx.core.DbxException("interrupted");
        }
    }
}
