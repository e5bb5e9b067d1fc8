package dev.dbx.runs;

import dev.dbx.core.query.CacheDrop;
import dev.dbx.workloads.query.QueryFigures;
import dev.dbx.workloads.query.QueryResult;
import dev.dbx.workloads.runner.BenchmarkRun;
import dev.dbx.workloads.runner.OperationStats;
import dev.dbx.workloads.runner.ResourceSample;
import dev.dbx.workloads.runner.Second;
import dev.dbx.workloads.runner.StoreRun;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link BenchmarkRun} as rows of the run store's tables (see schema.sql), and back: everything the run holds is
 * written (raw histograms included), so reading it gives an equal run.
 */
final class RunRows {
    private RunRows() {}

    static void insert(Connection c, BenchmarkRun run) throws SQLException {
        insert(
                c,
                List.of(new Row("run")
                        .set("id", run.id())
                        .set("group_id", run.group())
                        .set("variant", run.variant())
                        .set("workload", run.workload())
                        .set("description", run.description())
                        .set("started", Times.text(run.started()))
                        .set("revision", run.revision())
                        .set("correct", run.correct() ? 1 : 0)
                        .set("config", JsonText.of(run.config()))
                        .set("parameters", JsonText.of(run.parameters()))
                        .set("machine", JsonText.of(run.machine()))));
        for (int i = 0; i < run.results().size(); i++) {
            insert(c, run.id(), i, run.results().get(i));
        }
    }

    private static void insert(Connection c, String runId, int position, StoreRun r) throws SQLException {
        StoreFigures f = StoreFigures.of(r);
        Row storeRun = new Row("store_run")
                .set("run_id", runId)
                .set("store", r.store())
                .set("position", position)
                .set("workload", r.workload())
                .set("server", r.server())
                .set("placement", r.placement())
                .set("semantics", JsonText.of(r.semantics()))
                .set("mode", r.mode())
                .set("status", r.status().name())
                .set("reason", r.reason())
                .set("correct", r.correct() ? 1 : 0)
                .set("started", Times.text(r.started()))
                .set("measured_nanos", r.measuredNanos())
                .set("measured_seconds", r.measuredNanos() / 1e9)
                .set("operations", r.totalOperations())
                .set("ops_per_sec", f.opsPerSecond())
                .latencies("response_", "_ms", f.response())
                .latencies("service_", "_ms", f.service())
                .set("errors", r.totalErrors())
                .set("errors_by_kind", JsonText.of(r.errors()))
                .set("wrong_answers", r.wrongAnswers())
                .set("wrong_examples", JsonText.of(r.wrongExamples()))
                .set("server_cpu_mean_pct", f.serverCpuMeanPercent())
                .set("server_cpu_peak_pct", f.serverCpuPeakPercent())
                .set("server_mem_peak_bytes", f.serverMemoryPeakBytes())
                .set("dbx_cpu_nanos", r.dbxCpuNanos())
                .set("dbx_cpu_us_per_op", f.dbxCpuMicrosPerOperation())
                .set("conflict_retries", r.conflictRetries());
        insert(c, List.of(storeRun));
        List<Row> operations = new ArrayList<>();
        for (int i = 0; i < r.operations().size(); i++) {
            OperationStats op = r.operations().get(i);
            operations.add(new Row("operation")
                    .set("run_id", runId)
                    .set("store", r.store())
                    .set("position", i)
                    .set("op", op.name())
                    .set("count", op.count())
                    .set("errors", op.errors())
                    .latencies("", "_ms", StoreFigures.Latencies.of(op.response()))
                    .set("service_histogram", Histograms.encode(op.service()))
                    .set("response_histogram", Histograms.encode(op.response())));
        }
        insert(c, operations);
        insert(
                c,
                r.series().stream()
                        .map(x -> new Row("second")
                                .set("run_id", runId)
                                .set("store", r.store())
                                .set("second", x.second())
                                .set("ops", x.operations())
                                .set("errors", x.errors())
                                .set("p50_ms", StoreFigures.ms(x.p50Micros()))
                                .set("p99_ms", StoreFigures.ms(x.p99Micros()))
                                .set("max_ms", StoreFigures.ms(x.maxMicros())))
                        .toList());
        insert(
                c,
                r.resources().stream()
                        .map(x -> new Row("resource")
                                .set("run_id", runId)
                                .set("store", r.store())
                                .set("second", x.second())
                                .set("server_cpu_pct", x.serverCpuPercent())
                                .set("server_mem_bytes", x.serverMemoryBytes())
                                .set("dbx_cpu_pct", x.dbxCpuPercent())
                                .set("dbx_heap_bytes", x.dbxHeapBytes())
                                .set("dbx_gc_ms", x.dbxGcMillis()))
                        .toList());
        if (r.queries() != null) {
            insertQueries(c, runId, r.store(), r.queries());
        }
    }

