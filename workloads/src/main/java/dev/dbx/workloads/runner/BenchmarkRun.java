package dev.dbx.workloads.runner;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One benchmark invocation at one configuration: a workload run on each store in turn, with everything needed to
 * compare it later — the configuration, the machine, dbx's revision, and each store's full result (raw histograms,
 * per-second series, resource samples). A sweep or a repeat is several of these sharing a {@code group}, each named by
 * its {@code variant}.
 *
 * @param id unique, sortable by time (e.g. "20261202-143501-ycsb-a")
 * @param group the sweep or repeat this run belongs to (its first run's id), or the run's own id
 * @param variant what sets it apart within its group, e.g. "threads=8" or "repeat 2 of 3", or ""
 * @param config the run's settings as given (threads, duration, warm-up, rate, arrival, records...)
 * @param machine the machine it ran on (cores, memory, OS, JDK, CPU model, load average)
 * @param revision dbx's git revision (with "+dirty" when the working tree had changes), or "unknown"
 */
public record BenchmarkRun(
        String id,
        String group,
        String variant,
        String workload,
        String description,
        Map<String, String> parameters,
        Map<String, String> config,
        Map<String, String> machine,
        String revision,
        Instant started,
        List<StoreRun> results) {
    public BenchmarkRun {
        parameters = Map.copyOf(parameters);
        config = Map.copyOf(config);
        machine = Map.copyOf(machine);
        results = List.copyOf(results);
    }

    /** Whether every store that could run answered correctly (n/a stores do not count against it). */
    public boolean correct() {
        return results.stream()
                .filter(r -> r.status() != StoreRun.Status.FAILED
                        || r.reason() == null
                        || !r.reason().startsWith("n/a"))
                .allMatch(StoreRun::correct);
    }
}
