package dev.dbx.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbx.workloads.query.QueryFigures;
import dev.dbx.workloads.query.QueryResult;
import dev.dbx.workloads.runner.BenchmarkRun;
import dev.dbx.workloads.runner.OperationStats;
import dev.dbx.workloads.runner.ResourceSample;
import dev.dbx.workloads.runner.Second;
import dev.dbx.workloads.runner.StoreRun;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * A run as JSON. {@link #summary} is what {@code dbx bench --json} and {@code dbx runs show --json} print:
 * {@code {"runId", "workload", ..., "results": [{"store", "server", "opsPerSec", "p50Ms", "p95Ms", "p99Ms", "p999Ms",
 * "maxMs", "errors", "wrongAnswers", "correct", ...}]}}, latencies being response times. {@link #export} adds, per
 * store, each operation's percentiles and raw histograms (HdrHistogram's compressed encoding in base64, values in
 * microseconds: any HdrHistogram library decodes them), the per-second series and the resource samples.
 */
public final class RunJson {
    public static final String HISTOGRAM_ENCODING =
            "HdrHistogram compressed encoding (V2), base64; values in microseconds";

    private RunJson() {}

    public static ObjectNode summary(BenchmarkRun run) {
        return document(run, false);
    }

    public static ObjectNode export(BenchmarkRun run) {
        return document(run, true);
    }

    /** Indented JSON text. */
    public static String text(ObjectNode node) {
        try {
            return JsonText.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of JSON nodes always serialises", e);
        }
    }

    private static ObjectNode document(BenchmarkRun run, boolean full) {
        ObjectNode root = JsonText.MAPPER.createObjectNode();
        root.put("runId", run.id());
        root.put("group", run.group());
        root.put("variant", run.variant());
        root.put("workload", run.workload());
        root.put("description", run.description());
        root.put("started", run.started().toString());
        root.put("revision", run.revision());
        root.put("correct", run.correct());
        putMap(root, "config", run.config());
        putMap(root, "parameters", run.parameters());
        putMap(root, "machine", run.machine());
        if (full) {
            root.put("histogramEncoding", HISTOGRAM_ENCODING);
        }
        ArrayNode results = root.putArray("results");
        for (StoreRun r : run.results()) {
            ObjectNode node = results.addObject();
            storeRun(node, r);
            if (full) {
                details(node, r);
            }
        }
        return root;
    }

    private static void storeRun(ObjectNode node, StoreRun r) {
        StoreFigures f = StoreFigures.of(r);
        node.put("store", r.store());
        node.put("server", r.server());
        node.put("placement", r.placement());
        node.put("mode", r.mode());
        node.put("status", r.status().name());
        node.put("reason", r.reason());
        node.put("correct", r.correct());
        node.put("measuredSeconds", r.measuredNanos() / 1e9);
        node.put("operations", r.totalOperations());
        node.put("opsPerSec", f.opsPerSecond());
        latencies(node, f.response());
        latencies(node.putObject("service"), f.service());
        node.put("errors", r.totalErrors());
        ObjectNode kinds = node.putObject("errorsByKind");
        new TreeMap<>(r.errors()).forEach(kinds::put);
        node.put("wrongAnswers", r.wrongAnswers());
        ArrayNode examples = node.putArray("wrongExamples");
        r.wrongExamples().forEach(examples::add);
        node.put("serverCpuMeanPercent", f.serverCpuMeanPercent());
        node.put("serverCpuPeakPercent", f.serverCpuPeakPercent());
        node.put("serverMemoryPeakBytes", f.serverMemoryPeakBytes());
        node.put("dbxCpuMicrosPerOp", f.dbxCpuMicrosPerOperation());
        node.put("conflictRetries", r.conflictRetries());
        putMap(node, "semantics", r.semantics());
        if (r.queries() != null) {
            queries(node, r.queries());
        }
    }

    /** A query suite's figures: {@code "queries": [{"query", "coldMs", "hotMs", "runsMs", "correct", "reason"}]}. */
    private static void queries(ObjectNode node, QueryFigures q) {
        node.put("hotScoreMs", q.hotScore());
        node.put("coldScoreMs", q.coldScore());
        node.put("queriesCorrect", q.correctCount());
        node.put("queriesWrong", q.wrong());
        node.put("queriesNotApplicable", q.notApplicable());
        ObjectNode cold = node.putObject("coldStart");
        q.coldStart().dropped().forEach(cold.putArray("dropped")::add);
        q.coldStart().kept().forEach(cold.putArray("kept")::add);
        node.put("streams", q.streams());
        node.put("streamsMs", q.streamsMs());
        node.put("streamQueries", q.streamQueries());
        node.put("streamWrong", q.streamWrong());
        node.put("queriesPerHour", q.queriesPerHour());
        ArrayNode list = node.putArray("queries");
        for (QueryResult result : q.results()) {
            ObjectNode o = list.addObject();
            o.put("query", result.query());
            o.put("coldMs", result.coldMs());
            o.put("hotMs", result.hotMs());
            result.runsMs().forEach(o.putArray("runsMs")::add);
            if (result.correct() == null) {
                o.putNull("correct");
            } else {
                o.put("correct", result.correct());
            }
            o.put("reason", result.reason());
        }
    }

    private static void details(ObjectNode node, StoreRun r) {
        ArrayNode operations = node.putArray("byOperation");
        for (OperationStats op : r.operations()) {
            ObjectNode o = operations.addObject();
            o.put("op", op.name());
            o.put("count", op.count());
            o.put("errors", op.errors());
            histogram(o.putObject("response"), op.response());
            histogram(o.putObject("service"), op.service());
        }
        ArrayNode seconds = node.putArray("seconds");
        for (Second s : r.series()) {
            ObjectNode o = seconds.addObject();
            o.put("second", s.second());
            o.put("ops", s.operations());
            o.put("errors", s.errors());
            o.put("p50Ms", StoreFigures.ms(s.p50Micros()));
            o.put("p99Ms", StoreFigures.ms(s.p99Micros()));
            o.put("maxMs", StoreFigures.ms(s.maxMicros()));
        }
        ArrayNode resources = node.putArray("resources");
        for (ResourceSample s : r.resources()) {
            ObjectNode o = resources.addObject();
            o.put("second", s.second());
            o.put("serverCpuPercent", s.serverCpuPercent());
            o.put("serverMemoryBytes", s.serverMemoryBytes());
            o.put("dbxCpuPercent", s.dbxCpuPercent());
            o.put("dbxHeapBytes", s.dbxHeapBytes());
            o.put("dbxGcMillis", s.dbxGcMillis());
        }
    }

    private static void histogram(ObjectNode node, Histogram h) {
        node.put("count", h.getTotalCount());
        latencies(node, StoreFigures.Latencies.of(h));
        node.put("histogram", Histograms.encode(h));
    }

    /** The percentiles, or nulls when nothing finished. */
    private static void latencies(ObjectNode node, StoreFigures.Latencies l) {
        node.put("p50Ms", l == null ? null : l.p50Ms());
        node.put("p95Ms", l == null ? null : l.p95Ms());
        node.put("p99Ms", l == null ? null : l.p99Ms());
        node.put("p999Ms", l == null ? null : l.p999Ms());
        node.put("maxMs", l == null ? null : l.maxMs());
    }

    private static void putMap(ObjectNode parent, String name, Map<String, String> map) {
        ObjectNode node = parent.putObject(name);
        new TreeMap<>(map).forEach(node::put);
    }
}
