package dev.dbx.app;

import dev.dbx.core.DbxException;
import dev.dbx.lab.CdcSync;
import dev.dbx.lab.Lab;
import dev.dbx.sync.capture.CaptureStatus;
import dev.dbx.sync.cdc.SyncStatus;
import dev.dbx.sync.cdc.SyncStatusFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "How far behind each CDC target is: changes applied, changes/s, lag from the source's",
            "commit to the target's acknowledged write (p50/p99/max), what its Kafka consumer group",
            "has not committed yet, dead-lettered changes; the capture process; and the WAL the",
            "replication slot retains, as PostgreSQL reports it. Read from the status file a",
            "running dbx sync cdc writes every second."
        })
final class SyncStatusCommand implements Callable<Integer> {
    @ParentCommand
    SyncCommand sync;

    @Option(names = "--pipeline", paramLabel = "NAME", description = "The pipeline (default: tpch).")
    String pipeline = "tpch";

    @Option(
            names = "--json",
            description = "Print {\"targets\": [{\"target\", \"applied\", \"eventsPerSec\", \"lagP50Ms\", \"lagP99Ms\","
                    + " \"lagMaxMs\", \"pending\", \"deadLettered\"}], \"slotRetainedBytes\"}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Lab lab = sync.dbx.lab();
        Path dir = CdcSync.pipelineDir(lab, pipeline);
        SyncStatus status = CdcSync.lastStatus(lab, pipeline)
                .orElseThrow(() -> new DbxException(
                        "no CDC pipeline '" + pipeline + "' has run in " + lab.dataDir(),
                        "start one: dbx sync cdc --to <stores>"));
        if (json) {
            SyncStatusRendering.json(status, Dbx.rawOut());
            return 0;
        }
        Instant written = Files.getLastModifiedTime(SyncStatusFile.path(dir)).toInstant();
        Duration age = Duration.between(written, Instant.now());
        System.out.println("pipeline " + pipeline + ": figures written " + Format.duration(age) + " ago"
                + (age.toSeconds() > 5 ? " (no dbx sync cdc is applying now)" : ""));
        SyncStatusRendering.table(status, System.out);
        CaptureStatus capture = CdcSync.captureStatus(lab, pipeline);
        System.out.println("capture: " + capture.state()
                + (capture.running()
                        ? " (process " + capture.pid() + ", " + Format.bytes(capture.memoryBytes()) + ")"
                        : "")
                + ", " + Format.count(capture.events()) + " events published"
                + (capture.lastPosition().isEmpty() ? "" : ", last at " + capture.lastPosition())
                + (capture.error().isEmpty() ? "" : "; error: " + capture.error()));
        return 0;
    }
}
