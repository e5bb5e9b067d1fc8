package dev.dbx.workloads.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dbx.core.capability.ServerResources;
import dev.dbx.core.store.Capabilities;
import dev.dbx.core.store.Placement;
import dev.dbx.core.store.ResourceProbe;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sampler's arithmetic for an external server, on readings the test makes up: CPU percent is the server's own CPU
 * counter over the time between two readings, memory is what it reports, a failed or throwing reading is a second
 * without figures, and the source says whose figures they are.
 */
class ResourceSamplerTest {
    private static final long SECOND = 1_000_000_000L;

    /** A clock that moves only when the test says. */
    private static final class StepClock implements RunClock {
        long now = 5 * SECOND;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepUntil(long nanos) {
            now = Math.max(now, nanos);
        }
    }

    /** Hands out the readings it was given, in turn; {@code null} in the list stands for a reading that throws. */
    private static final class ScriptedStats implements ServerResources {
        private final Deque<ServerResources.Reading> readings = new ArrayDeque<>();
        private final StepClock clock;
        private final long readTakes;
        int reads;

        ScriptedStats(StepClock clock, long readTakes, List<ServerResources.Reading> script) {
            this.clock = clock;
            this.readTakes = readTakes;
            script.forEach(r -> readings.add(r == null ? new Reading(-42L, -42L) : r));
        }

        @Override
        public String source() {
            return "Fake STATS (CPU: cpu_total; memory: rss)";
        }

        @Override
        public Reading read() {
            reads++;
            clock.now += readTakes;
            Reading next = readings.removeFirst();
            if (next.cpuNanos() != null && next.cpuNanos() == -42L) {
                throw new IllegalStateException("the server went away");
            }
            return next;
        }
    }

    private static Store store(Placement placement, ServerResources stats) {
        StoreConfig config = new StoreConfig("fake", URI.create("fake://server:1")).withPlacement(placement, null);
        Capabilities capabilities = stats == null
                ? Capabilities.builder().build()
                : Capabilities.builder().add(ServerResources.class, stats).build();
        return new Store() {
            @Override
            public StoreConfig config() {
                return config;
            }

            @Override
            public ServerIdentity identity() {
                return new ServerIdentity("Fake", "1");
            }

            @Override
            public Capabilities capabilities() {
                return capabilities;
            }

            @Override
            public void close() {}
        };
    }

    private static ServerResources.Reading reading(double cpuSeconds, long memory) {
        return new ServerResources.Reading(Math.round(cpuSeconds * SECOND), memory);
    }

    @Test
    void cpuPercentIsTheServersCounterOverTheTimeBetweenReadings() {
        StepClock clock = new StepClock();
        // 10 ms per reading: the percent is over the time between readings, so that time does not skew it
        ScriptedStats stats = new ScriptedStats(
                clock,
                10_000_000L,
                List.of(
                        reading(100.0, 1_000),
                        reading(100.5, 2_000), // half a core for one second
                        reading(102.0, 3_000), // one and a half cores
                        reading(102.0, 4_000))); // idle
        ResourceSampler sampler = new ResourceSampler(store(Placement.EXTERNAL, stats), clock);
        sampler.start();
        clock.now += SECOND - 10_000_000L;
        ResourceSample first = sampler.sample(1);
        clock.now += SECOND - 10_000_000L;
        ResourceSample second = sampler.sample(2);
        clock.now += SECOND - 10_000_000L;
        ResourceSample third = sampler.sample(3);

        assertThat(first.serverCpuPercent()).isCloseTo(50.0, within(1e-9));
        assertThat(first.serverMemoryBytes()).isEqualTo(2_000);
        assertThat(second.serverCpuPercent()).isCloseTo(150.0, within(1e-9));
        assertThat(second.serverMemoryBytes()).isEqualTo(3_000);
        assertThat(third.serverCpuPercent()).isZero();
        assertThat(third.serverMemoryBytes()).isEqualTo(4_000);
        assertThat(stats.reads)
                .as("one reading a second, and one to start from")
                .isEqualTo(4);
        assertThat(sampler.source())
                .isEqualTo("the server's own figures, from Fake STATS (CPU: cpu_total; memory: rss)"
                        + " (an external server: not a process on this machine)");
    }