    private static void insertQueries(Connection c, String runId, String store, QueryFigures q) throws SQLException {
        insert(
                c,
                List.of(new Row("query_run")
                        .set("run_id", runId)
                        .set("store", store)
                        .set("cold_dropped", JsonText.of(q.coldStart().dropped()))
                        .set("cold_kept", JsonText.of(q.coldStart().kept()))
                        .set("hot_score_ms", q.hotScore())
                        .set("cold_score_ms", q.coldScore())
                        .set("queries_correct", q.correctCount())
                        .set("queries_wrong", q.wrong())
                        .set("queries_na", q.notApplicable())
                        .set("streams", q.streams())
                        .set("streams_ms", q.streamsMs())
                        .set("stream_queries", q.streamQueries())
                        .set("stream_wrong", q.streamWrong())));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < q.results().size(); i++) {
            QueryResult result = q.results().get(i);
            rows.add(new Row("query")
                    .set("run_id", runId)
                    .set("store", store)
                    .set("position", i)
                    .set("query", result.query())
                    .set("cold_ms", result.coldMs())
                    .set("hot_ms", result.hotMs())
                    .set("runs_ms", JsonText.of(result.runsMs()))
                    .set("correct", result.correct() == null ? null : (result.correct() ? 1 : 0))
                    .set("reason", result.reason())
                    .set("digest", result.digest()));
        }
        insert(c, rows);
    }

    /** A store's query figures, or null when it ran no query suite. */
    private static QueryFigures queries(Connection c, String runId, String store) throws SQLException {
        List<QueryResult> results = rows(
                c,
                "query",
                "position",
                runId,
                store,
                rs -> new QueryResult(
                        rs.getString("query"),
                        rs.getObject("cold_ms") == null ? null : rs.getDouble("cold_ms"),
                        rs.getObject("hot_ms") == null ? null : rs.getDouble("hot_ms"),
                        JsonText.numbers(rs.getString("runs_ms")),
                        rs.getObject("correct") == null ? null : rs.getInt("correct") == 1,
                        rs.getString("reason"),
                        rs.getString("digest")));
        List<QueryFigures> figures = rows(
                c,
                "query_run",
                "store",
                runId,
                store,
                rs -> new QueryFigures(
                        results,
                        new CacheDrop(
                                JsonText.list(rs.getString("cold_dropped")), JsonText.list(rs.getString("cold_kept"))),
                        rs.getInt("streams"),
                        rs.getObject("streams_ms") == null ? null : rs.getDouble("streams_ms"),
                        rs.getLong("stream_queries"),
                        rs.getLong("stream_wrong")));
        return figures.isEmpty() ? null : figures.get(0);
    }

    /** One row to insert: its columns with their values, in order (a null is SQL's NULL). */
    private static final class Row {
        private final String table;
        private final Map<String, Object> values = new LinkedHashMap<>();

        Row(String table) {
            this.table = table;
        }

        Row set(String column, Object value) {
            values.put(column, value);
            return this;
        }

        /** p50, p95, p99, p999 and max, as columns {@code <prefix>p50<suffix>}...; NULLs when nothing finished. */
        Row latencies(String prefix, String suffix, StoreFigures.Latencies l) {
            set(prefix + "p50" + suffix, l == null ? null : l.p50Ms());
            set(prefix + "p95" + suffix, l == null ? null : l.p95Ms());
            set(prefix + "p99" + suffix, l == null ? null : l.p99Ms());
            set(prefix + "p999" + suffix, l == null ? null : l.p999Ms());
            return set(prefix + "max" + suffix, l == null ? null : l.maxMs());
        }

        String sql() {
            return "INSERT INTO " + table + " (" + String.join(", ", values.keySet()) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(values.size(), "?")) + ")";
        }

        void bind(PreparedStatement s) throws SQLException {
            int i = 1;
            for (Object value : values.values()) {
                if (value == null) {
                    s.setNull(i++, Types.NULL);
                } else {
                    s.setObject(i++, value);
                }
            }
        }
    }

    /** Rows of one table (of the same columns), in one batch. */
    private static void insert(Connection c, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(rows.get(0).sql())) {
            for (Row row : rows) {
                row.bind(s);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    static boolean exists(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM run WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The run of that exact id, or null. */
    static BenchmarkRun read(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM run WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new BenchmarkRun(
                        rs.getString("id"),
                        rs.getString("group_id"),
                        rs.getString("variant"),
                        rs.getString("workload"),
                        rs.getString("description"),
                        JsonText.strings(rs.getString("parameters")),
                        JsonText.strings(rs.getString("config")),
                        JsonText.strings(rs.getString("machine")),
                        rs.getString("revision"),
                        Times.parse(rs.getString("started")),
                        storeRuns(c, id));
            }
        }
    }

    private static List<StoreRun> storeRuns(Connection c, String runId) throws SQLException {
        List<StoreRun> runs = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM store_run WHERE run_id = ? ORDER BY position")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String store = rs.getString("store");
                    runs.add(new StoreRun(
                            rs.getString("workload"),
                            store,
                            rs.getString("server"),
                            rs.getString("placement"),
                            JsonText.strings(rs.getString("semantics")),
                            rs.getString("mode"),
                            StoreRun.Status.valueOf(rs.getString("status")),
                            rs.getString("reason"),
                            Times.parse(rs.getString("started")),
                            rs.getLong("measured_nanos"),
                            operations(c, runId, store),
                            JsonText.counts(rs.getString("errors_by_kind")),
                            rs.getLong("wrong_answers"),
                            JsonText.list(rs.getString("wrong_examples")),
                            series(c, runId, store),
                            resources(c, runId, store),
                            rs.getLong("dbx_cpu_nanos"),
                            rs.getLong("conflict_retries"),
                            queries(c, runId, store)));
                }
            }
        }
        return runs;
    }

    private static List<OperationStats> operations(Connection c, String runId, String store) throws SQLException {
        return rows(c, "operation", "position", runId, store, rs -> {
            String what = runId + " " + store + " " + rs.getString("op");
            return new OperationStats(
                    rs.getString("op"),
                    rs.getLong("count"),
                    rs.getLong("errors"),
                    Histograms.decode(rs.getString("service_histogram"), what + " service"),
                    Histograms.decode(rs.getString("response_histogram"), what + " response"));
        });
    }

    private static List<Second> series(Connection c, String runId, String store) throws SQLException {
        return rows(
                c,
                "second",
                "second",
                runId,
                store,
                rs -> new Second(
                        rs.getLong("second"),
                        rs.getLong("ops"),
                        rs.getLong("errors"),
                        micros(rs.getDouble("p50_ms")),
                        micros(rs.getDouble("p99_ms")),
                        micros(rs.getDouble("max_ms"))));
    }

    private static List<ResourceSample> resources(Connection c, String runId, String store) throws SQLException {
        return rows(
                c,
                "resource",
                "second",
                runId,
                store,
                rs -> new ResourceSample(
                        rs.getLong("second"),
                        rs.getObject("server_cpu_pct") == null ? null : rs.getDouble("server_cpu_pct"),
                        rs.getObject("server_mem_bytes") == null ? null : rs.getLong("server_mem_bytes"),
                        rs.getDouble("dbx_cpu_pct"),
                        rs.getLong("dbx_heap_bytes"),
                        rs.getLong("dbx_gc_ms")));
    }

    /** Makes one value of a result set's current row. */
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** A store run's rows of a table, in order. */
    private static <T> List<T> rows(
            Connection c, String table, String order, String runId, String store, RowReader<T> reader)
            throws SQLException {
        List<T> values = new ArrayList<>();
        try (PreparedStatement s =
                c.prepareStatement("SELECT * FROM " + table + " WHERE run_id = ? AND store = ? ORDER BY " + order)) {
            s.setString(1, runId);
            s.setString(2, store);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(reader.read(rs));
                }
            }
        }
        return values;
    }

    /** Milliseconds as written back to the runner's whole microseconds (exact: a double holds them with room). */
    private static long micros(double ms) {
        return Math.round(ms * 1_000);
    }
}
