package dev.dbx.store.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbx.core.DbxException;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.Sink;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.store.testkit.SinkContractIT;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The sink contract against the local engine, OpenSearch; and the customer facts every order document carries (its
 * customer's name, segment, nation and region), which the contract's scans do not read, checked against the
 * customer, nation and region indices after the change script moved a customer, renamed a nation and a region.
 */
class ElasticsearchSinkIT extends SinkContractIT {
    private static final String ORDERS = "dbx-tpch-orders";

    @Override
    protected String storeId() {
        return "elasticsearch";
    }

    @Override
    protected String engineName() {
        return "opensearch";
    }

    @Test
    @Order(4)
    void everyOrderCarriesItsCustomersFactsAsTheChangesLeftThem() {
        List<String> stale = staleFacts();
        assertThat(stale)
                .as("orders whose customer facts differ from the customer, nation and region indices")
                .isEmpty();
        // the script renamed nation and region 0: orders of customers there carry the new names
        assertThat(ordersCarrying("customer.n_name", nameOf("nation", "0", "n_name")))
                .isPositive();
        assertThat(ordersCarrying("customer.r_name", nameOf("region", "0", "r_name")))
                .isPositive();
    }

    @Test
    @Order(5)
    void aStaleCustomerFactIsFound() {
        JsonNode order = post(
                        "/" + ORDERS + "/_search", "{\"size\": 1, \"query\": {\"exists\": {\"field\": \"customer\"}}}")
                .path("hits")
                .path("hits")
                .get(0);
        post(
                "/" + ORDERS + "/_update/" + order.path("_id").asText() + "?refresh=true",
                "{\"doc\": {\"customer\": {\"n_name\": \"STALE\"}}}");
        assertThat(staleFacts()).containsExactly("order " + order.path("_id").asText());
    }

    @Test
    @Order(6)
    void changesToADatasetWithoutItsIndicesAreRefused() {
        store().require(DatasetModel.class).drop(TpchSchema.DATASET);
        assertThatThrownBy(() -> store().require(Sink.class).apply(TpchSchema.DATASET, script().first()))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("an index the changes go to is missing");
        assertThat(get("/_cat/indices?format=json").findValuesAsText("index"))
                .as("no index made with a guessed mapping")
                .noneMatch(i -> i.startsWith("dbx-tpch-"));
    }

    /** The orders whose {@code customer} object is not what the customer, nation and region indices say. */
    private List<String> staleFacts() {
        Map<String, JsonNode> customers = all("customer", "c_custkey");
        Map<String, JsonNode> nations = all("nation", "n_nationkey");
        Map<String, JsonNode> regions = all("region", "r_regionkey");
        List<String> stale = new ArrayList<>();
        JsonNode page = post(
                "/" + ORDERS + "/_search?scroll=1m",
                "{\"size\": 5000, \"_source\": [\"o_orderkey\", \"o_custkey\", \"customer\"]}");
        while (page.path("hits").path("hits").size() > 0) {
            for (JsonNode hit : page.path("hits").path("hits")) {
                JsonNode source = hit.path("_source");
                if (!source.has("o_custkey")) {
                    continue; // line items without their order yet
                }
                JsonNode expected = facts(customers.get(source.path("o_custkey").asText()), nations, regions);
                if (!java.util.Objects.equals(expected, source.get("customer"))) {
                    stale.add("order " + hit.path("_id").asText());
                }
            }
            page = post(
                    "/_search/scroll",
                    "{\"scroll\": \"1m\", \"scroll_id\": \""
                            + page.path("_scroll_id").asText() + "\"}");
        }
        return stale;
    }

    /** What an order of {@code customer} carries (null: nothing, the customer is missing). */
    private static JsonNode facts(JsonNode customer, Map<String, JsonNode> nations, Map<String, JsonNode> regions) {
        if (customer == null) {
            return null;
        }
        ObjectNode facts = EsClient.JSON.createObjectNode();
        facts.set("c_name", customer.get("c_name"));
        facts.set("c_mktsegment", customer.get("c_mktsegment"));
        facts.set("c_nationkey", customer.get("c_nationkey"));
        JsonNode nation = nations.get(customer.path("c_nationkey").asText());
        if (nation != null) {
            facts.set("n_name", nation.get("n_name"));
            JsonNode region = regions.get(nation.path("n_regionkey").asText());
            if (region != null) {
                facts.set("r_name", region.get("r_name"));
            }
        }
        return facts;
    }

    private long ordersCarrying(String field, String value) {
        return post("/" + ORDERS + "/_count", "{\"query\": {\"term\": {\"" + field + "\": \"" + value + "\"}}}")
                .path("count")
                .asLong();
    }

    private String nameOf(String entity, String id, String field) {
        return get("/dbx-tpch-" + entity + "/_doc/" + id)
                .path("_source")
                .path(field)
                .asText();
    }

    /** The sources of a small index (at most 10,000 documents), by the text of their key. */
    private Map<String, JsonNode> all(String entity, String key) {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode hit : post("/dbx-tpch-" + entity + "/_search", "{\"size\": 10000}")
                .path("hits")
                .path("hits")) {
            out.put(hit.path("_source").path(key).asText(), hit.path("_source"));
        }
        return out;
    }

    private JsonNode get(String path) {
        return send(HttpRequest.newBuilder(uri().resolve(path)).GET());
    }

    private JsonNode post(String path, String json) {
        return send(HttpRequest.newBuilder(uri().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Sends a request with a plain HTTP client of the test's own; it must succeed (2xx). */
    private static JsonNode send(HttpRequest.Builder request) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
            return EsClient.JSON.readTree(response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