    @Test
    void aFailedReadingOrACounterThatWentBackGivesNoFigureForThatSecondOnly() {
        StepClock clock = new StepClock();
        ScriptedStats stats = new ScriptedStats(
                clock,
                0,
                Arrays.asList(
                        reading(10.0, 1_000),
                        null, // throws: no figures, the run goes on
                        reading(11.0, 2_000), // nothing to compare with (the last one failed)
                        reading(11.25, 2_500), // a quarter of a core
                        ServerResources.Reading.NONE, // the server answered without figures
                        reading(12.0, 3_000),
                        reading(0.5, 100), // restarted: its counter began again
                        reading(1.5, 200),
                        new ServerResources.Reading(null, 300L))); // memory but no CPU
        ResourceSampler sampler = new ResourceSampler(store(Placement.EXTERNAL, stats), clock);
        sampler.start();
        Double[] cpu = new Double[8];
        Long[] memory = new Long[8];
        for (int i = 0; i < 8; i++) {
            clock.now += SECOND;
            ResourceSample sample = sampler.sample(i + 1);
            cpu[i] = sample.serverCpuPercent();
            memory[i] = sample.serverMemoryBytes();
        }
        assertThat(cpu).containsExactly(null, null, 25.0, null, null, null, 100.0, null);
        assertThat(memory).containsExactly(null, 2_000L, 2_500L, null, 3_000L, 100L, 200L, 300L);
    }

    @Test
    void anExternalServerWithoutStatsIsSaidToBeNotSampled() {
        StepClock clock = new StepClock();
        ResourceSampler sampler = new ResourceSampler(store(Placement.EXTERNAL, null), clock);
        sampler.start();
        clock.now += SECOND;
        ResourceSample sample = sampler.sample(1);
        assertThat(sample.serverCpuPercent()).isNull();
        assertThat(sample.serverMemoryBytes()).isNull();
        assertThat(sampler.source()).startsWith("not sampled: an external server is not a process on this machine");
    }

    @Test
    void anEmbeddedStoresServerCpuIsItsOwnNativeThreadsAndItHasNoMemoryOfItsOwn() {
        StepClock clock = new StepClock();
        ResourceSampler sampler = new ResourceSampler(store(Placement.EMBEDDED, null), clock);
        sampler.start();
        clock.now += SECOND;
        ResourceSample sample = sampler.sample(1);
        // no native threads work here (the test's threads are all Java threads): a figure, and a small one
        assertThat(sample.serverCpuPercent()).isNotNull().isBetween(0.0, 50.0);
        assertThat(sample.serverMemoryBytes()).isNull();
        assertThat(sampler.source())
                .startsWith("inside dbx's JVM: CPU is that of the worker threads the engine starts");
    }

    @Test
    void aLocalEngineIsMeasuredFromItsProcessNotFromWhatItReports() {
        StepClock clock = new StepClock();
        ScriptedStats stats = new ScriptedStats(clock, 0, List.of());
        Store store = new Store() {
            private final StoreConfig config = new StoreConfig("fake", URI.create("fake://server:1"))
                    .withPlacement(Placement.LOCAL_ENGINE, ResourceProbe.thisProcess());
            private final Capabilities capabilities =
                    Capabilities.builder().add(ServerResources.class, stats).build();

            @Override
            public StoreConfig config() {
                return config;
            }

            @Override
            public ServerIdentity identity() {
                return new ServerIdentity("Fake", "1");
            }

            @Override
            public Capabilities capabilities() {
                return capabilities;
            }

            @Override
            public void close() {}
        };
        ResourceSampler sampler = new ResourceSampler(store, clock);
        sampler.start();
        clock.now += SECOND;
        ResourceSample sample = sampler.sample(1);
        assertThat(stats.reads).isZero();
        assertThat(sample.serverMemoryBytes()).as("this JVM's PSS").isPositive();
        assertThat(sampler.source()).startsWith("the local engine's process tree");
    }
}
