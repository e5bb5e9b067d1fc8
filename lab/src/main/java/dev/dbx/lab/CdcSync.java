package dev.dbx.lab;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.ChangeSource;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.Sink;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Datasets;
import dev.dbx.core.store.Store;
import dev.dbx.core.sync.CaptureSource;
import dev.dbx.core.sync.SlotState;
import dev.dbx.engine.EngineState;
import dev.dbx.engine.EngineStatus;
import dev.dbx.engine.LocalEngine;
import dev.dbx.sync.capture.CaptureConfig;
import dev.dbx.sync.capture.CaptureProcess;
import dev.dbx.sync.capture.CaptureStatus;
import dev.dbx.sync.cdc.CdcApply;
import dev.dbx.sync.cdc.CdcConfig;
import dev.dbx.sync.cdc.CdcReport;
import dev.dbx.sync.cdc.FreshStart;
import dev.dbx.sync.cdc.SyncStatus;
import dev.dbx.sync.cdc.SyncStatusFile;
import dev.dbx.sync.cdc.Target;
import dev.dbx.sync.cdc.TargetRun;
import dev.dbx.sync.cdc.TargetStatus;
import dev.dbx.sync.verify.Verifier;
import dev.dbx.sync.verify.VerifyReport;
import dev.dbx.workloads.runner.BenchmarkRun;
import dev.dbx.workloads.runner.OperationStats;
import dev.dbx.workloads.runner.StoreRun;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * Real-time sync from PostgreSQL: the capture process (Debezium in a JVM of its own, see {@link CaptureProcess})
 * publishes the source's changes to Kafka, and this process applies them to each target's {@code Sink} through a
 * consumer group per target ({@link CdcApply}). The pipeline's directory ({@code <data dir>/sync/<pipeline>}) holds the
 * capture's offsets, log and progress, and the status file {@code dbx sync status} reads.
 *
 * <p>A capture already running (another {@code dbx sync cdc}, or one whose controller was killed) is joined, not
 * started twice: a second process applying to the same targets shares their partitions through Kafka's consumer
 * groups. A pipeline without stored offsets starts with a snapshot, so its targets are emptied first (their schema is
 * recreated): the snapshot's upserts cannot remove rows a target holds that the source does not. {@code fresh} makes
 * a pipeline new again (its slot dropped, its offsets forgotten): after the source was reloaded, for instance.
 */
public final class CdcSync implements AutoCloseable {
    /** What to sync: the source store, the targets, the pipeline's name and Kafka (null: the local engine). */
    public record Options(
            String from, List<String> to, String dataset, String pipeline, int partitions, URI kafka, boolean fresh) {
        public Options {
            to = List.copyOf(to);
            if (to.isEmpty()) {
                throw new DbxException("name the stores to keep in sync", "e.g. --to sqlite,duckdb,mongo");
            }
            if (to.contains(from)) {
                throw new DbxException(from + " is the source; it cannot be a target too", "leave it out of --to");
            }
        }
    }

    private final Lab lab;
    private final Options options;
    private final Store source;
    private final List<Store> targets = new ArrayList<>();
    private final List<StoreTarget> targetPlaces = new ArrayList<>();
    private final CaptureProcess capture;
    private final boolean startedCapture;
    private final CdcApply apply;
    private final Instant started = Instant.now();

