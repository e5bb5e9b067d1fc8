package dev.dbx.store.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbx.core.DbxException;
import dev.dbx.core.capability.Explain;
import dev.dbx.core.query.PlanNode;
import dev.dbx.core.query.QueryPlan;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Profile API's account of a search ({@code "profile": true} added to the request): per shard, the Lucene queries
 * it was rewritten to with their times, the collectors, and the aggregations. Lucene answers a query from its inverted
 * index or doc values; only a match-all (or a script) visits every document, so those are the full scans here. The
 * search runs: there is no plan without running it, so analyze changes nothing. The text is a search request in the
 * console's form: an optional first line {@code GET /index/_search}, then the JSON body.
 */
final class ElasticsearchExplain implements Explain {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REQUEST_LINE = Pattern.compile("(?s)^\\s*(GET|POST)\\s+(\\S+)\\s*(.*)$");
    private static final Pattern SHARD = Pattern.compile("^\\[([^\\]]*)\\]\\[([^\\]]*)\\]\\[(\\d+)\\]$");

    private final EsClient client;

    ElasticsearchExplain(EsClient client) {
        this.client = client;
    }

    @Override
    public String language() {
        return "search request (JSON, optionally after a line such as GET /dbx-tpch-orders/_search)";
    }

    @Override
    public QueryPlan explain(String text, boolean analyze, Duration timeout) {
        String path = "/_search";
        String body = text;
        Matcher m = REQUEST_LINE.matcher(text);
        if (m.matches()) {
            path = m.group(2).startsWith("/") ? m.group(2) : "/" + m.group(2);
            body = m.group(3);
        }
        ObjectNode request;
        try {
            JsonNode parsed = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
            if (!(parsed instanceof ObjectNode object)) {
                throw new DbxException("elasticsearch: a search request is a JSON object, not " + parsed.getNodeType());
            }
            request = object;
        } catch (IOException e) {
            throw new DbxException("elasticsearch: the search request is not JSON: " + e.getMessage());
        }
        request.put("profile", true);
        if (!request.has("timeout")) {
            request.put("timeout", Math.max(1, timeout.toMillis()) + "ms");
        }
        JsonNode reply;
        try {
            reply = client.call(EsRequest.json("POST", path, request).slow(), "profiling a search");
        } catch (DbxException e) {
            throw new DbxException("elasticsearch: " + e.getMessage(), e.hint(), e);
        }
        return parse(reply);
    }

    static QueryPlan parse(JsonNode reply) {
        List<PlanNode> shards = new ArrayList<>();
        for (JsonNode shard : reply.path("profile").path("shards")) {
            String id = shard.path("id").asText();
            Matcher m = SHARD.matcher(id);
            String index = m.matches() ? m.group(2) : null;
            String shardName = m.matches() ? "shard " + m.group(3) + " of " + m.group(2) : id;
            List<PlanNode> parts = new ArrayList<>();
            for (JsonNode search : shard.path("searches")) {
                for (JsonNode q : search.path("query")) {
                    parts.add(query(q, index));
                }
                for (JsonNode c : search.path("collector")) {
                    parts.add(collector(c));
                }
            }
            for (JsonNode a : shard.path("aggregations")) {
                parts.add(aggregation(a));
            }
            shards.add(PlanNode.of("Shard", PlanNode.Access.OTHER)
                    .withRelation(index, null)
                    .withDetail(shardName)
                    .withChildren(parts));
        }
        Long hits = reply.path("hits").path("total").has("value")
                ? reply.path("hits").path("total").path("value").asLong()
                : null;
        PlanNode root = PlanNode.of("Search", PlanNode.Access.OTHER)
                .withRows(null, null, hits)
                .withTime(reply.has("took") ? reply.get("took").asDouble() : null, null)
                .withChildren(shards);
        String raw;
        try {
            raw = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(reply.path("profile"));
        } catch (IOException e) {
            raw = reply.path("profile").toString();
        }
        return new QueryPlan(
                "elasticsearch",
                "Profile API (\"profile\": true)",
                true,
                root,
                reply.has("took") ? reply.get("took").asDouble() : null,
                null,
                raw,
                List.of(
                        "the search ran (the Profile API has no plan without running); rows out of the search are"
                                + " its total hits; each Lucene query's time is its own, in all its phases",
                        "access: a match-all, an exists query over every document or a script visits every document"
                                + " (full scan); any other leaf Lucene query reads the inverted index or points"));
    }

    private static PlanNode query(JsonNode q, String index) {
        String type = q.path("type").asText("?");
        String lower = type.toLowerCase(Locale.ROOT);
        List<PlanNode> children = new ArrayList<>();
        for (JsonNode child : q.path("children")) {
            children.add(query(child, index));
        }
        PlanNode.Access access;
        if (lower.contains("matchalldocs") || lower.contains("script") || lower.contains("fieldexists")) {
            access = PlanNode.Access.FULL_SCAN; // every document is visited (a match-all becomes an exists query)
        } else if (!children.isEmpty() || lower.startsWith("constantscore") || lower.startsWith("boolean")) {
            access = PlanNode.Access.OTHER; // a wrapper: its clauses say how they read
        } else {
            access = PlanNode.Access.INDEX;
        }
        return PlanNode.of(type, access)
                .withRelation(index, null)
                .withCondition(q.path("description").asText(null))
                .withTime(nanos(q), null)
                .withChildren(children);
    }

    private static PlanNode collector(JsonNode c) {
        List<PlanNode> children = new ArrayList<>();
        for (JsonNode child : c.path("children")) {
            children.add(collector(child));
        }
        return PlanNode.of("Collector " + c.path("name").asText("?"), PlanNode.Access.OTHER)
                .withDetail(c.path("reason").asText(null))
                .withTime(nanos(c), null)
                .withChildren(children);
    }

    private static PlanNode aggregation(JsonNode a) {
        List<PlanNode> children = new ArrayList<>();
        for (JsonNode child : a.path("children")) {
            children.add(aggregation(child));
        }
        return PlanNode.of("Aggregation " + a.path("type").asText("?"), PlanNode.Access.OTHER)
                .withCondition(a.path("description").asText(null))
                .withTime(nanos(a), null)
                .withChildren(children);
    }

    private static Double nanos(JsonNode n) {
        return n.has("time_in_nanos") ? n.get("time_in_nanos").asDouble() / 1e6 : null;
    }
}
