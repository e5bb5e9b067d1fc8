package dev.dbx.store.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads every document of an index with the scroll API, in index order ({@code sort: _doc}, the cheapest order),
 * fetching only the {@code _source} fields asked for. Scroll works the same on Elasticsearch 7-9 and OpenSearch 1-3;
 * point-in-time with search_after does not (Elasticsearch 7.10+ and OpenSearch 2.4+ only, under different
 * endpoints), and a full scan needs no more than scroll's snapshot. The scroll context is always cleared.
 */
final class Scroller {
    private static final String KEEP_ALIVE = "2m";

    private final EsClient client;

    Scroller(EsClient client) {
        this.client = client;
    }

    /** Hands the {@code _source} of every document of {@code index} to {@code sink}, {@code pageSize} at a time. */
    void scan(String index, List<String> fields, int pageSize, Consumer<JsonNode> sink) {
        String doing = "scanning " + index;
        ObjectNode body = EsClient.JSON.createObjectNode().put("size", pageSize);
        body.putArray("sort").add("_doc");
        ArrayNode source = body.putArray("_source");
        fields.forEach(source::add);
        EsRequest first = EsRequest.json("POST", "/" + index + "/_search", body).slow();
        first.parameter("scroll", KEEP_ALIVE);
        JsonNode page = client.call(first, doing);
        String scrollId = page.path("_scroll_id").asText(null);
        try {
            while (true) {
                JsonNode hits = page.path("hits").path("hits");
                if (hits.isEmpty()) {
                    return;
                }
                for (JsonNode hit : hits) {
                    sink.accept(hit.path("_source"));
                }
                ObjectNode next = EsClient.JSON
                        .createObjectNode()
                        .put("scroll", KEEP_ALIVE)
                        .put("scroll_id", scrollId);
                page = client.call(
                        EsRequest.json("POST", "/_search/scroll", next).slow(), doing);
                scrollId = page.path("_scroll_id").asText(scrollId);
            }
        } finally {
            clear(scrollId);
        }
    }

    private void clear(String scrollId) {
        if (scrollId == null) {
            return;
        }
        ObjectNode body = EsClient.JSON.createObjectNode();
        body.putArray("scroll_id").add(scrollId);
        try {
            client.send(EsRequest.json("DELETE", "/_search/scroll", body), "clearing a scroll", 404);
        } catch (RuntimeException ignored) {
            // the context expires by itself after the keep-alive
        }
    }
}