    private CdcSync(Lab lab, Options options, Consumer<String> progress) {
        this.lab = lab;
        this.options = options;
        Dataset dataset = Datasets.named(options.dataset());
        URI kafka = options.kafka() != null ? options.kafka() : localKafka(lab);
        StoreTarget sourcePlace = lab.store(options.from());
        Store opened = null;
        try {
            opened = lab.open(sourcePlace);
            this.source = opened;
            ChangeSource changes = source.capability(ChangeSource.class)
                    .orElseThrow(() -> new DbxException(
                            options.from() + " cannot be a CDC source (dbx follows PostgreSQL's WAL)",
                            "use --from postgres"));
            if (!source.require(DatasetModel.class).isLoaded(dataset)) {
                throw new DbxException(
                        options.from() + " holds no " + dataset.name() + " dataset to sync",
                        "load it first: dbx load --stores " + options.from());
            }
            for (String id : options.to()) {
                StoreTarget place = lab.store(id);
                Store target = lab.open(place);
                targets.add(target);
                targetPlaces.add(place);
            }
            List<Target> applied = new ArrayList<>();
            for (Store target : targets) {
                applied.add(Target.of(target));
            }
            this.capture = new CaptureProcess(pipelineDir(lab, options.pipeline()));
            CaptureStatus status = capture.status();
            if (status.running() && options.fresh()) {
                throw new DbxException(
                        "the capture of pipeline " + options.pipeline() + " runs (process " + status.pid()
                                + "): a new snapshot (--fresh) needs it stopped",
                        "stop the dbx sync cdc that started it (Ctrl-C), or leave out --fresh to join it");
            }
            if (status.running()) {
                progress.accept("joining the capture already running (process " + status.pid() + ")");
                this.startedCapture = false;
            } else {
                if (options.fresh()) {
                    // a new snapshot: the slot and the stored offsets go together (one without the other loses changes)
                    progress.accept("forgetting the pipeline's slot and offsets: it starts again with a snapshot");
                    changes.drop(options.pipeline(), CaptureConfig.DEFAULT_REPLICATION_USER);
                    capture.reset();
                }
                if (!capture.hasOffsets()) {
                    for (int i = 0; i < targets.size(); i++) {
                        progress.accept("emptying " + targets.get(i).id() + " for the pipeline's first snapshot");
                        DatasetModel model = targets.get(i).require(DatasetModel.class);
                        model.drop(dataset);
                        model.create(dataset);
                        new LoadRecords(lab.dataDir())
                                .changed(targetPlaces.get(i), dataset.name(), "emptied for a CDC snapshot");
                    }
                }
                if (!capture.hasOffsets()) {
                    // the topic may hold earlier snapshots and runs: the targets start after them
                    FreshStart.skipToEnd(kafka, dataset.name(), applied);
                }
                CaptureSource prepared = changes.prepare(dataset, options.pipeline());
                progress.accept(
                        capture.hasOffsets()
                                ? "starting the capture: it resumes where it stopped (no new snapshot)"
                                : "starting the capture: a snapshot of " + options.from() + ", then its WAL");
                capture.start(CaptureConfig.of(dataset.name(), prepared, sourcePlace.uri(), kafka)
                        .withPartitions(options.partitions()));
                this.startedCapture = true;
            }
            this.apply = CdcApply.start(new CdcConfig(kafka, dataset, applied)
                    .withStatusDir(capture.home())
                    .withSlotRetainedBytes(
                            () -> slot().map(SlotState::retainedWalBytes).orElse(null)));
        } catch (RuntimeException e) {
            targets.forEach(Store::close);
            if (opened != null) {
                opened.close();
            }
            throw e;
        }
    }

    /** Starts (or joins) the capture and applies its changes to every target until {@link #stop}. */
    public static CdcSync start(Lab lab, Options options, Consumer<String> progress) {
        return new CdcSync(lab, options, progress);
    }

    public static Path pipelineDir(Lab lab, String pipeline) {
        return lab.dataDir().resolve("sync").resolve(pipeline);
    }

    public SyncStatus status() {
        return apply.status();
    }

    public CaptureStatus captureStatus() {
        return capture.status();
    }

    public Optional<SlotState> slot() {
        try {
            return source.require(ChangeSource.class).slot(options.pipeline());
        } catch (DbxException e) {
            return Optional.empty();
        }
    }

