package dev.dbx.workloads.runner;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.KeyValueSemantics;
import dev.dbx.core.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * Runs a workload on one store: threads (platform or virtual) each with a worker, a warm-up whose operations run but
 * are not recorded, then a measured phase of a duration or an operation count, closed loop or open loop at a target
 * rate (uniform or Poisson arrivals). Every operation's service time (from its actual start) and response time (from
 * its intended start: a stalled server cannot hide behind the clients it stalled, the coordinated-omission mistake)
 * go into HdrHistograms without locks; errors are counted by kind, wrong answers apart; each second is summarised, with
 * the server's and dbx's CPU and memory.
 *
 * <p>It never hangs: a run where no operation finishes within the operation timeout, or where only errors come back
 * for {@value #DEAD_SECONDS} seconds (a server that died), stops with a partial result and the reason. Nothing here
 * knows an engine: the workload reaches the store through its capabilities.
 */
public final class Runner {
    /** Seconds with errors and no success that end a run: the server is gone. */
    static final int DEAD_SECONDS = 3;

    private static final int MAX_ERROR_KINDS = 20;
    private static final int MAX_WRONG_EXAMPLES = 5;

    private final RunClock clock;

    public Runner() {
        this(RunClock.SYSTEM);
    }

    public Runner(RunClock clock) {
        this.clock = clock;
    }

    /** Follows a run as it goes (from the runner's thread). */
    public interface Listener {
        Listener NONE = new Listener() {};

        default void warmingUp(String store, Duration warmup) {}

        default void second(String store, Second second, ResourceSample resources) {}
    }

    public StoreRun run(Workload workload, Store store, RunConfig config, Listener listener) {
        String server;
        try {
            server = store.identity().toString();
        } catch (RuntimeException e) {
            return StoreRun.failed(workload.name(), store.id(), null, "cannot reach it: " + describe(e));
        }
        Optional<String> notApplicable = workload.notApplicable(store);
        if (notApplicable.isPresent()) {
            return StoreRun.failed(workload.name(), store.id(), server, "n/a: " + notApplicable.get());
        }
        return new Run(workload, store, server, config, listener).go();
    }

    /** One run's state, shared by its threads. */
    private final class Run {
        private final Workload workload;
        private final Store store;
        private final String server;
        private final RunConfig config;
        private final Listener listener;
        private final List<String> operations;
        private final Recorders[] recorders;
        private final LongAdder[] counts;
        private final LongAdder[] errorCounts;
        private final Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();
        private final AtomicLong wrongAnswers = new AtomicLong();
        private final List<String> wrongExamples = new ArrayList<>();
        private final AtomicLong measuredOps = new AtomicLong();
        private final AtomicLongArray lastFinished;
        private final LongAdder retries = new LongAdder();
        /** When the last measured operation ended: an operation-count run is measured up to it, not to the tick. */
        private final java.util.concurrent.atomic.LongAccumulator lastMeasuredEnd =
                new java.util.concurrent.atomic.LongAccumulator(Math::max, Long.MIN_VALUE);

        private volatile boolean stop;
        private volatile long measureStart;
        /** Operations intended to start from here on are not run: the measured phase is over. */
        private volatile long measureEnd = Long.MAX_VALUE;

        Run(Workload workload, Store store, String server, RunConfig config, Listener listener) {
            this.workload = workload;
            this.store = store;
            this.server = server;
            this.config = config;
            this.listener = listener;
            this.operations = List.copyOf(workload.operations());
            this.recorders = new Recorders[operations.size()];
            this.counts = new LongAdder[operations.size()];
            this.errorCounts = new LongAdder[operations.size()];
            for (int i = 0; i < operations.size(); i++) {
                recorders[i] = new Recorders();
                counts[i] = new LongAdder();
                errorCounts[i] = new LongAdder();
            }
            this.lastFinished = new AtomicLongArray(config.threads());
        }

        StoreRun go() {
            Instant started = Instant.now();
            // Every client's session is open before the clock starts, one after the other: opening them at once makes
            // the last wait for all others (a pool adds connections one at a time) and eats into the warm-up.
            List<Worker> workers = new ArrayList<>();
            for (int i = 0; i < config.threads(); i++) {
                try {
                    workers.add(workload.worker(store, i, config.threads()));
                } catch (RuntimeException e) {
                    workers.forEach(Runner::closeQuietly);
                    return StoreRun.failed(
                            workload.name(), store.id(), server, "cannot start client " + i + ": " + describe(e));
                }
            }
            // what the store is (its durability, how it updates) is asked now, while it answers: a server that dies
            // during the run could no longer say
            Map<String, String> semantics = semantics();
            long t0 = clock.nanoTime();
            measureStart = t0 + config.warmup().toNanos();
            if (config.duration() != null && !config.duration().isZero()) {
                measureEnd = measureStart + config.duration().toNanos();
            }
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < config.threads(); i++) {
                int index = i;
                Worker worker = workers.get(i);
                Thread.Builder builder = config.virtualThreads()
                        ? Thread.ofVirtual().name("dbx-bench-" + store.id() + "-", index)
                        : Thread.ofPlatform().daemon().name("dbx-bench-" + store.id() + "-" + index);
                lastFinished.set(i, t0);
                threads.add(builder.start(() -> client(worker, index, t0)));
            }
            ResourceSampler sampler = new ResourceSampler(store, clock);
            List<Second> series = new ArrayList<>();
            List<ResourceSample> resources = new ArrayList<>();
            String reason = null;
            StoreRun.Status status = StoreRun.Status.COMPLETE;
            long measured = 0;
            long dbxCpuStart = 0;
            try {
                if (config.warmup().compareTo(Duration.ZERO) > 0) {
                    listener.warmingUp(store.id(), config.warmup());
                }
                clock.sleepUntil(measureStart);
                sampler.start();
                dbxCpuStart = sampler.dbxCpuNanos();
                long end = config.duration() == null
                        ? Long.MAX_VALUE
                        : measureStart + config.duration().toNanos();
                long nextTick = measureStart + 1_000_000_000L;
                int deadSeconds = 0;
                long lastCount = 0;
                long lastErrors = 0;
                for (long second = 1; ; second++) {
                    clock.sleepUntil(Math.min(nextTick, end));
                    long now = clock.nanoTime();
                    Histogram interval = interval();
                    long count = totalCount();
                    long errors = totalErrors();
                    long ok = count - lastCount;
                    long failed = errors - lastErrors;
                    lastCount = count;
                    lastErrors = errors;
                    Second s = new Second(
                            second,
                            ok + failed,
                            failed,
                            interval.getTotalCount() == 0 ? 0 : interval.getValueAtPercentile(50),
                            interval.getTotalCount() == 0 ? 0 : interval.getValueAtPercentile(99),
                            interval.getTotalCount() == 0 ? 0 : interval.getMaxValue());
                    ResourceSample r = sampler.sample(second);
                    series.add(s);
                    resources.add(r);
                    listener.second(store.id(), s, r);
                    deadSeconds = ok == 0 && failed > 0 ? deadSeconds + 1 : 0;
                    if (now >= end || (config.operations() > 0 && measuredOps.get() >= config.operations())) {
                        break;
                    }
                    if (deadSeconds >= DEAD_SECONDS) {
                        status = StoreRun.Status.PARTIAL;
                        reason = "the server stopped answering: only errors for " + DEAD_SECONDS + " s ("
                                + commonestError() + ")";
                        break;
                    }
                    Optional<Long> stuck = stuckFor(now);
                    if (stuck.isPresent()) {
                        status = StoreRun.Status.PARTIAL;
                        reason = "no operation finished within the operation timeout of "
                                + config.operationTimeout().toSeconds() + " s";
                        break;
                    }
                    nextTick += 1_000_000_000L;
                }
                measured = clock.nanoTime() - measureStart;
                if (config.operations() > 0 && lastMeasuredEnd.get() > measureStart) {
                    measured = Math.min(measured, lastMeasuredEnd.get() - measureStart);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = StoreRun.Status.PARTIAL;
                reason = "interrupted";
                measured = clock.nanoTime() - measureStart;
            } finally {
                stop = true;
                clock.release();
                if (!join(threads)) {
                    status = StoreRun.Status.PARTIAL;
                    reason = (reason == null ? "" : reason + "; ")
                            + "a client thread did not stop within the operation timeout (left behind)";
                }
            }
            long dbxCpu = sampler.dbxCpuNanos() - dbxCpuStart;
            if (wrongAnswers.get() > 0 && reason == null) {
                reason = wrongAnswers.get() + " wrong answer(s)";
            }
            return new StoreRun(
                    workload.name(),
                    store.id(),
                    server,
                    store.placement().label() + "; server figures: " + sampler.source(),
                    semantics,
                    config.mode(),
                    status,
                    reason,
                    started,
                    measured,
                    stats(),
                    errorMap(),
                    wrongAnswers.get(),
                    examples(),
                    series,
                    resources,
                    dbxCpu,
                    retries.sum());
        }

        /** One client thread: operations until told to stop, then its worker closed. */
        private void client(Worker worker, int index, long t0) {
            try (worker) {
                loop(worker, index, t0);
                retries.add(worker.conflictRetries());
            }
        }

        private void loop(Worker worker, int index, long t0) {
            Schedule schedule = new Schedule(config, index, t0);
            while (!stop) {
                long intended = schedule.next(clock);
                if (intended < 0 || intended >= measureEnd) {
                    return;
                }
                long start = clock.nanoTime();
                int op = worker.choose();
                Throwable failure = null;
                boolean wrong = false;
                try {
                    worker.perform(op);
                } catch (WrongAnswer w) {
                    wrong = true;
                    failure = w;
                } catch (InterruptedException e) {
                    return;
                } catch (Exception | Error e) {
                    failure = e;
                }
                long end = clock.nanoTime();
                lastFinished.set(index, end);
                if (intended < measureStart || stop) {
                    continue; // warm-up: done, not recorded
                }
                if (config.operations() > 0 && measuredOps.incrementAndGet() > config.operations()) {
                    stop = true;
                    clock.release(); // the count is reached: no client will move a test's clock any further
                    continue;
                }
                lastMeasuredEnd.accumulate(end);
                if (failure == null || wrong) {
                    recorders[op].record((end - start) / 1_000, (end - intended) / 1_000);
                    counts[op].increment();
                    if (wrong) {
                        wrong(operations.get(op), failure.getMessage());
                    }
                } else {
                    errorCounts[op].increment();
                    errorKind(failure);
                }
            }
        }

        private Histogram interval() {
            Histogram all = new Histogram(Recorders.HIGHEST_MICROS, Recorders.DIGITS);
            for (Recorders r : recorders) {
                all.add(r.interval());
            }
            return all;
        }

        private long totalCount() {
            long n = 0;
            for (LongAdder c : counts) {
                n += c.sum();
            }
            return n;
        }

        private long totalErrors() {
            long n = 0;
            for (LongAdder c : errorCounts) {
                n += c.sum();
            }
            return n;
        }

        /** How long since any thread last finished an operation, when longer than the operation timeout. */
        private Optional<Long> stuckFor(long now) {
            long latest = Long.MIN_VALUE;
            for (int i = 0; i < lastFinished.length(); i++) {
                latest = Math.max(latest, lastFinished.get(i));
            }
            long idle = now - latest;
            return idle > config.operationTimeout().toNanos() ? Optional.of(idle) : Optional.empty();
        }

        private void errorKind(Throwable e) {
            String kind = kind(e);
            LongAdder counter = errorKinds.get(kind);
            if (counter == null) {
                if (errorKinds.size() >= MAX_ERROR_KINDS) {
                    kind = "other errors";
                }
                counter = errorKinds.computeIfAbsent(kind, k -> new LongAdder());
            }
            counter.increment();
        }

        private synchronized void wrong(String operation, String what) {
            if (wrongAnswers.incrementAndGet() <= MAX_WRONG_EXAMPLES) {
                wrongExamples.add(operation + ": " + what);
            }
        }

        private synchronized List<String> examples() {
            return List.copyOf(wrongExamples);
        }

        private String commonestError() {
            return errorKinds.entrySet().stream()
                    .max(Map.Entry.comparingByValue((a, b) -> Long.compare(a.sum(), b.sum())))
                    .map(Map.Entry::getKey)
                    .orElse("no detail");
        }

        private Map<String, Long> errorMap() {
            Map<String, Long> out = new LinkedHashMap<>();
            errorKinds.forEach((k, v) -> out.put(k, v.sum()));
            return out;
        }

        private List<OperationStats> stats() {
            List<OperationStats> out = new ArrayList<>();
            for (int i = 0; i < operations.size(); i++) {
                out.add(new OperationStats(
                        operations.get(i),
                        counts[i].sum(),
                        errorCounts[i].sum(),
                        recorders[i].serviceTotal(),
                        recorders[i].responseTotal()));
            }
            return out;
        }

        private Map<String, String> semantics() {
            Map<String, String> out = new LinkedHashMap<>();
            store.capability(KeyValue.class).ifPresent(kv -> {
                try {
                    KeyValueSemantics s = kv.semantics();
                    out.put("update", s.update().label());
                    out.put("durability", s.durability());
                    out.put("readYourWrites", Boolean.toString(s.readYourWrites()));
                    out.put("conflicts", s.conflicts());
                } catch (RuntimeException e) {
                    out.put("durability", "unknown: " + describe(e));
                }
            });
            return out;
        }

        /** Waits for every thread, at most the operation timeout in all; false when one is still running. */
        private boolean join(List<Thread> threads) {
            long deadline = System.nanoTime() + config.operationTimeout().toNanos() + 1_000_000_000L;
            for (Thread t : threads) {
                try {
                    long left = deadline - System.nanoTime();
                    if (left > 0) {
                        t.join(Duration.ofNanos(left));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (t.isAlive()) {
                    t.interrupt();
                }
            }
            return threads.stream().noneMatch(Thread::isAlive);
        }
    }

    /** A thread's intended start times: now (closed loop), or evenly or exponentially spaced at its share of the rate. */
    private static final class Schedule {
        private final RunConfig config;
        private final double gapNanos;
        private final SplittableRandom random;
        private double next;

        Schedule(RunConfig config, int thread, long t0) {
            this.config = config;
            this.gapNanos = config.openLoop() ? 1e9 * config.threads() / config.rate() : 0;
            this.random = new SplittableRandom(config.seed() * 31 + thread);
            // threads start spread over one gap, so an open loop does not begin with a burst
            this.next = t0 + (config.openLoop() ? gapNanos * thread / config.threads() : 0);
        }

        /** The next operation's intended start, after waiting for it; -1 when interrupted. */
        long next(RunClock clock) {
            if (!config.openLoop()) {
                return clock.nanoTime();
            }
            long intended = (long) next;
            next += config.arrival() == RunConfig.Arrival.POISSON
                    ? -Math.log(1 - random.nextDouble()) * gapNanos
                    : gapNanos;
            try {
                clock.sleepUntil(intended);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
            return intended;
        }
    }

    /**
     * An error's kind, for counting: its type and message with what varies per operation (keys, numbers) taken out,
     * so a thousand timeouts on a thousand keys count as one kind.
     */
    static String kind(Throwable e) {
        String message =
                e instanceof DbxException d ? d.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
        String kind = message == null ? e.getClass().getSimpleName() : message;
        kind = kind.replaceAll("user[0-9]+", "user…").replaceAll("[0-9]+", "#");
        return kind.length() > 160 ? kind.substring(0, 160) + "…" : kind;
    }

    private static void closeQuietly(Worker worker) {
        try {
            worker.close();
        } catch (RuntimeException e) {
            // the run already failed; the first error is the one to report
        }
    }

    private static String describe(RuntimeException e) {
        return dev.dbx.core.Failures.describe(e);
    }
}
