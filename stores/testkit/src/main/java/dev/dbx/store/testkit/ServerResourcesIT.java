package dev.dbx.store.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.capability.ServerResources;
import dev.dbx.core.store.Placement;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import dev.dbx.core.store.Stores;
import dev.dbx.engine.RunningEngine;
import dev.dbx.workloads.dataset.YcsbSource;
import dev.dbx.workloads.load.DatasetLoader;
import dev.dbx.workloads.runner.ResourceSample;
import dev.dbx.workloads.runner.RunConfig;
import dev.dbx.workloads.runner.Runner;
import dev.dbx.workloads.runner.StoreRun;
import dev.dbx.workloads.ycsb.YcsbOptions;
import dev.dbx.workloads.ycsb.YcsbWorkloads;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * A store's {@link ServerResources} against a real server its local engine started, opened by URI as an external
 * server is: a short YCSB run samples the server's own CPU and memory each second, the run's placement names where they
 * came from, and once the server is stopped a reading gives no figures (quickly, and without an error). A store module
 * runs it with a small {@code <Store>ResourcesIT extends ServerResourcesIT}.
 */
public abstract class ServerResourcesIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int RECORDS = 1000;

    /** The store under test. */
    protected abstract String storeId();

    /** The local engine serving it (default: the store id). */
    protected String engineName() {
        return storeId();
    }

    /** What the source must name: the server's statistics API, e.g. "Redis INFO". */
    protected abstract String api();

    /** Whether the server reports CPU time of its own. */
    protected boolean reportsCpu() {
        return true;
    }

    /** Whether the server reports memory of its own. */
    protected boolean reportsMemory() {
        return true;
    }

    /**
     * Whether the memory figure is there from the server's first second (ClickHouse 18.16 computes its own only once
     * a minute): when not, the test asks only that every figure given is positive.
     */
    protected boolean reportsMemoryAtOnce() {
        return reportsMemory();
    }

    @Test
    void anExternalServersOwnFiguresAreSampledDuringARunAndNoneOnceItIsStopped() {
        RunningEngine engine = RunningEngine.start(engineName());
        boolean stopped = false;
        try (Store store = Stores.open(new StoreConfig(storeId(), engine.uri(), TIMEOUT).withPoolSize(4))) {
            assertThat(store.placement()).isEqualTo(Placement.EXTERNAL);
            ServerResources resources = store.require(ServerResources.class);
            assertThat(resources.source()).contains(api());

            DatasetLoader.load(store, DatasetLoader.counting(new YcsbSource(RECORDS)), true);
            StoreRun run = new Runner()
                    .run(
                            YcsbWorkloads.named("ycsb-a", YcsbOptions.of(RECORDS)),
                            store,
                            new RunConfig(2, false, Duration.ofSeconds(3), 0, Duration.ZERO, 0, null, null, 1),
                            Runner.Listener.NONE);
            assertThat(run.status()).as(run.reason()).isEqualTo(StoreRun.Status.COMPLETE);
            assertThat(run.placement())
                    .startsWith("external server; server figures: the server's own figures, from ")
                    .contains(api());
            List<ResourceSample> samples = run.resources();
            assertThat(samples).hasSizeGreaterThanOrEqualTo(3);
            List<Double> cpu = samples.stream()
                    .map(ResourceSample::serverCpuPercent)
                    .filter(Objects::nonNull)
                    .toList();
            List<Long> memory = samples.stream()
                    .map(ResourceSample::serverMemoryBytes)
                    .filter(Objects::nonNull)
                    .toList();
            if (reportsCpu()) {
                assertThat(cpu).as("a CPU figure every second").hasSameSizeAs(samples);
                assertThat(cpu).allMatch(p -> p >= 0);
                assertThat(cpu.stream().mapToDouble(Double::doubleValue).sum())
                        .as("the server worked during the run")
                        .isPositive();
            } else {
                assertThat(cpu).isEmpty();
            }
            if (reportsMemory()) {
                if (reportsMemoryAtOnce()) {
                    assertThat(memory).as("a memory figure every second").hasSameSizeAs(samples);
                }
                assertThat(memory).allMatch(m -> m > 0);
            } else {
                assertThat(memory).isEmpty();
            }

            // the server stopped under the open store: a reading still answers, without figures, and quickly
            engine.close();
            stopped = true;
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                assertThat(resources.read()).isEqualTo(ServerResources.Reading.NONE);
                assertThat(Duration.ofNanos(System.nanoTime() - started))
                        .isLessThan(ServerResources.TIMEOUT.plusSeconds(1));
            }
        } finally {
            if (!stopped) {
                engine.close();
            }
        }
    }
}
