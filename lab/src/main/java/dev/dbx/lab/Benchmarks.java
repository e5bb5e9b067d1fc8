package dev.dbx.lab;

import dev.dbx.core.Failures;
import dev.dbx.core.store.Store;
import dev.dbx.workloads.runner.BenchmarkRun;
import dev.dbx.workloads.runner.RunConfig;
import dev.dbx.workloads.runner.Runner;
import dev.dbx.workloads.runner.StoreRun;
import dev.dbx.workloads.runner.Workload;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code dbx bench <workload>}: one workload run on each store in turn (so each store has the machine to itself), each
 * store opened with a pool large enough for the run's threads, the results gathered with what is needed to compare
 * them later (configuration, machine, dbx's revision). A store that cannot run it is a result too: n/a with the reason,
 * or failed with why; the others go on.
 */
public final class Benchmarks {
    private static final DateTimeFormatter ID =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private Benchmarks() {}

    /** Follows a benchmark: which store is being run, then the runner's own events. */
    public interface Listener extends Runner.Listener {
        default void storeStarted(StoreTarget target) {}

        default void storeFinished(StoreRun run) {}
    }

    /**
     * Runs {@code workload} on each target.
     *
     * @param group the sweep or repeat this run belongs to (null: a run of its own)
     * @param variant what sets it apart in its group (e.g. "threads=8"), or ""
     * @param settings the run's settings as the user gave them, for the stored run
     */
    public static BenchmarkRun run(
            Lab lab,
            Workload workload,
            List<StoreTarget> targets,
            RunConfig config,
            String group,
            String variant,
            Map<String, String> settings,
            Listener listener) {
        Instant started = Instant.now();
        String id = ID.format(started) + "-" + workload.name().toLowerCase(Locale.ROOT);
        Runner runner = new Runner();
        List<StoreRun> results = new ArrayList<>();
        for (StoreTarget target : targets) {
            listener.storeStarted(target);
            StoreRun result;
            // one connection beyond the clients': the runner asks the store's durability while every client holds
            // its session (a pool of exactly the clients' size made that question wait for the timeout, unanswered)
            int pool = Math.max(
                    config.threads() + 1,
                    lab.config().poolSize(target.storeId()).orElse(0));
            try (Store store = lab.open(target, pool)) {
                result = runner.run(workload, store, config, listener);
            } catch (RuntimeException e) {
                result = StoreRun.failed(workload.name(), target.storeId(), null, Failures.describe(e));
            }
            listener.storeFinished(result);
            results.add(result);
        }
        Map<String, String> view = new LinkedHashMap<>(settings);
        view.put("mode", config.mode());
        view.put("threads", Integer.toString(config.threads()) + (config.virtualThreads() ? " (virtual)" : ""));
        return new BenchmarkRun(
                id,
                group == null ? id : group,
                variant == null ? "" : variant,
                workload.name(),
                workload.description(),
                workload.parameters(),
                view,
                Machine.describe().asMap(),
                Revision.current(),
                started,
                results);
    }
}
