package dev.dbx.workloads.query;

import dev.dbx.core.query.CacheDrop;
import dev.dbx.workloads.runner.ResourceSample;
import dev.dbx.workloads.runner.StoreRun;
import java.time.Instant;
import java.util.List;

/**
 * A query suite's run on one store: each query's cold and hot times and verdict, what "cold" meant there, and, with
 * several streams, the throughput test (every stream runs every query at once, like TPC-H's throughput test).
 *
 * @param server the server as it reported itself, or null when it could not be reached
 * @param status COMPLETE, PARTIAL (stopped early) or FAILED (did not run: n/a, unreachable)
 * @param reason why it did not run, stopped, or what was wrong; null when all was well
 * @param coldStart what was emptied before each cold run and what could not be
 * @param streams how many query streams ran at once in the throughput test (1: none ran)
 * @param streamsMs how long the throughput test took, or null
 * @param streamQueries queries the throughput test ran
 * @param streamWrong answers in the throughput test that were wrong or failed
 * @param resources the server's and dbx's use, a sample a second over the whole run
 * @param resourceSource what "the server" means in those samples
 */
public record SuiteRun(
        String suite,
        String store,
        String server,
        String placement,
        Status status,
        String reason,
        Instant started,
        List<QueryResult> queries,
        CacheDrop coldStart,
        int streams,
        Double streamsMs,
        long streamQueries,
        long streamWrong,
        List<ResourceSample> resources,
        String resourceSource) {
    public enum Status {
        COMPLETE,
        PARTIAL,
        FAILED
    }

    public SuiteRun {
        queries = List.copyOf(queries);
        resources = List.copyOf(resources);
    }

    public static SuiteRun failed(String suite, String store, String server, String reason) {
        return new SuiteRun(
                suite,
                store,
                server,
                null,
                Status.FAILED,
                reason,
                Instant.now(),
                List.of(),
                CacheDrop.nothing("did not run"),
                1,
                null,
                0,
                0,
                List.of(),
                null);
    }

    /** No query was wrong or failed (n/a ones aside), and the throughput test had no wrong answer. */
    public boolean correct() {
        return status != Status.FAILED
                && queries.stream().noneMatch(q -> Boolean.FALSE.equals(q.correct()))
                && streamWrong == 0;
    }

    /** As a stored store run: the query figures attached, no operation mix. */
    public StoreRun toStoreRun(int runs) {
        long measured = 0;
        for (QueryResult q : queries) {
            for (double ms : q.runsMs()) {
                measured += (long) (ms * 1_000_000);
            }
        }
        String mode = runs + " run" + (runs == 1 ? "" : "s") + " per query (the first cold)"
                + (streams > 1 ? ", then " + streams + " streams at once" : "");
        return new StoreRun(
                suite,
                store,
                server,
                placement == null
                        ? null
                        : placement + (resourceSource == null ? "" : "; server figures: " + resourceSource),
                java.util.Map.of(),
                status == Status.FAILED ? null : mode,
                StoreRun.Status.valueOf(status.name()),
                reason,
                started,
                measured,
                List.of(),
                java.util.Map.of(),
                0,
                List.of(),
                List.of(),
                resources,
                0,
                0,
                status == Status.FAILED
                        ? null
                        : new QueryFigures(queries, coldStart, streams, streamsMs, streamQueries, streamWrong));
    }

    public SuiteRun withQueries(List<QueryResult> replaced) {
        return new SuiteRun(
                suite,
                store,
                server,
                placement,
                status,
                reason,
                started,
                replaced,
                coldStart,
                streams,
                streamsMs,
                streamQueries,
                streamWrong,
                resources,
                resourceSource);
    }
}
