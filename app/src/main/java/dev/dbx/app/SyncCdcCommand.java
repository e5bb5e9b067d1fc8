package dev.dbx.app;

import dev.dbx.core.DbxException;
import dev.dbx.core.config.ConfigLoader;
import dev.dbx.lab.CdcSync;
import dev.dbx.lab.Lab;
import dev.dbx.lab.Verification;
import dev.dbx.runs.RunStore;
import dev.dbx.sync.cdc.CdcReport;
import dev.dbx.sync.cdc.TargetRun;
import dev.dbx.sync.verify.VerifyReport;
import dev.dbx.workloads.runner.BenchmarkRun;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "cdc",
        mixinStandardHelpOptions = true,
        description = {
            "Real-time sync: Debezium (in a process of its own) reads PostgreSQL's WAL into",
            "Kafka, and each target applies the changes through a consumer group of its own.",
            "A new pipeline starts with a snapshot (its targets are emptied first); a restarted",
            "one resumes where it stopped, with no new snapshot. Runs until Ctrl-C (or",
            "--duration); a second dbx sync cdc with the same targets shares the work. The",
            "local kafka engine must run (dbx up kafka) unless --kafka names a cluster.",
            "  dbx sync cdc --to sqlite,duckdb,mongo,elasticsearch,redis,clickhouse,neo4j"
        })
final class SyncCdcCommand implements Callable<Integer> {
    @ParentCommand
    SyncCommand sync;

    @Mixin
    SyncEnds ends;

    @Option(
            names = "--pipeline",
            paramLabel = "NAME",
            description = "The pipeline's name: its slot, publication and directory (default: the dataset's).")
    String pipeline;

    @Option(
            names = "--partitions",
            paramLabel = "N",
            description = "Partitions of the change topic when it is created (default: 4).")
    int partitions = 4;

    @Option(
            names = "--kafka",
            paramLabel = "URI",
            description = "A Kafka cluster, e.g. kafka://user:password@host:9092 (default: DBX_KAFKA, else the local"
                    + " kafka engine). DBX_KAFKA keeps a password off the command line.")
    URI kafka;

    @Option(
            names = "--duration",
            paramLabel = "DURATION",
            description = "Stop after this long (default: run until Ctrl-C).")
    String duration;

    @Option(
            names = "--verify",
            description = "When stopping, wait until every target has caught up, then compare each with the source"
                    + " (exit 1 if one differs). Done here because an embedded target (DuckDB) is open in this"
                    + " process.")
    boolean verify;

    @Option(
            names = "--fresh",
            description = "Start the pipeline again with a new snapshot (its replication slot dropped, its offsets"
                    + " forgotten, its targets emptied): after the source was reloaded, for instance.")
    boolean fresh;

    @Option(names = "--json", description = "Print the final figures as JSON (as dbx sync status --json).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Lab lab = sync.dbx.lab();
        Duration limit = duration == null ? null : ConfigLoader.parseDuration("--duration", duration);
        if (limit != null && (limit.isZero() || limit.isNegative())) {
            throw new DbxException("--duration must be positive, not " + duration, "e.g. --duration 60s");
        }
        String name = pipeline == null ? ends.dataset : pipeline;
        if (kafka == null && System.getenv("DBX_KAFKA") != null) {
            kafka = URI.create(System.getenv("DBX_KAFKA"));
        }
        CdcSync.Options options = new CdcSync.Options(ends.from, ends.to, ends.dataset, name, partitions, kafka, fresh);
        CdcSync running = CdcSync.start(lab, options, line -> System.err.println("dbx: " + line));
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopped.countDown();
            try {
                // Ctrl-C: let the main thread finish the batch, commit and close before the JVM ends
                done.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        int exit = 0;
        try (running) {
            System.err.println("dbx: applying changes to " + String.join(", ", ends.to) + " (status: dbx sync status;"
                    + " the capture's log: " + running.home().resolve("capture.log") + ")");
            long end = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < end && !stopped.await(5, TimeUnit.SECONDS)) {
                System.err.println("dbx: " + SyncStatusRendering.line(running.status()));
            }
            if (verify) {
                System.err.println("dbx: waiting for every target to catch up (at most 2 minutes)");
                if (!running.awaitCaughtUp(Duration.ofMinutes(2))) {
                    System.err.println("dbx: not every target caught up within 2 minutes: verifying anyway");
                }
            }
            VerifyReport report = null;
            CdcReport figures = running.stop();
            if (verify) {
                report = running.verify();
            }
            BenchmarkRun stored = running.run(figures, report);
            try (RunStore runs = RunStore.open(lab.dataDir())) {
                runs.save(stored);
            }
            if (json) {
                SyncStatusRendering.json(figures.status(), Dbx.rawOut());
            } else {
                SyncStatusRendering.table(figures.status(), System.out);
                for (TargetRun target : figures.runs()) {
                    if (target.failure() != null) {
                        System.out.println(target.target() + ": stopped early: " + target.failure());
                        exit = 1;
                    } else if (target.retries() > 0) {
                        System.out.println(target.target() + ": " + target.retries()
                                + " batch(es) retried; last reason: " + target.lastRetryReason());
                    }
                }
            }
            if (!json) {
                System.out.println("stored as run " + stored.id() + "; dbx report " + stored.id()
                        + " --out sync.html draws the lag of each target");
            }
            if (report != null) {
                VerifyRendering.table(
                        List.of(new Verification.Verified(
                                report, "every target against " + ends.from + " (the source)", List.of())),
                        System.out);
                if (!report.equal()) {
                    exit = 1;
                }
            }
        } finally {
            done.countDown();
            if (stopped.getCount() > 0) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
        return exit;
    }
}
