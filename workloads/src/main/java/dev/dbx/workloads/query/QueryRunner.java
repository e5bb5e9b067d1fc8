package dev.dbx.workloads.query;

import dev.dbx.core.Failures;
import dev.dbx.core.query.CacheDrop;
import dev.dbx.core.store.Placement;
import dev.dbx.core.store.Store;
import dev.dbx.workloads.runner.ResourceSample;
import dev.dbx.workloads.runner.ResourceSampler;
import dev.dbx.workloads.runner.RunClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a query suite on one store, ClickBench's way: before each query's first run the store's caches and the OS page
 * cache are dropped where dbx can (the run says what it could not), then the query runs {@code runs} times; its first
 * time is cold, the fastest of the others hot. Every answer is checked, after its time was taken; a wrong answer or a
 * failure fails that query whatever its time. With several streams, a throughput test follows: every stream runs every
 * query at once, each starting at a different query (TPC-H's throughput test). The server's and dbx's CPU and memory
 * are sampled every second throughout.
 */
public final class QueryRunner {
    /** Follows a run as it goes. */
    public interface Listener {
        Listener NONE = new Listener() {};

        default void query(String store, QueryResult result) {}

        default void streams(String store, int streams) {}
    }

    public SuiteRun run(QuerySuite suite, Store store, QueryRunConfig config, Listener listener) {
        String server;
        try {
            server = store.identity().toString();
        } catch (RuntimeException e) {
            return SuiteRun.failed(suite.name(), store.id(), null, "cannot reach it: " + Failures.describe(e));
        }
        Optional<String> notApplicable = suite.notApplicable(store);
        if (notApplicable.isPresent()) {
            return SuiteRun.failed(suite.name(), store.id(), server, "n/a: " + notApplicable.get());
        }
        List<SuiteQuery<?>> queries;
        try {
            queries = suite.queries(store);
        } catch (RuntimeException e) {
            return SuiteRun.failed(
                    suite.name(), store.id(), server, "cannot prepare its queries: " + Failures.describe(e));
        }
        Instant started = Instant.now();
        ResourceSampler sampler = new ResourceSampler(store, RunClock.SYSTEM);
        List<ResourceSample> samples = new CopyOnWriteArrayList<>();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dbx-query-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.start();
        AtomicLong second = new AtomicLong();
        ticker.scheduleAtFixedRate(() -> samples.add(sampler.sample(second.incrementAndGet())), 1, 1, TimeUnit.SECONDS);
        Set<String> dropped = new LinkedHashSet<>();
        Set<String> kept = new LinkedHashSet<>();
        if (!config.dropCaches()) {
            kept.add("nothing was dropped (hot runs only): the first run is not cold");
        }
        List<QueryResult> results = new ArrayList<>();
        Streams streams = null;
        try {
            for (SuiteQuery<?> query : queries) {
                QueryResult result = query.unsupported()
                        .map(why -> QueryResult.notApplicable(query.name(), why))
                        .orElseGet(() -> measure(query, suite, store, config, dropped, kept));
                results.add(result);
                listener.query(store.id(), result);
            }
            if (config.streams() > 1) {
                listener.streams(store.id(), config.streams());
                streams = throughput(queries, config);
            }
        } finally {
            ticker.shutdownNow();
        }
        return new SuiteRun(
                suite.name(),
                store.id(),
                server,
                store.placement().label(),
                SuiteRun.Status.COMPLETE,
                null,
                started,
                results,
                new CacheDrop(List.copyOf(dropped), List.copyOf(kept)),
                config.streams(),
                streams == null ? null : streams.elapsedMs,
                streams == null ? 0 : streams.queries.get(),
                streams == null ? 0 : streams.wrong.get(),
                samples,
                sampler.source());
    }

    private <A> QueryResult measure(
            SuiteQuery<A> query,
            QuerySuite suite,
            Store store,
            QueryRunConfig config,
            Set<String> dropped,
            Set<String> kept) {
        if (config.dropCaches()) {
            coldStart(suite, store, dropped, kept);
        }
        List<Double> times = new ArrayList<>();
        Verdict verdict = null;
        String digest = null;
        for (int run = 0; run < config.runs(); run++) {
            long t0 = System.nanoTime();
            A answer;
            try {
                answer = query.execute(config.timeout());
            } catch (RuntimeException e) {
                return result(query.name(), times, Verdict.wrong("failed: " + Failures.describe(e)), digest);
            }
            times.add((System.nanoTime() - t0) / 1e6);
            Verdict v = check(query, answer);
            if (verdict == null || (!verdict.isWrong() && !Boolean.TRUE.equals(v.correct()))) {
                verdict = v;
            }
            if (digest == null) {
                digest = query.digest(answer);
            }
        }
        return result(query.name(), times, verdict, digest);
    }

    private static <A> Verdict check(SuiteQuery<A> query, A answer) {
        try {
            return query.check(answer);
        } catch (RuntimeException e) {
            return Verdict.wrong("its answer could not be checked: " + Failures.describe(e));
        }
    }

    private static QueryResult result(String query, List<Double> times, Verdict verdict, String digest) {
        Double cold = times.isEmpty() ? null : times.get(0);
        Double hot = times.size() < 2 ? null : Collections.min(times.subList(1, times.size()));
        return new QueryResult(query, cold, hot, times, verdict.correct(), verdict.reason(), digest);
    }

    private static void coldStart(QuerySuite suite, Store store, Set<String> dropped, Set<String> kept) {
        try {
            CacheDrop drop = suite.dropCaches(store);
            dropped.addAll(drop.dropped());
            kept.addAll(drop.kept());
        } catch (RuntimeException e) {
            kept.add("the engine's caches (" + Failures.describe(e) + ")");
        }
        if (store.placement() == Placement.EXTERNAL) {
            kept.add("the external server's OS page cache (not on this machine)");
            return;
        }
        String notDropped = PageCache.drop();
        if (notDropped == null) {
            dropped.add("the OS page cache");
        } else {
            kept.add(notDropped);
        }
    }

    /** TPC-H's throughput test: every stream runs every supported query once, stream i starting at query i. */
    private static Streams throughput(List<SuiteQuery<?>> queries, QueryRunConfig config) {
        List<SuiteQuery<?>> runnable =
                queries.stream().filter(q -> q.unsupported().isEmpty()).toList();
        Streams streams = new Streams();
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int s = 0; s < config.streams(); s++) {
            int first = s;
            threads.add(Thread.ofPlatform()
                    .daemon()
                    .name("dbx-query-stream-" + s)
                    .start(() -> {
                        for (int i = 0; i < runnable.size(); i++) {
                            SuiteQuery<?> query = runnable.get((first + i) % runnable.size());
                            if (!streams.runOnce(query, config)) {
                                streams.wrong.incrementAndGet();
                            }
                            streams.queries.incrementAndGet();
                        }
                    }));
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        streams.elapsedMs = (System.nanoTime() - t0) / 1e6;
        return streams;
    }

    private static final class Streams {
        final AtomicLong queries = new AtomicLong();
        final AtomicLong wrong = new AtomicLong();
        double elapsedMs;

        <A> boolean runOnce(SuiteQuery<A> query, QueryRunConfig config) {
            try {
                return !check(query, query.execute(config.timeout())).isWrong();
            } catch (RuntimeException e) {
                return false;
            }
        }
    }
}
