package dev.dbx.app;

import static dev.dbx.app.InProcess.dbx;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbx.app.InProcess.Run;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dbx bench tpch} end to end on the embedded engines: the per-query table and JSON with every answer checked,
 * the run stored and listed, and a deliberately wrong answer (a line item changed with DuckDB's own driver) failing the
 * run and naming the query and the row. Never how fast anything was.
 */
class QueryBenchCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String data() {
        return dir.resolve("data").toString();
    }

    @Test
    void tpchAnswersAreCheckedPrintedStoredAndAWrongOneFailsTheRun() throws Exception {
        Run json = dbx(
                "bench",
                "tpch",
                "--data-dir",
                data(),
                "--stores",
                "sqlite,duckdb",
                "--queries",
                "q01,q06,q13",
                "--json");
        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(json.err()).contains("loading TPC-H SF 0.01 into sqlite, duckdb first");
        JsonNode root = JSON.readTree(json.out());
        assertThat(root.get("workload").asText()).isEqualTo("tpch");
        assertThat(root.get("correct").asBoolean()).isTrue();
        for (JsonNode store : root.get("results")) {
            assertThat(store.get("queries")).hasSize(3);
            for (JsonNode q : store.get("queries")) {
                assertThat(q.get("correct").asBoolean()).as(q.toString()).isTrue();
                assertThat(q.get("coldMs").asDouble()).isPositive();
                assertThat(q.get("hotMs").asDouble()).isPositive();
                assertThat(q.get("runsMs")).hasSize(3);
            }
            assertThat(store.get("hotScoreMs").asDouble()).isPositive();
            assertThat(store.get("coldStart").get("dropped").toString()).contains("the OS page cache");
        }

        // a line item of the first group of Q1 (returnflag A, linestatus F) changed behind dbx's back
        Path duckdb = Path.of(data(), "embedded", "duckdb", "dbx.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + duckdb);
                Statement s = c.createStatement()) {
            int changed = s.executeUpdate("UPDATE lineitem SET l_quantity = l_quantity + 1 WHERE rowid ="
                    + " (SELECT min(rowid) FROM lineitem WHERE l_returnflag = 'A' AND l_linestatus = 'F')");
            assertThat(changed).isEqualTo(1);
        }
        Run wrong = dbx(
                "bench",
                "tpch",
                "--data-dir",
                data(),
                "--stores",
                "sqlite,duckdb",
                "--queries",
                "q01",
                "--runs",
                "1",
                "--hot");
        assertThat(wrong.exit()).as(wrong.out() + wrong.err()).isEqualTo(1);
        assertThat(wrong.out())
                .contains("q01")
                .contains("WRONG q01: q01: row 1 differs in sum_qty: 380457.00, expected 380456")
                .contains("WRONG ANSWERS: 1");
        assertThat(wrong.out()
                        .lines()
                        .filter(l -> l.startsWith("q01 "))
                        .findFirst()
                        .orElseThrow())
                .contains("✓")
                .contains("WRONG");

        Run runs = dbx("runs", "--data-dir", data());
        assertThat(runs.out())
                .contains("tpch")
                .contains("sqlite ")
                .contains(" ms")
                .contains("NO");
    }

    @Test
    void badFlagsAreUsageErrors() {
        Run query = dbx("bench", "tpch", "--data-dir", data(), "--queries", "q23");
        assertThat(query.exit()).isEqualTo(2);
        assertThat(query.err()).contains("TPC-H has no query q23");
        Run runs = dbx("bench", "tpch", "--data-dir", data(), "--runs", "0");
        assertThat(runs.exit()).isEqualTo(2);
        assertThat(runs.err()).contains("runs must be at least 1");
        Run scale = dbx("bench", "tpch", "--data-dir", data(), "--scale", "-1");
        assertThat(scale.exit()).isEqualTo(2);
        assertThat(scale.err()).contains("scale factor -1.0 is out of range");
    }
}
