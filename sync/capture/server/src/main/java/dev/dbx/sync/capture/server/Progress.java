package dev.dbx.sync.capture.server;

import static dev.dbx.sync.capture.server.CaptureFiles.*;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the capture has done so far, kept in memory and written to {@link CaptureFiles#STATUS} (replaced at once, never
 * half-written) for the controller's status: the state, events published, the last position and commit time.
 */
final class Progress {
    private final Path file;
    private final AtomicReference<String> state = new AtomicReference<>("starting");
    private final AtomicReference<String> error = new AtomicReference<>("");
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong snapshotEvents = new AtomicLong();
    private final AtomicReference<String> lastPosition = new AtomicReference<>("");
    private final AtomicLong lastCommittedAt = new AtomicLong();

    Progress(Path home) {
        this.file = home.resolve(STATUS);
    }

    void state(String newState) {
        state.set(newState);
    }

    void failed(String message) {
        error.set(message);
        state.set("failed");
    }

    void published(long committedAt, String position) {
        events.incrementAndGet();
        if (committedAt == 0) {
            snapshotEvents.incrementAndGet();
        } else {
            lastCommittedAt.set(committedAt);
        }
        if (!position.isEmpty()) {
            lastPosition.set(position);
        }
    }

    /** Writes the file; a failure to write is only logged by the caller (the capture goes on). */
    void write() throws IOException {
        Properties p = new Properties();
        p.setProperty(STATE, state.get());
        p.setProperty(EVENTS, Long.toString(events.get()));
        p.setProperty(SNAPSHOT_EVENTS, Long.toString(snapshotEvents.get()));
        p.setProperty(LAST_POSITION, lastPosition.get());
        p.setProperty(LAST_COMMITTED_AT, Long.toString(lastCommittedAt.get()));
        p.setProperty(UPDATED_AT, Instant.now().toString());
        p.setProperty(ERROR, error.get());
        Path tmp = file.resolveSibling(STATUS + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(out, "dbx capture progress");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
