package dev.dbx.sync.capture;

import static dev.dbx.sync.capture.server.CaptureFiles.*;

import dev.dbx.core.DbxException;
import dev.dbx.core.Uris;
import dev.dbx.core.sync.CaptureSource;
import dev.dbx.engine.EngineClasspath;
import dev.dbx.engine.LogTail;
import dev.dbx.engine.PrivateFiles;
import dev.dbx.engine.Processes;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Starts, stops and watches one capture pipeline's process: a JVM of its own (Debezium and Kafka Connect never load in
 * dbx's), in its own session, with its settings, offsets, progress and log in the pipeline's directory. Like the local
 * engines, every method works from another dbx process than the one that started it: the PID is kept in a file.
 */
public final class CaptureProcess {
    /** The name of the process's classpath resource ({@code META-INF/dbx/capture.classpath}). */
    static final String CLASSPATH_NAME = "capture";

    private static final String PROCESS_FILE = "process.properties";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(40);
    private static final int LOG_TAIL_LINES = 20;

    private final Path home;

    /** @param home the pipeline's own directory, e.g. {@code <data dir>/sync/tpch} */
    public CaptureProcess(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    public Path home() {
        return home;
    }

    public Path logFile() {
        return home.resolve(LOG);
    }

    /**
     * Starts the capture and waits until its connector runs (the snapshot or the stream has begun). A pipeline that
     * has offsets resumes from them, with no new snapshot.
     *
     * @throws DbxException when it already runs, or exits or hangs during its start (with its log's last lines)
     */
    public CaptureStatus start(CaptureConfig config) {
        Optional<ProcessHandle> running = process();
        if (running.isPresent()) {
            throw new DbxException(
                    "the capture in " + home + " already runs (process "
                            + running.get().pid() + ")",
                    "stop it first, or use another pipeline name");
        }
        try {
            PrivateFiles.directory(home);
            PrivateFiles.directory(home.resolve("tmp"));
            PrivateFiles.createFile(logFile());
            Files.deleteIfExists(home.resolve(STATUS));
            writeSettings(config);
        } catch (IOException e) {
            throw new DbxException(
                    "cannot prepare the capture's directory " + home + ": " + e.getMessage(),
                    "choose another data directory (--data-dir)");
        }
        Process process = spawn(command());
        Instant started = process.toHandle().info().startInstant().orElse(Instant.now());
        try {
            Properties p = new Properties();
            p.setProperty("pid", Long.toString(process.pid()));
            p.setProperty("started", started.toString());
            store(p, home.resolve(PROCESS_FILE));
        } catch (IOException e) {
            process.destroyForcibly();
            throw new DbxException("cannot write " + home.resolve(PROCESS_FILE) + ": " + e.getMessage());
        }
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            CaptureStatus status = status();
            if (status.state().equals("failed") && status.running()) {
                // it wrote why and is ending itself: let it exit, so its exit code can be told
                Processes.waitUntil(() -> !Processes.isRunning(status.pid()), Duration.ofSeconds(10));
                continue;
            }
            if (!status.running()) {
                throw new DbxException(
                        "the capture exited during its start" + exitCode(process)
                                + (status.error().isEmpty() ? "" : ": " + status.error()),
                        "its log is " + logFile() + "; last lines:\n  "
                                + String.join("\n  ", LogTail.of(logFile(), LOG_TAIL_LINES)));
            }
            if (!status.state().equals("starting")) {
                return status;
            }
            Processes.sleep(Duration.ofMillis(200));
        }
        kill();
        throw new DbxException(
                "the capture did not start within " + START_TIMEOUT.toSeconds() + " s; it was stopped",
                "its log is " + logFile());
    }

    /** Stops the capture cleanly (SIGTERM: it finishes its batch and stores its offsets), SIGKILL after a timeout. */
    public CaptureStatus stop() {
        Optional<ProcessHandle> process = process();
        if (process.isPresent()) {
            long pid = process.get().pid();
            Processes.signalGroup(pid, "TERM");
            if (!Processes.waitUntil(() -> !Processes.isRunning(pid), STOP_TIMEOUT)) {
                Processes.signalGroup(pid, "KILL");
                Processes.waitUntil(() -> !Processes.isRunning(pid), Duration.ofSeconds(10));
            }
        }
        try {
            Files.deleteIfExists(home.resolve(PROCESS_FILE));
        } catch (IOException e) {
            throw new DbxException("cannot remove " + home.resolve(PROCESS_FILE) + ": " + e.getMessage());
        }
        return status();
    }

    /** SIGKILL, as a crash would end it: nothing is flushed; the next start resumes from the last stored offsets. */
    public void kill() {
        Optional<ProcessHandle> process = process();
        if (process.isPresent()) {
            long pid = process.get().pid();
            Processes.signalGroup(pid, "KILL");
            Processes.waitUntil(() -> !Processes.isRunning(pid), Duration.ofSeconds(10));
        }
    }

    /**
     * Forgets where the pipeline was (its stored offsets): the next start takes a new snapshot. Needed after the source's
     * slot was dropped ({@code ChangeSource.drop}): Debezium would otherwise make a new slot and resume at the old
     * offset, silently missing what changed in between. The capture must not run.
     */
    public void reset() {
        Optional<ProcessHandle> running = process();
        if (running.isPresent()) {
            throw new DbxException(
                    "cannot reset the capture in " + home + " while it runs (process "
                            + running.get().pid() + ")",
                    "stop it first");
        }
        try {
            Files.deleteIfExists(home.resolve(OFFSETS));
            Files.deleteIfExists(home.resolve(STATUS));
            Files.deleteIfExists(home.resolve(PROCESS_FILE));
        } catch (IOException e) {
            throw new DbxException("cannot reset the capture in " + home + ": " + e.getMessage());
        }
    }

