package dev.dbx.sync.capture;

import java.time.Instant;

/**
 * A capture process as its controller sees it: whether it runs, its PID and memory, and the progress it last wrote.
 *
 * @param state "stopped", "starting", "running", "snapshot", "streaming", "failed" (it said why in {@code error}), or
 *     "crashed" (its process is gone without a word: killed, or out of memory)
 * @param pid the process's PID, or 0 when none runs
 * @param memoryBytes the process's resident memory (PSS), or null when none runs or it cannot be read
 * @param events change events published since the process started
 * @param snapshotEvents of those, snapshot reads
 * @param lastPosition the source position (LSN) of the last published change, or empty
 * @param lastCommittedAtMillis the source's commit time of the last published streamed change, or 0
 * @param updatedAt when the process last wrote its progress, or null
 * @param error why it failed, or empty
 */
public record CaptureStatus(
        String state,
        long pid,
        Long memoryBytes,
        long events,
        long snapshotEvents,
        String lastPosition,
        long lastCommittedAtMillis,
        Instant updatedAt,
        String error) {
    public boolean running() {
        return pid > 0;
    }
}
