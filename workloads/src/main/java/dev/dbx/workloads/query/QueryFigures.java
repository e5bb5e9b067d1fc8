package dev.dbx.workloads.query;

import dev.dbx.core.query.CacheDrop;
import java.util.List;

/**
 * What a query suite's run on one store adds to a stored run: each query's cold and hot times and verdict, what "cold"
 * meant there, and the throughput test's figures.
 *
 * @param streams query streams that ran at once in the throughput test (1: it did not run)
 * @param streamsMs how long the throughput test took, or null
 */
public record QueryFigures(
        List<QueryResult> results,
        CacheDrop coldStart,
        int streams,
        Double streamsMs,
        long streamQueries,
        long streamWrong) {
    public QueryFigures {
        results = List.copyOf(results);
    }

    public long wrong() {
        return results.stream().filter(q -> Boolean.FALSE.equals(q.correct())).count();
    }

    public long correctCount() {
        return results.stream().filter(q -> Boolean.TRUE.equals(q.correct())).count();
    }

    public long notApplicable() {
        return results.stream()
                .filter(q -> !q.ran() && q.reason() != null && q.reason().startsWith("n/a"))
                .count();
    }

    public boolean correct() {
        return wrong() == 0 && streamWrong == 0;
    }

    /** Geometric mean of the hot times of the queries answered correctly (ms), or null. */
    public Double hotScore() {
        return Scores.geometricMean(results.stream()
                .filter(q -> Boolean.TRUE.equals(q.correct()))
                .map(QueryResult::hotMs)
                .toList());
    }

    /** Geometric mean of the cold times of the queries answered correctly (ms), or null. */
    public Double coldScore() {
        return Scores.geometricMean(results.stream()
                .filter(q -> Boolean.TRUE.equals(q.correct()))
                .map(QueryResult::coldMs)
                .toList());
    }

    /** Queries per hour in the throughput test, or null when it did not run. */
    public Double queriesPerHour() {
        return streamsMs == null || streamsMs <= 0 ? null : streamQueries * 3_600_000.0 / streamsMs;
    }
}
