package dev.dbx.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.query.CacheDrop;
import dev.dbx.workloads.query.QueryFigures;
import dev.dbx.workloads.query.QueryResult;
import dev.dbx.workloads.runner.BenchmarkRun;
import dev.dbx.workloads.runner.StoreRun;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A query suite's run in the report: per-query times and verdicts, scores, the first difference of a wrong answer. */
class QueryReportTest {
    static BenchmarkRun tpch() {
        Instant started = Instant.parse("2026-12-02T20:00:00Z");
        return new BenchmarkRun(
                "20261202-200000-000-tpch",
                "20261202-200000-000-tpch",
                "",
                "tpch",
                "TPC-H Q01,Q02,Q03 at SF 0.01",
                Map.of("scale", "0.01"),
                Map.of("runs", "3"),
                Map.of("cores", "2"),
                "abc",
                started,
                List.of(
                        store(
                                "postgres",
                                "PostgreSQL 17.11",
                                new QueryResult("q01", 120.5, 80.25, List.of(120.5, 80.25, 81.0), true, null, "4"),
                                new QueryResult("q02", 30.0, 10.0, List.of(30.0, 10.0, 11.0), true, null, "100"),
                                new QueryResult("q03", 3.0, 2.0, List.of(3.0, 2.0, 2.5), true, null, "10")),
                        store(
                                "mongo",
                                "MongoDB 8 (mongo-java-server)",
                                new QueryResult("q01", 900.0, 700.0, List.of(900.0, 700.0, 750.0), true, null, "4"),
                                QueryResult.notApplicable("q02", "no native version: needs a correlated subquery"),
                                new QueryResult(
                                        "q03",
                                        50.0,
                                        40.0,
                                        List.of(50.0, 40.0, 41.0),
                                        false,
                                        "q03: row 2 differs in revenue: 1.00, expected 2.00",
                                        "10")),
                        StoreRun.failed("tpch", "redis", "Redis 7.0", "n/a: no analytical queries")));
    }

    private static StoreRun store(String id, String server, QueryResult... results) {
        return new StoreRun(
                "tpch",
                id,
                server,
                "local engine",
                Map.of(),
                "3 runs per query (the first cold)",
                StoreRun.Status.COMPLETE,
                null,
                Instant.parse("2026-12-02T20:00:00Z"),
                1_000_000_000L,
                List.of(),
                Map.of(),
                0,
                List.of(),
                List.of(),
                List.of(),
                0,
                0,
                new QueryFigures(
                        List.of(results),
                        new CacheDrop(List.of("the OS page cache"), List.of("shared_buffers")),
                        1,
                        null,
                        0,
                        0));
    }

    @Test
    void theMarkdownHasEachQueryPerStoreTheScoresAndTheWrongAnswer() {
        String md = MarkdownReport.render(List.of(tpch()));
        assertThat(md)
                .contains("| query | postgres hot / cold | mongo hot / cold |")
                .contains("| q01 | 80.3 / 121 ✓ | 700 / 900 ✓ |")
                .contains("| q02 | 10.0 / 30.0 ✓ | n/a |")
                .contains("| q03 | 2.00 / 3.00 ✓ | 40.0 / 50.0 ✗ |")
                .contains("| mongo | q03 | q03: row 2 differs in revenue: 1.00, expected 2.00 |")
                .contains("| redis | Redis 7.0 | – | – | – | – | – | – | n/a: no analytical queries |")
                .contains("q02 (n/a: no native version: needs a correlated subquery)");
    }

    @Test
    void theHtmlDrawsTheQueriesAndTheScores() {
        String html = HtmlReport.render(List.of(tpch()));
        assertThat(html)
                .contains("Hot time per query")
                .contains("Score per store")
                .contains("\"points\"");
        assertThat(html).doesNotContain("Latency by percentile");
    }
}