    /**
     * Whether the pipeline knows where it was (stored offsets): its next start resumes there; without them it begins
     * with a snapshot of the whole dataset.
     */
    public boolean hasOffsets() {
        return Files.exists(home.resolve(OFFSETS));
    }

    /** The process's state, PID and memory, and the progress it last wrote. */
    public CaptureStatus status() {
        Properties progress = read(home.resolve(STATUS));
        Optional<ProcessHandle> process = process();
        String written = progress.getProperty(STATE, "");
        String state;
        if (process.isPresent()) {
            state = written.isEmpty() ? "starting" : written;
        } else if (Files.exists(home.resolve(PROCESS_FILE))) {
            // started by dbx, never stopped by it: it failed (and said why), or it was killed
            state = written.equals("failed") ? "failed" : "crashed";
        } else {
            state = "stopped";
        }
        String updated = progress.getProperty(UPDATED_AT, "");
        return new CaptureStatus(
                state,
                process.map(ProcessHandle::pid).orElse(0L),
                process.map(Processes::memoryBytes).orElse(null),
                number(progress, EVENTS),
                number(progress, SNAPSHOT_EVENTS),
                progress.getProperty(LAST_POSITION, ""),
                number(progress, LAST_COMMITTED_AT),
                updated.isEmpty() ? null : Instant.parse(updated),
                progress.getProperty(ERROR, ""));
    }

    private Optional<ProcessHandle> process() {
        Properties p = read(home.resolve(PROCESS_FILE));
        String pid = p.getProperty("pid");
        if (pid == null) {
            return Optional.empty();
        }
        String started = p.getProperty("started");
        return Processes.find(Long.parseLong(pid), started == null ? null : Instant.parse(started));
    }

    /** The settings (no secret) and, owner-only, the passwords: the process reads that file once and deletes it. */
    private void writeSettings(CaptureConfig config) throws IOException {
        CaptureSource source = config.source();
        Properties s = new Properties();
        s.setProperty(DATASET, config.dataset());
        s.setProperty(PIPELINE, source.pipeline());
        s.setProperty(PG_HOST, config.sourceUri().getHost());
        s.setProperty(PG_PORT, Integer.toString(Uris.port(config.sourceUri(), 5432)));
        s.setProperty(PG_DATABASE, Uris.database(config.sourceUri(), "postgres"));
        s.setProperty(PG_USER, config.replicationUser());
        s.setProperty(SLOT, source.slot());
        s.setProperty(PUBLICATION, source.publication());
        s.setProperty(TABLES, String.join(",", source.tables()));
        s.setProperty(HEARTBEAT_TABLE, source.heartbeatTable());
        s.setProperty(HEARTBEAT_QUERY, source.heartbeatQuery());
        s.setProperty(HEARTBEAT_MS, Long.toString(config.heartbeat().toMillis()));
        s.setProperty(POLL_MS, Long.toString(config.poll().toMillis()));
        s.setProperty(PARTITIONS, Integer.toString(config.partitions()));
        Path settings = home.resolve(SETTINGS);
        PrivateFiles.createFile(settings);
        store(s, settings);

        Properties secrets = new Properties();
        secrets.setProperty(PG_PASSWORD, Uris.password(config.sourceUri(), ""));
        secrets.setProperty(KAFKA_URI, config.kafkaUri().toString());
        Path file = home.resolve(SECRETS);
        PrivateFiles.createFile(file);
        store(secrets, file);
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(
                "-Xms32m",
                "-Xmx256m",
                // a small heap on a shared machine: the serial collector costs the least memory and threads
                "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError",
                "-Djava.io.tmpdir=" + home.resolve("tmp")));
        if (Runtime.version().feature() >= 23) {
            // Kafka's clients reach sun.misc.Unsafe; JDK 23+ warns on every start (the flag is unknown before 23)
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.add("-cp");
        command.add(EngineClasspath.of(CLASSPATH_NAME, CaptureProcess.class.getClassLoader()));
        command.add(MAIN_CLASS);
        command.add(home.toString());
        return command;
    }

    /** In a session of its own (a Ctrl-C in dbx's terminal does not reach it), owner-only files, output to the log. */
    private Process spawn(List<String> command) {
        List<String> line = new ArrayList<>(
                List.of("setsid", "sh", "-c", "umask 077 && exec \"$@\"", "dbx-capture-" + home.getFileName()));
        line.addAll(command);
        try {
            Files.writeString(
                    logFile(),
                    "[" + Instant.now() + "] dbx: starting the capture: " + described(command) + "\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
            return new ProcessBuilder(line)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new DbxException("cannot start the capture process: " + e.getMessage());
        }
    }

    /** The command for the log, its classpath (a hundred jars) left out. */
    private static String described(List<String> command) {
        List<String> shown = new ArrayList<>(command);
        int cp = shown.indexOf("-cp");
        if (cp >= 0 && cp + 1 < shown.size()) {
            shown.set(
                    cp + 1,
                    "<" + shown.get(cp + 1).split(File.pathSeparator).length + " jars of " + CLASSPATH_NAME
                            + ".classpath>");
        }
        return String.join(" ", shown);
    }

    private static String exitCode(Process process) {
        try {
            return process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)
                    ? " (exit code " + process.exitValue() + ")"
                    : "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static long number(Properties p, String key) {
        try {
            return Long.parseLong(p.getProperty(key, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Properties read(Path file) {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // torn or foreign: read as empty, as a missing file would be
            }
        }
        return p;
    }

    private static void store(Properties p, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, null);
        }
    }
}
