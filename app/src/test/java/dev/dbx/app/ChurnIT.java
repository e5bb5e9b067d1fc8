package dev.dbx.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbx.core.Uris;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import dev.dbx.core.store.Stores;
import dev.dbx.engine.RunningEngine;
import dev.dbx.workloads.churn.ChangeCounts;
import dev.dbx.workloads.dataset.TpchSource;
import dev.dbx.workloads.load.DatasetLoader;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dbx churn} end to end on a real PostgreSQL 17 (TPC-H SF 0.01 loaded through the store): the run goes through
 * the benchmark runner open loop, is stored, and the tables' row counts move exactly as the run's own change counts say
 * (and a row taken away behind its back shows as a count that does not add up). The rate reached is printed, not
 * asserted: this machine is shared.
 */
class ChurnIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Entity> WRITTEN = List.of(TpchSchema.ORDERS, TpchSchema.LINEITEM, TpchSchema.CUSTOMER);

    @TempDir
    Path dir;

    @Test
    void aShortChurnMakesExactlyTheChangesItCountsAndIsStored() throws Exception {
        try (RunningEngine pg = RunningEngine.start("postgres")) {
            URI uri = pg.uri();
            InProcess.Run empty = InProcess.dbx(
                    "--data-dir", dir.toString(), "--store", "postgres=" + uri, "churn", "--duration", "1s");
            assertThat(empty.exit()).as(empty.err()).isEqualTo(1);
            assertThat(empty.err())
                    .contains("cannot churn on postgres: postgres has no TPC-H tables")
                    .contains("load it first: dbx load --dataset tpch --stores postgres")
                    .doesNotContain("Exception");

            Map<String, Long> before;
            try (Store store = Stores.open(new StoreConfig("postgres", uri, Duration.ofSeconds(10)))) {
                DatasetLoader.load(store, DatasetLoader.counting(new TpchSource(0.01)), false);
                before = rowCounts(store);
            }

            InProcess.Run run = InProcess.dbx(
                    "--data-dir",
                    dir.toString(),
                    "--store",
                    "postgres=" + uri,
                    "churn",
                    "--rate",
                    "200",
                    "--duration",
                    "5s",
                    "--warmup",
                    "1s",
                    "--threads",
                    "4",
                    "--json");
            assertThat(run.exit()).as(run.err()).isZero();
            JsonNode json = JSON.readTree(run.out());
            JsonNode result = json.get("results").get(0);
            assertThat(result.get("status").asText()).isEqualTo("COMPLETE");
            assertThat(result.get("errors").asLong()).as(result.toString()).isZero();
            assertThat(result.get("wrongAnswers").asLong()).isZero();
            assertThat(result.get("operations").asLong()).isPositive();
            System.out.printf(
                    "churn at 200/s asked: %.1f ops/s reached, p99 response %s ms, over %.1f s%n",
                    result.get("opsPerSec").asDouble(),
                    result.get("p99Ms"),
                    result.get("measuredSeconds").asDouble());

            ChangeCounts changes = changes(json.get("parameters"));
            assertThat(changes.get("orders", ChangeCounts.Kind.INSERTED)).isPositive();
            assertThat(changes.get("orders", ChangeCounts.Kind.DELETED)).isPositive();
            assertThat(changes.get("lineitem", ChangeCounts.Kind.UPDATED)).isPositive();
            assertThat(changes.get("customer", ChangeCounts.Kind.UPDATED)).isPositive();

            try (Store store = Stores.open(new StoreConfig("postgres", uri, Duration.ofSeconds(10)))) {
                assertThat(changes.checkRowCounts(before, rowCounts(store))).isEmpty();

                deleteOneLineBehindItsBack(uri);
                assertThat(changes.checkRowCounts(before, rowCounts(store)))
                        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                        .startsWith("lineitem: ")
                        .endsWith((before.get("lineitem") + changes.net("lineitem") - 1) + " found");
            }

            // as a person reads it: the table, each operation's times, the rows changed; --scale loads TPC-H first
            // (this
            // lab has no record of the load above), through the store
            InProcess.Run table = InProcess.dbx(
                    "--data-dir",
                    dir.toString(),
                    "--store",
                    "postgres=" + uri,
                    "churn",
                    "--rate",
                    "100",
                    "--duration",
                    "2s",
                    "--warmup",
                    "0s",
                    "--threads",
                    "2",
                    "--scale",
                    "0.01");
            System.out.println(table.out());
            assertThat(table.exit()).as(table.err()).isZero();
            assertThat(table.err()).contains("dbx: loading TPC-H");
            assertThat(table.out())
                    .contains("orders at start=15000")
                    .contains("postgres per operation (response time; service time in brackets):")
                    .contains("new-order", "update-order", "change-line", "change-customer", "cancel-order")
                    .contains("rows changed (committed transactions, warm-up included):")
                    .containsPattern("lineitem +[0-9,]+ +[0-9,]+ +[0-9,]+ +[+-][0-9,]+")
                    .contains("stored as run ")
                    // asked while every client holds its session: the pool has one connection more
                    .contains("durability: synchronous_commit=");

            InProcess.Run runs = InProcess.dbx("--data-dir", dir.toString(), "runs");
            assertThat(runs.exit()).as(runs.err()).isZero();
            assertThat(runs.out()).contains(json.get("runId").asText());

            Path page = dir.resolve("churn.html");
            InProcess.Run report = InProcess.dbx(
                    "--data-dir", dir.toString(), "report", json.get("runId").asText(), "--out", page.toString());
            assertThat(report.exit()).as(report.err()).isZero();
            assertThat(java.nio.file.Files.readString(page)).contains("churn").contains("new-order");
        }
    }

    private static Map<String, Long> rowCounts(Store store) {
        DatasetModel model = store.require(DatasetModel.class);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Entity entity : WRITTEN) {
            counts.put(entity.name(), model.count(TpchSchema.DATASET, entity));
        }
        return counts;
    }

    /** The counts as the run stored them, under {@code parameters."changes.<entity>.<kind>"}. */
    private static ChangeCounts changes(JsonNode parameters) {
        ChangeCounts changes = new ChangeCounts();
        for (String entity : ChangeCounts.ENTITIES) {
            for (ChangeCounts.Kind kind : ChangeCounts.Kind.values()) {
                JsonNode value = parameters.get("changes." + entity + "." + kind.label());
                assertThat(value).as("changes." + entity + "." + kind.label()).isNotNull();
                changes.add(entity, kind, value.asLong());
            }
        }
        return changes;
    }

    /** pgjdbc straight to the server, not through dbx's store. */
    private static void deleteOneLineBehindItsBack(URI uri) throws Exception {
        String url = "jdbc:postgresql://" + Uris.host(uri, "127.0.0.1") + ":" + Uris.port(uri, 5432) + "/"
                + Uris.database(uri, "postgres");
        try (Connection c = DriverManager.getConnection(url, Uris.user(uri, "postgres"), Uris.password(uri, null));
                Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("DELETE FROM lineitem WHERE (l_orderkey, l_linenumber) ="
                            + " (SELECT l_orderkey, l_linenumber FROM lineitem ORDER BY l_orderkey LIMIT 1)"))
                    .isEqualTo(1);
        }
    }
}
