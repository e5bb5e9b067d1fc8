package dev.dbx.app;

import static dev.dbx.app.InProcess.dbx;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbx.app.InProcess.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dbx explain} and {@code dbx advise} end to end on an embedded SQLite holding TPC-H SF 0.01: the plan table,
 * the raw text, JSON, advice that changes nothing, apply, revert, and the errors a user meets (no store, two stores,
 * an unknown store, a store without the capability, a store without the dataset, a bad query).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExplainAdviseCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BY_CLERK = "SELECT o_orderkey FROM orders WHERE o_clerk = 'Clerk#000000042'";

    @TempDir
    static Path dir;

    private String data() {
        return dir.resolve("data").toString();
    }

    @BeforeAll
    void load() {
        Run load = dbx("load", "--data-dir", data(), "--dataset", "tpch", "--scale", "0.01", "--stores", "sqlite");
        assertThat(load.exit()).as(load.err()).isZero();
    }

    @Test
    @Order(1)
    void explainPrintsTheSummaryTheRawPlanAndJson() throws Exception {
        Run table = dbx("explain", "--data-dir", data(), "--store", "sqlite", "--text", BY_CLERK);
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out())
                .startsWith("sqlite (SQLite ")
                .contains("FULL SCAN")
                .contains("full scans: orders");

        Run raw =
                dbx("explain", "--data-dir", data(), "--store", "sqlite", "--text", BY_CLERK, "--raw", "--no-analyze");
        assertThat(raw.exit()).as(raw.err()).isZero();
        assertThat(raw.out().strip()).isEqualTo("SCAN orders");

        Run json = dbx("explain", "--data-dir", data(), "--store", "sqlite", "--text", BY_CLERK, "--json");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode plan = JSON.readTree(json.out()).path("plan");
        assertThat(plan.path("analyzed").asBoolean()).isTrue();
        assertThat(plan.path("root").path("access").asText()).isEqualTo("FULL_SCAN");
        assertThat(plan.path("root").path("relation").asText()).isEqualTo("orders");
    }

    @Test
    @Order(2)
    void adviseChangesNothingApplyBuildsAndRevertDrops() throws Exception {
        Run advise = dbx("advise", "--data-dir", data(), "--store", "sqlite", "--text", BY_CLERK);
        assertThat(advise.exit()).as(advise.err()).isZero();
        assertThat(advise.out())
                .contains("nothing changed")
                .contains("CREATE INDEX \"dbx_advised_orders_o_clerk\" ON \"orders\" (\"o_clerk\")");
        assertThat(dbx("explain", "--data-dir", data(), "--store", "sqlite", "--text", BY_CLERK, "--raw")
                        .out())
                .as("the plan after advice alone")
                .contains("SCAN orders");

        Run apply = dbx("advise", "--data-dir", data(), "--store", "sqlite", "--text", BY_CLERK, "--apply", "--json");
        assertThat(apply.exit()).as(apply.err()).isZero();
        JsonNode report = JSON.readTree(apply.out());
        assertThat(report.path("built").get(0).path("name").asText()).isEqualTo("dbx_advised_orders_o_clerk");
        assertThat(report.path("times").get(0).path("accessAfter").asText()).contains("dbx_advised_orders_o_clerk");
        assertThat(report.path("writes").get(0).path("before").path("insertMs").asDouble())
                .isPositive();
        assertThat(dbx("explain", "--data-dir", data(), "--store", "sqlite", "--text", BY_CLERK, "--raw")
                        .out())
                .contains("INDEX dbx_advised_orders_o_clerk");

        Run revert = dbx("advise", "--data-dir", data(), "--store", "sqlite", "--revert");
        assertThat(revert.exit()).as(revert.err()).isZero();
        assertThat(revert.out()).contains("dropped dbx_advised_orders_o_clerk");
        assertThat(dbx("advise", "--data-dir", data(), "--store", "sqlite", "--revert")
                        .out())
                .contains("nothing dropped");
        Run verify = dbx("verify", "--data-dir", data(), "--stores", "sqlite");
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
    }

    @Test
    @Order(3)
    void mistakesGetOneLineAndExitCodeOne() {
        Run none = dbx("explain", "--data-dir", data(), "--text", "SELECT 1");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("which store?");

        Run unknown = dbx("explain", "--data-dir", data(), "--store", "nosuch", "--text", "SELECT 1");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown store 'nosuch'");

        Run noAdvisor = dbx("advise", "--data-dir", data(), "--store", "duckdb", "--text", "SELECT 1");
        assertThat(noAdvisor.exit()).isEqualTo(1);
        assertThat(noAdvisor.err()).contains("store duckdb has no index advisor");

        Run notLoaded = dbx("explain", "--data-dir", data(), "--store", "duckdb", "--query", "q05");
        assertThat(notLoaded.exit()).isEqualTo(1);
        assertThat(notLoaded.err()).contains("holds no tpch dataset").contains("dbx load --dataset tpch");

        Run noQuery = dbx("explain", "--data-dir", data(), "--store", "sqlite", "--workload", "tpch", "--query", "q99");
        assertThat(noQuery.exit()).isEqualTo(1);
        assertThat(noQuery.err()).contains("no query 'q99'");

        Run bad = dbx("explain", "--data-dir", data(), "--store", "sqlite", "--text", "SELECT nothing FROM nowhere");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).startsWith("dbx: sqlite: EXPLAIN QUERY PLAN failed");

        Run uriOnly = dbx("verify", "--data-dir", data(), "--store", "sqlite");
        assertThat(uriOnly.exit()).isEqualTo(1);
        assertThat(uriOnly.err()).contains("--store expects STORE=URI here");
    }
}
