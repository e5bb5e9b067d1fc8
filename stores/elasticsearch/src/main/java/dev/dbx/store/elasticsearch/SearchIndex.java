package dev.dbx.store.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbx.core.capability.TextSearch;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.query.CacheDrop;
import dev.dbx.core.query.search.MatchingRule;
import dev.dbx.core.query.search.SearchQuery;
import dev.dbx.core.query.search.SearchResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Full-text search on the orders index's {@code o_comment} ({@code text} with the {@code english} analyzer: see
 * mappings/tpch/orders.json), BM25-ranked: {@code match} (with {@code operator: and} for all words),
 * {@code match_phrase}, and {@code prefix} (not analyzed: it matches the indexed, stemmed terms, and scores every match
 * alike). Every hit is counted ({@code track_total_hits}); ties in score are broken by key.
 */
final class SearchIndex implements TextSearch {
    private static final MatchingRule RULE = new MatchingRule(
            MatchingRule.Tokenizer.LUCENE_STANDARD,
            MatchingRule.Stemmer.PORTER,
            MatchingRule.StopWords.LUCENE_ENGLISH,
            MatchingRule.Prefix.INDEXED_TERM,
            "BM25 (k1=1.2, b=0.75); a prefix query scores every match alike",
            true);

    private final EsClient client;
    private final String index;

    SearchIndex(EsClient client) {
        this.client = client;
        this.index = IndexLayout.index(TpchSchema.DATASET, TpchSchema.ORDERS);
    }

    @Override
    public MatchingRule rule() {
        return RULE;
    }

    @Override
    public Optional<String> unsupported(SearchQuery query) {
        return Optional.empty();
    }

    @Override
    public String text(SearchQuery query) {
        return "POST /" + index + "/_search " + body(query, 10, null);
    }

    static ObjectNode query(SearchQuery query) {
        ObjectNode q = EsClient.JSON.createObjectNode();
        switch (query.kind()) {
            case TERM -> q.putObject("match").put(TextSearch.COLUMN, query.text());
            case ALL ->
                q.putObject("match")
                        .putObject(TextSearch.COLUMN)
                        .put("query", query.text())
                        .put("operator", "and");
            case PHRASE -> q.putObject("match_phrase").put(TextSearch.COLUMN, query.text());
            case PREFIX ->
                q.putObject("prefix")
                        .putObject(TextSearch.COLUMN)
                        .put("value", query.words().get(0));
        }
        return q;
    }

    private static ObjectNode body(SearchQuery query, int topK, Duration timeout) {
        ObjectNode body = EsClient.JSON.createObjectNode();
        body.put("size", topK).put("track_total_hits", true).put("_source", false);
        if (timeout != null) {
            body.put("timeout", timeout.toMillis() + "ms");
        }
        body.set("query", query(query));
        body.putArray("sort")
                .add(EsClient.JSON.createObjectNode().put("_score", "desc"))
                .add(EsClient.JSON
                        .createObjectNode()
                        .put(TpchSchema.ORDERS.primaryKey().get(0), "asc"));
        return body;
    }

    @Override
    public SearchResult search(SearchQuery query, int topK, Duration timeout) {
        JsonNode reply = client.call(
                EsRequest.json("POST", "/" + index + "/_search", body(query, topK, timeout)),
                "full-text query " + query + " on " + index);
        if (reply.path("timed_out").asBoolean(false)) {
            throw new dev.dbx.core.DbxException(
                    "full-text query " + query + " timed out after " + timeout.toMillis() + " ms on " + index);
        }
        JsonNode hits = reply.path("hits");
        List<Long> keys = new ArrayList<>();
        for (JsonNode hit : hits.path("hits")) {
            keys.add(Long.parseLong(hit.path("_id").asText()));
        }
        JsonNode total = hits.path("total");
        long matches = total.isNumber() ? total.asLong() : total.path("value").asLong();
        return new SearchResult(matches, keys);
    }

    @Override
    public CacheDrop dropCaches() {
        client.call(EsRequest.post("/" + index + "/_cache/clear"), "clearing the caches of " + index);
        return new CacheDrop(
                List.of("the index's query, request and field-data caches"),
                List.of("the node's heap (only a restart empties it)"));
    }
}
