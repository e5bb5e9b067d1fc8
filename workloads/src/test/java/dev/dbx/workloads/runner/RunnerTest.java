package dev.dbx.workloads.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.KeyValueSemantics;
import dev.dbx.core.capability.KeyValueSession;
import dev.dbx.core.store.Capabilities;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The runner's arithmetic and scheduling, on a clock the test controls: nothing here depends on how fast this machine
 * is. A "store" with no server and a worker whose operations take a set time stand in for real ones (the runner knows
 * no engine: what it measures is what its workers do).
 */
class RunnerTest {
    private static final long MS = 1_000_000L;

    private final FakeClock clock = new FakeClock();
    private final Runner runner = new Runner(clock);
    private final AtomicInteger closed = new AtomicInteger();

    /** A workload of one or two operations whose perform takes {@code timeOf.apply(n)} ns for the n-th operation. */
    private Workload workload(IntFunction<Long> timeOf, IntFunction<Exception> failureOf) {
        return workload(timeOf, failureOf, thread -> {});
    }

    /** As above, with {@code setup} run as each client's worker is made (its session opened). */
    private Workload workload(IntFunction<Long> timeOf, IntFunction<Exception> failureOf, IntConsumer setup) {
        return new Workload() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public String description() {
                return "operations of set duration";
            }

            @Override
            public List<String> operations() {
                return List.of("even", "odd");
            }

            @Override
            public Map<String, String> parameters() {
                return Map.of();
            }

            @Override
            public Optional<String> notApplicable(Store store) {
                return Optional.empty();
            }

            @Override
            public Worker worker(Store store, int thread, int threads) {
                setup.accept(thread);
                return new Worker() {
                    private int n;

                    @Override
                    public int choose() {
                        return n % 2;
                    }

                    @Override
                    public void perform(int operation) throws Exception {
                        int i = n++;
                        clock.advance(timeOf.apply(i));
                        Exception failure = failureOf.apply(i);
                        if (failure != null) {
                            throw failure;
                        }
                    }

                    @Override
                    public void close() {
                        closed.incrementAndGet();
                    }
                };
            }
        };
    }

    private static RunConfig closed(Duration warmup, Duration duration) {
        return new RunConfig(1, false, duration, 0, warmup, 0, null, Duration.ofSeconds(30), 1);
    }

    private static RunConfig open(double rate, RunConfig.Arrival arrival, Duration duration) {
        return new RunConfig(1, false, duration, 0, Duration.ZERO, rate, arrival, Duration.ofSeconds(30), 1);
    }

    @Test
    void aClosedLoopMeasuresOnlyAfterTheWarmUpAndItsResponseIsItsServiceTime() {
        StoreRun run = runner.run(
                workload(n -> MS, n -> null),
                new NoServer(),
                closed(Duration.ofSeconds(1), Duration.ofSeconds(5)),
                Runner.Listener.NONE);

        assertThat(run.status()).isEqualTo(StoreRun.Status.COMPLETE);
        assertThat(run.mode()).startsWith("closed loop");
        // 1 ms each for 5 s measured: the second of warm-up (1,000 operations) is not in it
        assertThat(run.totalOperations()).isBetween(4_999L, 5_001L);
        assertThat(run.opsPerSecond()).isBetween(999.0, 1_001.0);
        assertThat(run.service().getValueAtPercentile(99)).isEqualTo(1_000);
        assertThat(run.response().getValueAtPercentile(99)).isEqualTo(1_000);
        assertThat(run.series())
                .hasSize(5)
                .allSatisfy(s -> assertThat(s.operations()).isBetween(999L, 1_001L));
    }

    @Test
    void slowSessionsAreOpenedBeforeTheClockStartsAndEatNoneOfTheWarmUpOrTheMeasurement() {
        // each of 4 clients takes 3 s to open its session, as a pool adding SCRAM logins one at a time does
        StoreRun run = runner.run(
                workload(n -> MS, n -> null, thread -> clock.advance(3_000 * MS)),
                new NoServer(),
                new RunConfig(
                        4, false, Duration.ofSeconds(5), 0, Duration.ofSeconds(1), 0, null, Duration.ofSeconds(30), 1),
                Runner.Listener.NONE);

        assertThat(run.status()).isEqualTo(StoreRun.Status.COMPLETE);
        assertThat(run.series()).hasSize(5);
        assertThat(run.measuredNanos()).isBetween(4_999 * MS, 5_001 * MS);
        assertThat(closed).hasValue(4);
    }

    @Test
    void aClientThatCannotStartFailsTheRunAndClosesTheOthers() {
        StoreRun run = runner.run(
                workload(n -> MS, n -> null, thread -> {
                    if (thread == 2) {
                        throw new DbxException("postgres: too many connections");
                    }
                }),
                new NoServer(),
                new RunConfig(4, false, Duration.ofSeconds(5), 0, Duration.ZERO, 0, null, Duration.ofSeconds(30), 1),
                Runner.Listener.NONE);

        assertThat(run.status()).isEqualTo(StoreRun.Status.FAILED);
        assertThat(run.reason()).contains("cannot start client 2").contains("too many connections");
        assertThat(closed).hasValue(2);
    }

    @Test
    void anOpenLoopKeepsItsRate() {
        for (RunConfig.Arrival arrival : RunConfig.Arrival.values()) {
            StoreRun run = runner.run(
                    workload(n -> MS, n -> null),
                    new NoServer(),
                    open(200, arrival, Duration.ofSeconds(20)),
                    Runner.Listener.NONE);
            assertThat(run.mode()).startsWith("open loop, 200 ops/s");
            // a Poisson process's count over 20 s at 200/s: 4,000 ± a few standard deviations (sd = 63)
            assertThat(run.totalOperations()).as(arrival.name()).isBetween(3_750L, 4_250L);
            assertThat(run.response().getValueAtPercentile(50))
                    .as(arrival.name())
                    .isEqualTo(1_000);
        }
    }

    @Test
    void aStallShowsInResponseTimeNotInServiceTime() {
        // 100 operations a second of 1 ms each; the 300th takes 1 s: the ~100 scheduled behind it wait
        StoreRun run = runner.run(
                workload(n -> n == 300 ? 1_000 * MS : MS, n -> null),
                new NoServer(),
                open(100, RunConfig.Arrival.UNIFORM, Duration.ofSeconds(10)),
                Runner.Listener.NONE);

        Histogram service = run.service();
        Histogram response = run.response();
        assertThat(service.getMaxValue()).isBetween(999_000L, 1_001_000L);
        assertThat(countAbove(service, 100_000))
                .as("operations whose own work took > 100 ms")
                .isEqualTo(1);
        assertThat(countAbove(response, 100_000))
                .as("operations that waited > 100 ms behind the stall")
                .isBetween(85L, 100L);
        assertThat(response.getValueAtPercentile(99)).isGreaterThan(100 * service.getValueAtPercentile(99));
    }

    @Test
    void errorsAreCountedByKindAndNeverDropped() {
        StoreRun run = runner.run(
                workload(
                        n -> MS,
                        n -> n % 10 == 9 ? new DbxException("redis: read of user" + n + " failed: timeout") : null),
                new NoServer(),
                closed(Duration.ZERO, Duration.ofSeconds(2)),
                Runner.Listener.NONE);

        assertThat(run.totalErrors()).isBetween(199L, 201L);
        assertThat(run.errors()).containsOnlyKeys("redis: read of user… failed: timeout");
        assertThat(run.totalOperations() + run.totalErrors()).isBetween(1_999L, 2_001L);
        assertThat(run.series()).allSatisfy(s -> assertThat(s.errors()).isBetween(99L, 101L));
    }

    @Test
    void wrongAnswersFailTheRunAndAreDescribed() {
        StoreRun run = runner.run(
                workload(
                        n -> MS,
                        n -> n % 100 == 0 ? new WrongAnswer("user" + n + " field3 holds another key's value") : null),
                new NoServer(),
                closed(Duration.ZERO, Duration.ofSeconds(1)),
                Runner.Listener.NONE);

        assertThat(run.wrongAnswers()).isBetween(9L, 11L);
        assertThat(run.correct()).isFalse();
        assertThat(run.wrongExamples()).hasSize(5).first().asString().contains("field3 holds another key's value");
        assertThat(run.reason()).contains("wrong answer");
    }

    @Test
    void aServerThatDiesEndsTheRunWithAPartialResultInSeconds() {
        // from 2 s on every operation fails at once, as against a killed server
        StoreRun run = runner.run(
                workload(n -> MS, n -> n >= 2_000 ? new DbxException("postgres: connection refused") : null),
                new NoServer(),
                closed(Duration.ZERO, Duration.ofSeconds(60)),
                Runner.Listener.NONE);

        assertThat(run.status()).isEqualTo(StoreRun.Status.PARTIAL);
        assertThat(run.reason()).contains("stopped answering").contains("connection refused");
        assertThat(run.series()).hasSizeBetween(2 + Runner.DEAD_SECONDS, 3 + Runner.DEAD_SECONDS);
        assertThat(run.totalOperations()).isBetween(1_999L, 2_001L);
    }

    @Test
    void whatTheStoreIsIsAskedWhileItAnswersNotAfterItDied() {
        AtomicBoolean dead = new AtomicBoolean();
        KeyValue keyValue = new KeyValue() {
            @Override
            public KeyValueSession openSession() {
                throw new UnsupportedOperationException("the workload here opens no session");
            }

            @Override
            public KeyValueSemantics semantics() {
                if (dead.get()) {
                    throw new DbxException("redis: CONFIG GET failed: Currently not connected");
                }
                return new KeyValueSemantics(
                        KeyValueSemantics.Update.ATOMIC, "appendfsync=everysec", true, "last write wins");
            }
        };
        StoreRun run = runner.run(
                workload(n -> MS, n -> {
                    if (n < 2_000) {
                        return null;
                    }
                    dead.set(true);
                    return new DbxException("redis: connection refused");
                }),
                new NoServer(
                        Capabilities.builder().add(KeyValue.class, keyValue).build()),
                closed(Duration.ZERO, Duration.ofSeconds(60)),
                Runner.Listener.NONE);

        assertThat(run.status()).isEqualTo(StoreRun.Status.PARTIAL);
        assertThat(run.semantics())
                .containsEntry("durability", "appendfsync=everysec")
                .containsEntry("update", "atomic");
    }

    @Test
    void anOperationCountIsExact() {
        StoreRun run = runner.run(
                workload(n -> MS, n -> null),
                new NoServer(),
                new RunConfig(1, false, null, 1_234, Duration.ofMillis(500), 0, null, Duration.ofSeconds(30), 1),
                Runner.Listener.NONE);

        assertThat(run.totalOperations()).isEqualTo(1_234);
        assertThat(run.measuredNanos()).isBetween(1_233 * MS, 1_235 * MS);
    }

    @Test
    void aRunWhereNothingFinishesIsStoppedNotWaitedFor() {
        // real time here: the worker blocks (interruptibly) for far longer than the operation timeout
        Runner real = new Runner();
        long t0 = System.nanoTime();
        StoreRun run = real.run(
                new BlockingWorkload(),
                new NoServer(),
                new RunConfig(2, false, Duration.ofSeconds(60), 0, Duration.ZERO, 0, null, Duration.ofSeconds(1), 1),
                Runner.Listener.NONE);
        assertThat(run.status()).isEqualTo(StoreRun.Status.PARTIAL);
        assertThat(run.reason()).contains("no operation finished within the operation timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
    }

    private static long countAbove(Histogram h, long micros) {
        return h.getTotalCount() - h.getCountBetweenValues(0, micros);
    }

    /** Operations that never end (until interrupted). */
    private static final class BlockingWorkload implements Workload {
        @Override
        public String name() {
            return "blocking";
        }

        @Override
        public String description() {
            return "never returns";
        }

        @Override
        public List<String> operations() {
            return List.of("wait");
        }

        @Override
        public Map<String, String> parameters() {
            return Map.of();
        }

        @Override
        public Optional<String> notApplicable(Store store) {
            return Optional.empty();
        }

        @Override
        public Worker worker(Store store, int thread, int threads) {
            return new Worker() {
                @Override
                public int choose() {
                    return 0;
                }

                @Override
                public void perform(int operation) throws Exception {
                    Thread.sleep(600_000);
                }

                @Override
                public void close() {}
            };
        }
    }

    /** A store with nothing behind it: the workloads here never touch it. */
    private static final class NoServer implements Store {
        private final StoreConfig config = new StoreConfig("none", URI.create("none:nothing"));
        private final Capabilities capabilities;

        NoServer() {
            this(Capabilities.builder().build());
        }

        NoServer(Capabilities capabilities) {
            this.capabilities = capabilities;
        }

        @Override
        public StoreConfig config() {
            return config;
        }

        @Override
        public ServerIdentity identity() {
            return new ServerIdentity("Nothing", "0");
        }

        @Override
        public Capabilities capabilities() {
            return capabilities;
        }

        @Override
        public void close() {}
    }
}