    /**
     * Waits until every target's consumer group has committed all of the topic (pending 0) and the capture has nothing
     * left to publish, for at most {@code limit}: whether it caught up.
     */
    public boolean awaitCaughtUp(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        int quiet = 0;
        while (System.nanoTime() < deadline) {
            SyncStatus s = apply.status();
            boolean none = s.targets().stream().allMatch(t -> t.pending() == 0);
            // pending is asked of Kafka; twice in a row with the capture idle between, so nothing is still in flight
            quiet = none ? quiet + 1 : 0;
            if (quiet >= 3) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** Compares every target with the source, here, where the embedded targets are open (see docs/sync.md). */
    public VerifyReport verify() {
        List<Store> stores = new ArrayList<>();
        stores.add(source);
        stores.addAll(targets);
        return Verifier.verify(Datasets.named(options.dataset()), stores);
    }

    /**
     * Stops applying (each target finishes and commits its batch), then the capture if this process started it (it
     * stores its offsets), and builds what a merge-on-read target needs (ClickHouse collapses its row versions).
     */
    public CdcReport stop() {
        CdcReport report = apply.stop();
        if (startedCapture) {
            capture.stop();
        }
        Dataset dataset = Datasets.named(options.dataset());
        for (int i = 0; i < targets.size(); i++) {
            // what a merge-on-read model needs once writes stop (ClickHouse: one version per key for its queries)
            targets.get(i).require(DatasetModel.class).index(dataset);
            new LoadRecords(lab.dataDir())
                    .changed(targetPlaces.get(i), dataset.name(), "kept in sync by CDC from " + options.from());
        }
        return report;
    }

    /**
     * This sync as a stored run (workload "sync-cdc"), like a benchmark's: per target the changes applied as the
     * "apply" operation, whose response time is the lag from the source's commit to the target's acknowledged write
     * (streamed changes only), dead letters as errors, retries, and verify's differences as wrong answers when it ran.
     * Call after {@link #stop}.
     */
    public BenchmarkRun run(CdcReport report, VerifyReport verified) {
        List<StoreRun> results = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Store target = targets.get(i);
            TargetStatus status = report.status().targets().get(i);
            TargetRun how = report.runs().get(i);
            Histogram lag = apply.lag(status.target());
            List<String> wrong = verified == null
                    ? List.of()
                    : verified.differences().stream()
                            .filter(line -> line.startsWith(target.id() + " "))
                            .limit(5)
                            .toList();
            results.add(new StoreRun(
                    "sync-cdc",
                    target.id(),
                    target.identity().toString(),
                    targetPlaces.get(i).placementLabel(),
                    Map.of("sink", target.require(Sink.class).method()),
                    "cdc from " + options.from() + " through Kafka",
                    how.failure() == null ? StoreRun.Status.COMPLETE : StoreRun.Status.PARTIAL,
                    how.failure(),
                    started,
                    report.ran().toNanos(),
                    List.of(new OperationStats("apply", status.applied(), status.deadLettered(), lag, lag)),
                    status.deadLettered() > 0 ? Map.of("dead-lettered", status.deadLettered()) : Map.of(),
                    wrong.size(),
                    wrong,
                    List.of(),
                    List.of(),
                    0,
                    how.retries()));
        }
        String id = RUN_ID.format(started) + "-sync-cdc";
        Map<String, String> config = new LinkedHashMap<>();
        config.put("from", options.from());
        config.put("to", String.join(",", options.to()));
        config.put("pipeline", options.pipeline());
        config.put("partitions", Integer.toString(options.partitions()));
        config.put("verified", verified == null ? "no" : verified.equal() ? "equal" : "different");
        return new BenchmarkRun(
                id,
                id,
                "",
                "sync-cdc",
                "change data capture from " + options.from() + " through Kafka into each target's sink",
                Map.of("dataset", options.dataset()),
                config,
                Machine.describe().asMap(),
                Revision.current(),
                started,
                results);
    }

    /** Whether this process started the capture (else it joined one). */
    public boolean startedCapture() {
        return startedCapture;
    }

    public Path home() {
        return capture.home();
    }

    @Override
    public void close() {
        try {
            apply.close();
        } finally {
            targets.forEach(Store::close);
            source.close();
        }
    }

    /** The last status a running (or stopped) sync wrote, with the slot as the source reports it now. */
    public static Optional<SyncStatus> lastStatus(Lab lab, String pipeline) {
        return SyncStatusFile.read(pipelineDir(lab, pipeline));
    }

    public static CaptureStatus captureStatus(Lab lab, String pipeline) {
        return new CaptureProcess(pipelineDir(lab, pipeline)).status();
    }

    private static final DateTimeFormatter RUN_ID =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private static URI localKafka(Lab lab) {
        LocalEngine kafka = lab.localEngines().stream()
                .filter(e -> e.name().equals("kafka"))
                .findFirst()
                .orElseThrow(() -> new DbxException("this dbx has no local kafka engine", "give --kafka URI"));
        EngineStatus status = lab.supervisor().status(kafka, false);
        if (status.state() != EngineState.running) {
            throw new DbxException(
                    "the local kafka engine is " + status.state() + ": CDC carries changes through Kafka",
                    "start it with: dbx up kafka (or give --kafka URI of a cluster)");
        }
        return kafka.uri(lab.supervisor().context(kafka));
    }
}
