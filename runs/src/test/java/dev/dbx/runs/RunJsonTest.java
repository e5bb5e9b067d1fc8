package dev.dbx.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbx.workloads.runner.BenchmarkRun;
import dev.dbx.workloads.runner.OperationStats;
import dev.dbx.workloads.runner.StoreRun;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class RunJsonTest {
    private final BenchmarkRun run = RunStoreTest.everything("20261202-143501-ycsb-a");

    @Test
    void theSummaryHasTheIssuesShape() throws Exception {
        JsonNode json = new ObjectMapper().readTree(RunJson.text(RunJson.summary(run)));
        assertThat(json.get("runId").asText()).isEqualTo(run.id());
        assertThat(json.get("workload").asText()).isEqualTo("ycsb-a");
        assertThat(json.get("correct").asBoolean()).isFalse();
        assertThat(json.get("config").get("threads").asText()).isEqualTo("8");
        JsonNode postgres = json.get("results").get(0);
        StoreRun pg = run.results().get(0);
        assertThat(postgres.get("store").asText()).isEqualTo("postgres");
        assertThat(postgres.get("server").asText()).isEqualTo("PostgreSQL 17.11");
        assertThat(postgres.get("opsPerSec").asDouble()).isEqualTo(pg.opsPerSecond());
        Histogram response = pg.response();
        assertThat(postgres.get("p50Ms").asDouble()).isEqualTo(response.getValueAtPercentile(50) / 1000.0);
        assertThat(postgres.get("p95Ms").asDouble()).isEqualTo(response.getValueAtPercentile(95) / 1000.0);
        assertThat(postgres.get("p99Ms").asDouble()).isEqualTo(response.getValueAtPercentile(99) / 1000.0);
        assertThat(postgres.get("p999Ms").asDouble()).isEqualTo(response.getValueAtPercentile(99.9) / 1000.0);
        assertThat(postgres.get("maxMs").asDouble()).isEqualTo(response.getMaxValue() / 1000.0);
        assertThat(postgres.get("errors").asLong()).isZero();
        assertThat(postgres.get("wrongAnswers").asLong()).isZero();
        assertThat(postgres.get("correct").asBoolean()).isTrue();
        assertThat(postgres.get("semantics").get("durability").asText()).isEqualTo("synchronous_commit=on, fsync=on");
        assertThat(postgres.get("serverCpuPeakPercent").asDouble()).isPositive();
        assertThat(postgres.has("byOperation"))
                .as("histograms only in the export")
                .isFalse();
        JsonNode sqlite = json.get("results").get(1);
        assertThat(sqlite.get("serverCpuMeanPercent").isNull())
                .as("embedded: no server figures")
                .isTrue();
        JsonNode redis = json.get("results").get(2);
        assertThat(redis.get("errors").asLong()).isEqualTo(12);
        assertThat(redis.get("errorsByKind").get("SocketTimeoutException").asLong())
                .isEqualTo(12);
        assertThat(redis.get("wrongAnswers").asLong()).isEqualTo(2);
        assertThat(redis.get("correct").asBoolean()).isFalse();
        assertThat(redis.get("service").get("p99Ms").asDouble())
                .isLessThan(redis.get("p99Ms").asDouble());
        JsonNode clickhouse = json.get("results").get(3);
        assertThat(clickhouse.get("status").asText()).isEqualTo("FAILED");
        assertThat(clickhouse.get("reason").asText()).startsWith("n/a");
        assertThat(clickhouse.get("p50Ms").isNull()).isTrue();
    }

    @Test
    void theExportCarriesEveryHistogramExactly() throws Exception {
        JsonNode json = new ObjectMapper().readTree(RunJson.text(RunJson.export(run)));
        assertThat(json.get("histogramEncoding").asText())
                .contains("HdrHistogram")
                .contains("microseconds");
        for (int s = 0; s < run.results().size(); s++) {
            StoreRun r = run.results().get(s);
            JsonNode node = json.get("results").get(s);
            assertThat(node.get("byOperation")).hasSize(r.operations().size());
            for (int o = 0; o < r.operations().size(); o++) {
                OperationStats op = r.operations().get(o);
                JsonNode n = node.get("byOperation").get(o);
                assertThat(n.get("op").asText()).isEqualTo(op.name());
                assertThat(Histograms.decode(n.get("response").get("histogram").asText(), "test"))
                        .isEqualTo(op.response());
                assertThat(Histograms.decode(n.get("service").get("histogram").asText(), "test"))
                        .isEqualTo(op.service());
                assertThat(n.get("response").get("count").asLong()).isEqualTo(op.count());
            }
            assertThat(node.get("seconds")).hasSize(r.series().size());
            assertThat(node.get("resources")).hasSize(r.resources().size());
        }
        JsonNode second = json.get("results").get(0).get("seconds").get(0);
        assertThat(second.get("ops").asLong())
                .isEqualTo(run.results().get(0).series().get(0).operations());
    }
}
