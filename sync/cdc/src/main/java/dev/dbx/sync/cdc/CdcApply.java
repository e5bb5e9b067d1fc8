package dev.dbx.sync.cdc;

import dev.dbx.core.DbxException;
import dev.dbx.core.Failures;
import dev.dbx.core.Uris;
import dev.dbx.core.sync.ChangeEvents;
import dev.dbx.engine.kafka.KafkaClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Applies a dataset's change events to several targets until stopped: one {@link TargetApplier} per target, each on a
 * thread of its own, in the target's consumer group; the figures of all of them ({@link #status}), written to the status
 * file every {@link ApplySettings#statusEvery} when a directory is given. {@link #stop} lets each applier finish and
 * commit the batch in hand, closes the consumers and returns what was done.
 */
public final class CdcApply implements AutoCloseable {
    /** The longest a stop waits for an applier to finish its batch. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private final CdcConfig config;
    private final Admin admin;
    private final List<Running> running = new ArrayList<>();
    private final ScheduledExecutorService ticker;
    private final long startNanos = System.nanoTime();
    private volatile String statusError;
    private final Object stopping = new Object();
    private CdcReport report;

    private record Running(Target target, TargetApplier applier, TargetMeter meter, Thread thread, String[] failure) {}

    private CdcApply(CdcConfig config) {
        this.config = config;
        Properties kafka = KafkaClients.settings(config.kafka());
        Properties adminSettings = (Properties) kafka.clone();
        adminSettings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        this.admin = Admin.create(adminSettings);
        try {
            for (Target target : config.targets()) {
                DeadLetters.createTopic(
                        admin, ChangeEvents.deadLetterTopic(config.dataset().name(), target.name()));
            }
        } catch (DbxException e) {
            admin.close(Duration.ofSeconds(5));
            throw new DbxException(
                    e.getMessage(),
                    "is Kafka up at " + Uris.redact(config.kafka())
                            + "? (dbx up --engines kafka starts the local one; dbx secret has its password)",
                    e);
        } catch (RuntimeException e) {
            admin.close(Duration.ofSeconds(5));
            throw e;
        }
        for (Target target : config.targets()) {
            TargetMeter meter = new TargetMeter(target.name());
            TargetApplier applier = new TargetApplier(target, config.dataset(), kafka, config.settings(), meter);
            String[] failure = new String[1];
            Thread thread = Thread.ofPlatform().name("dbx-cdc-" + target.name()).unstarted(() -> {
                try {
                    applier.run();
                } catch (RuntimeException | Error e) {
                    failure[0] = Failures.describe(e);
                }
            });
            running.add(new Running(target, applier, meter, thread, failure));
        }
        running.forEach(r -> r.thread().start());
        if (config.statusDir() != null) {
            ticker = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("dbx-cdc-status").daemon().factory());
            long every = config.settings().statusEvery().toMillis();
            ticker.scheduleWithFixedDelay(this::writeStatus, 0, every, TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
        }
    }

    /** Starts one applier per target; Kafka must answer (the dead-letter topics are created first). */
    public static CdcApply start(CdcConfig config) {
        return new CdcApply(config);
    }

    /**
     * Every target's figures now, with its consumer group's lag asked of Kafka. Each target's rate is over the time since
     * the figures before, whoever asked for them (the status file's writer asks every second).
     */
    public synchronized SyncStatus status() {
        List<TargetStatus> targets = new ArrayList<>();
        String topic = ChangeEvents.topic(config.dataset().name());
        for (Running r : running) {
            long pending;
            try {
                pending = GroupLag.pending(admin, r.target().group(), topic);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                pending = -1;
            }
            targets.add(r.meter().snapshot(pending));
        }
        Long slot;
        try {
            slot = config.slotRetainedBytes().get();
        } catch (RuntimeException e) {
            slot = null;
        }
        return new SyncStatus(targets, slot);
    }

    /** How each applier is running: retries, and why it ended if it ended on its own. */
    public List<TargetRun> runs() {
        List<TargetRun> runs = new ArrayList<>();
        for (Running r : running) {
            runs.add(new TargetRun(
                    r.target().name(), r.meter().retries(), r.meter().lastError(), r.failure()[0]));
        }
        return runs;
    }

    /** A target's lag histogram so far (microseconds, streamed changes only), for a stored run. */
    public Histogram lag(String target) {
        return running.stream()
                .filter(r -> r.target().name().equals(target))
                .findFirst()
                .map(r -> r.meter().lagMicros())
                .orElseThrow(() -> new DbxException("no CDC target named " + target));
    }

    /** Why the status file could not be written the last time, or null. */
    public String statusError() {
        return statusError;
    }

    private void writeStatus() {
        try {
            SyncStatusFile.write(config.statusDir(), status());
            statusError = null;
        } catch (RuntimeException e) {
            statusError = Failures.describe(e);
        }
    }

    /** Stops every applier after its batch in hand, writes the last status and returns what was done. */
    public CdcReport stop() {
        // not on status()'s lock: the status writer may be inside status() and must finish before the last write
        synchronized (stopping) {
            if (report == null) {
                report = stopNow();
            }
            return report;
        }
    }

    private CdcReport stopNow() {
        running.forEach(r -> r.applier().stop());
        for (Running r : running) {
            try {
                r.thread().join(STOP_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (r.thread().isAlive() && r.failure()[0] == null) {
                r.failure()[0] = "did not stop within " + STOP_WAIT.toSeconds() + " s (a write to the target hung)";
            }
        }
        if (ticker != null) {
            ticker.shutdown(); // a write under way finishes; the last status is written below, after it
            try {
                ticker.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Duration ran = Duration.ofNanos(System.nanoTime() - startNanos);
        SyncStatus last = status();
        List<TargetStatus> overall = new ArrayList<>();
        for (TargetStatus t : last.targets()) {
            double rate = ran.toMillis() > 0 ? t.applied() * 1000.0 / ran.toMillis() : 0;
            overall.add(new TargetStatus(
                    t.target(),
                    t.applied(),
                    Math.round(rate * 10) / 10.0,
                    t.lagP50Ms(),
                    t.lagP99Ms(),
                    t.lagMaxMs(),
                    t.pending(),
                    t.deadLettered()));
        }
        SyncStatus finalStatus = new SyncStatus(overall, last.slotRetainedBytes());
        if (config.statusDir() != null) {
            try {
                SyncStatusFile.write(config.statusDir(), finalStatus);
            } catch (RuntimeException e) {
                statusError = Failures.describe(e);
            }
        }
        admin.close(Duration.ofSeconds(5));
        return new CdcReport(finalStatus, runs(), ran);
    }

    @Override
    public void close() {
        stop();
    }
}
