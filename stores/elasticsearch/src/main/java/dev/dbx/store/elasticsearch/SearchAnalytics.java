package dev.dbx.store.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbx.core.DbxException;
import dev.dbx.core.capability.Analytics;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.query.CacheDrop;
import dev.dbx.core.query.ResultTable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * TPC-H natively, as search requests with aggregations over the store's own index model (orders nesting their line
 * items and embedding their customer's facts): Q1, Q3, Q6, Q10, Q12 and Q14, each a resource file ({@code
 * tpch/qNN.json}: the request bodies and how they map to the SQL). dbx turns the aggregations into a {@link ResultTable}
 * in the SQL query's column order and ORDER BY. The 16 other queries need joins the index model does not hold (or are
 * outside the native subset): {@link #unsupported} says which.
 *
 * <p>A query's limit is the search body's {@code timeout} (each shard stops collecting when it passes it and answers
 * with what it has, flagged {@code timed_out}: dbx refuses such a partial answer) and the client's response timeout, a
 * few seconds longer: when the client gives up it closes the connection, and the server cancels a search whose HTTP
 * channel closed (OpenSearch 1+, Elasticsearch 7.4+). Searches bypass the shard request cache ({@code
 * request_cache=false}), which would otherwise answer a repeated aggregation from memory: a hot run computes its
 * answer, with the query cache's filter bitsets and the page cache warm.
 */
final class SearchAnalytics implements Analytics {
    static final String SUITE = "tpch";
    /** The queries answered natively. */
    static final List<String> NATIVE = List.of("q01", "q03", "q06", "q10", "q12", "q14");

    private static final Pattern QUERY = Pattern.compile("q\\d\\d");
    private static final Duration GRACE = Duration.ofSeconds(5);
    /** Keys per terms query (index.max_terms_count is 65,536 by default). */
    static final int TERMS_PER_QUERY = 50_000;

    private static final String NEEDS_SUPPLIER =
            "the supplier's nation of every line item (line items hold l_suppkey only; suppliers are an index of their"
                    + " own, and a search cannot join two indices)";
    private static final String NEEDS_PART =
            "part attributes of every line item (line items hold l_partkey only; parts are an index of their own, and a"
                    + " search cannot join two indices)";

    /** Why each query outside the native subset has no native version. */
    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry(
                    "q02",
                    "no native version: needs part, partsupp, supplier, nation and region joined (five indices)"
                            + " and each part's minimum supply cost among them"),
            Map.entry(
                    "q04",
                    "no native version written: outside dbx's native subset (Q1, Q3, Q6, Q10, Q12, Q14),"
                            + " although this model could answer it (orders with a nested late line, counted by priority)"),
            Map.entry("q05", "no native version: needs " + NEEDS_SUPPLIER),
            Map.entry("q07", "no native version: needs " + NEEDS_SUPPLIER),
            Map.entry("q08", "no native version: needs " + NEEDS_PART + " and their supplier's nation"),
            Map.entry(
                    "q09",
                    "no native version: needs " + NEEDS_PART + ", their supply cost (partsupp) and their"
                            + " supplier's nation"),
            Map.entry(
                    "q11",
                    "no native version: needs partsupp joined to its supplier's nation (partsupp documents hold"
                            + " ps_suppkey only) and a HAVING against a total"),
            Map.entry(
                    "q13",
                    "no native version: needs every customer with its number of orders, including customers"
                            + " without any (an outer join of the customer index to the orders index)"),
            Map.entry(
                    "q15",
                    "no native version: needs the revenue of every supplier (a view), its maximum, and the"
                            + " supplier's details from the supplier index"),
            Map.entry(
                    "q16", "no native version: needs partsupp joined to part and to supplier comments (three indices)"),
            Map.entry(
                    "q17",
                    "no native version: needs " + NEEDS_PART + " and each part's average quantity over all"
                            + " line items (a correlated subquery)"),
            Map.entry(
                    "q18",
                    "no native version: needs customers and orders filtered by the total quantity of each"
                            + " order's lines and the top 100 by price; not in dbx's native subset"),
            Map.entry("q19", "no native version: needs " + NEEDS_PART),
            Map.entry(
                    "q20",
                    "no native version: needs partsupp, part, line items per part and supplier, supplier and"
                            + " nation joined"),
            Map.entry(
                    "q21",
                    "no native version: needs " + NEEDS_SUPPLIER + " and comparisons between the lines of"
                            + " different suppliers in one order"),
            Map.entry(
                    "q22",
                    "no native version: needs the customers without orders (an anti-join of the customer"
                            + " index to the orders index)"));

    private final EsClient client;
    private final ConcurrentMap<String, Optional<JsonNode>> resources = new ConcurrentHashMap<>();

    SearchAnalytics(EsClient client) {
        this.client = client;
    }

    @Override
    public Optional<String> unsupported(String suite, String query) {
        if (!SUITE.equals(suite)) {
            return Optional.of("the elasticsearch store has no queries of suite '" + suite + "' (only " + SUITE + ")");
        }
        if (query == null
                || !QUERY.matcher(query).matches()
                || (!NATIVE.contains(query) && !REASONS.containsKey(query))) {
            return Optional.of("TPC-H has no query '" + query + "' (q01 to q22)");
        }
        return Optional.ofNullable(REASONS.get(query));
    }

    @Override
    public String text(String suite, String query) {
        try {
            return EsClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(resource(suite, query));
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    @Override
    public ResultTable run(String suite, String query, Duration timeout) {
        JsonNode spec = resource(suite, query);
        Search search = new Search(spec, timeout, suite + " " + query);
        return switch (query) {
            case "q01" -> q01(search);
            case "q03" -> q03(search);
            case "q06" -> q06(search);
            case "q10" -> q10(search, spec);
            case "q12" -> q12(search);
            case "q14" -> q14(search, spec);
            default -> throw new IllegalStateException("no native version of " + query);
        };
    }

    /**
     * Clears the request cache (shard-level cache of aggregation answers, which would make every hot run a lookup),
     * the query cache (cached filter bitsets) and the fielddata cache of dbx's TPC-H indices. The doc values and
     * index files stay in the OS page cache (the workload drops that), and the JVM's compiled scripts stay compiled.
     */
    @Override
    public CacheDrop dropCaches() {
        String indices = String.join(",", IndexLayout.indices(TpchSchema.DATASET));
        client.call(
                EsRequest.post("/" + indices + "/_cache/clear")
                        .parameter("request", "true")
                        .parameter("query", "true")
                        .parameter("fielddata", "true")
                        .parameter("ignore_unavailable", "true"),
                "clearing the caches of the TPC-H indices");
        return new CacheDrop(
                List.of("the shard request cache", "the query (filter) cache", "the fielddata cache"),
                List.of("the node's compiled scripts (Painless, cached by source)"));
    }

    // --- the six queries ---

    private ResultTable q01(Search search) {
        JsonNode shipped = search.run("body").path("aggregations").path("lines").path("shipped");
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode flag : shipped.path("flag").path("buckets")) {
            for (JsonNode status : flag.path("status").path("buckets")) {
                rows.add(row(
                        flag.path("key").asText(),
                        status.path("key").asText(),
                        number(status, "sum_qty"),
                        number(status, "sum_base_price"),
                        number(status, "sum_disc_price"),
                        number(status, "sum_charge"),
                        number(status, "avg_qty"),
                        number(status, "avg_price"),
                        number(status, "avg_disc"),
                        status.path("doc_count").asLong()));
            }
        }
        return new ResultTable(
                List.of(
                        "l_returnflag",
                        "l_linestatus",
                        "sum_qty",
                        "sum_base_price",
                        "sum_disc_price",
                        "sum_charge",
                        "avg_qty",
                        "avg_price",
                        "avg_disc",
                        "count_order"),
                rows);
    }

    private ResultTable q03(Search search) {
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode order :
                search.run("body").path("aggregations").path("order").path("buckets")) {
            rows.add(row(
                    order.path("key").asLong(),
                    number(order.path("lines").path("shipped"), "revenue"),
                    date(order.path("orderdate")),
                    (long) order.path("shippriority").path("value").asDouble()));
        }
        return new ResultTable(List.of("l_orderkey", "revenue", "o_orderdate", "o_shippriority"), rows);
    }

    private ResultTable q06(Search search) {
        JsonNode selected =
                search.run("body").path("aggregations").path("lines").path("selected");
        // an empty selection sums to 0 in a search, to NULL in SQL
        Object revenue = selected.path("doc_count").asLong() == 0 ? null : number(selected, "revenue");
        List<List<Object>> rows = new ArrayList<>();
        List<Object> row = new ArrayList<>();
        row.add(revenue);
        rows.add(row);
        return new ResultTable(List.of("revenue"), rows);
    }

    private record Customer(long key, String name, String nation, double revenue) {}

    private ResultTable q10(Search search, JsonNode spec) {
        int limit = spec.path("limit").asInt(20);
        // the top customers by revenue (ties by key), kept while the composite aggregation pages through all of them
        Comparator<Customer> order =
                Comparator.comparingDouble(Customer::revenue).reversed().thenComparingLong(Customer::key);
        PriorityQueue<Customer> top = new PriorityQueue<>(order.reversed());
        search.pages("body", "customers", bucket -> {
            JsonNode key = bucket.path("key");
            top.add(new Customer(
                    key.path("c_custkey").asLong(),
                    key.path("c_name").asText(),
                    key.path("n_name").asText(),
                    bucket.path("lines")
                            .path("returned")
                            .path("revenue")
                            .path("value")
                            .asDouble()));
            if (top.size() > limit) {
                top.poll();
            }
        });
        List<Customer> customers = new ArrayList<>(top);
        customers.sort(order);
        Map<String, JsonNode> details = customers.isEmpty()
                ? Map.of()
                : search.lookup(
                        spec.path("lookup").asText(),
                        customers.stream().map(c -> Long.toString(c.key())).toList());
        List<List<Object>> rows = new ArrayList<>();
        for (Customer c : customers) {
            JsonNode source = details.get(Long.toString(c.key()));
            if (source == null) {
                throw new DbxException(
                        "elasticsearch: customer " + c.key() + " of an order is not in the customer index",
                        "reload the dataset (dbx load --dataset tpch --replace)");
            }
            rows.add(row(
                    c.key(),
                    c.name(),
                    c.revenue(),
                    source.path("c_acctbal").decimalValue(),
                    c.nation(),
                    source.path("c_address").asText(),
                    source.path("c_phone").asText(),
                    source.path("c_comment").asText()));
        }
        return new ResultTable(
                List.of("c_custkey", "c_name", "revenue", "c_acctbal", "n_name", "c_address", "c_phone", "c_comment"),
                rows);
    }

    private ResultTable q12(Search search) {
        JsonNode priority =
                search.run("body").path("aggregations").path("priority").path("buckets");
        TreeMap<String, long[]> modes = new TreeMap<>();
        String[] sides = {"high", "low"};
        for (int side = 0; side < sides.length; side++) {
            for (JsonNode mode : priority.path(sides[side])
                    .path("lines")
                    .path("late")
                    .path("mode")
                    .path("buckets")) {
                modes.computeIfAbsent(mode.path("key").asText(), k -> new long[2])[side] =
                        mode.path("doc_count").asLong();
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        modes.forEach((mode, counts) -> rows.add(List.of(mode, counts[0], counts[1])));
        return new ResultTable(List.of("l_shipmode", "high_line_count", "low_line_count"), rows);
    }

    private ResultTable q14(Search search, JsonNode spec) {
        List<Long> promoted = new ArrayList<>();
        search.pages(
                "parts",
                "keys",
                bucket -> promoted.add(bucket.path("key").path("p_partkey").asLong()));
        ArrayNode should = EsClient.JSON.createArrayNode();
        for (int from = 0; from < promoted.size(); from += TERMS_PER_QUERY) {
            ArrayNode keys = should.addObject().putObject("terms").putArray("lineitems.l_partkey");
            promoted.subList(from, Math.min(promoted.size(), from + TERMS_PER_QUERY))
                    .forEach(keys::add);
        }
        ObjectNode body = (ObjectNode) spec.path("body").deepCopy();
        ObjectNode promoFilter = (ObjectNode) body.at("/aggs/lines/aggs/month/aggs/promo/filter/bool");
        if (should.isEmpty()) {
            promoFilter.putArray("should").addObject().putObject("match_none");
        } else {
            promoFilter.set("should", should);
        }
        JsonNode month = search.run(body).path("aggregations").path("lines").path("month");
        List<List<Object>> rows = new ArrayList<>();
        List<Object> row = new ArrayList<>();
        double total = month.path("revenue").path("value").asDouble();
        double promo = month.path("promo").path("revenue").path("value").asDouble();
        row.add(month.path("doc_count").asLong() == 0 ? null : 100.00 * promo / total);
        rows.add(row);
        return new ResultTable(List.of("promo_revenue"), rows);
    }

    // --- plumbing ---

    private static List<Object> row(Object... values) {
        return new ArrayList<>(java.util.Arrays.asList(values));
    }

    /** A metric's value as the engine computed it (a double), or null where it had no value. */
    private static Object number(JsonNode parent, String metric) {
        JsonNode value = parent.path(metric).path("value");
        return value.isNumber() ? (Object) value.asDouble() : null;
    }

    private static LocalDate date(JsonNode metric) {
        JsonNode text = metric.path("value_as_string");
        if (text.isTextual()) {
            return LocalDate.parse(text.asText().substring(0, 10));
        }
        return LocalDate.ofEpochDay(Math.floorDiv(metric.path("value").asLong(), 86_400_000L));
    }

    /** The requests of one run of a query, sharing its limit. */
    /** {@code answer} if the search answered in full; an error if it timed out (partial results) or a shard failed. */
    static JsonNode complete(JsonNode answer, String doing, Duration timeout) {
        if (answer.path("timed_out").asBoolean(false)) {
            throw new DbxException(
                    "elasticsearch: " + doing + " passed its timeout of " + seconds(timeout)
                            + " and the server answered with partial results",
                    "a longer timeout may help");
        }
        JsonNode shards = answer.path("_shards");
        if (shards.path("failed").asInt(0) > 0) {
            throw new DbxException("elasticsearch: " + doing + " failed on "
                    + shards.path("failed").asInt() + " shard(s): " + shards.path("failures"));
        }
        return answer;
    }

    private final class Search {
        private final JsonNode spec;
        private final Duration timeout;
        private final String doing;
        private final long deadline;

        Search(JsonNode spec, Duration timeout, String doing) {
            this.spec = spec;
            this.timeout = timeout;
            this.doing = doing;
            this.deadline = System.nanoTime() + timeout.toNanos();
        }

        /** The search of the spec's {@code name} body, on the spec's index (or {@code <name>Index}). */
        JsonNode run(String name) {
            return run((ObjectNode) spec.path(name).deepCopy(), index(name));
        }

        JsonNode run(ObjectNode body) {
            return run(body, index("body"));
        }

        private String index(String name) {
            String entity = name.equals("body")
                    ? spec.path("index").asText()
                    : spec.path(name + "Index").asText(spec.path("index").asText());
            return IndexLayout.index(TpchSchema.DATASET, TpchSchema.DATASET.entity(entity));
        }

        private JsonNode run(ObjectNode body, String index) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            body.put("timeout", left + "ms");
            JsonNode answer = client.call(
                    EsRequest.json("POST", "/" + index + "/_search", body)
                            // a hot run computes its answer: no lookup of the last one (ClickBench's rule)
                            .parameter("request_cache", "false")
                            .within(Duration.ofMillis(left).plus(GRACE)),
                    "running " + doing);
            return complete(answer, doing, timeout);
        }

        /** Hands every bucket of the composite aggregation {@code agg} of body {@code name} over, page by page. */
        void pages(String name, String agg, java.util.function.Consumer<JsonNode> bucket) {
            ObjectNode body = (ObjectNode) spec.path(name).deepCopy();
            String index = index(name);
            ObjectNode composite = (ObjectNode) body.path("aggs").path(agg).path("composite");
            while (true) {
                JsonNode result =
                        run(body.deepCopy(), index).path("aggregations").path(agg);
                JsonNode buckets = result.path("buckets");
                buckets.forEach(bucket);
                JsonNode after = result.path("after_key");
                if (buckets.isEmpty()
                        || after.isMissingNode()
                        || buckets.size() < composite.path("size").asInt()) {
                    return;
                }
                composite.set("after", after);
            }
        }

        /** The {@code _source} of the documents of {@code ids} in the index of {@code entity}, by id. */
        Map<String, JsonNode> lookup(String entity, List<String> ids) {
            ObjectNode body = EsClient.JSON.createObjectNode();
            ArrayNode array = body.putArray("ids");
            ids.forEach(array::add);
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            JsonNode answer = client.call(
                    EsRequest.json(
                                    "POST",
                                    "/" + IndexLayout.index(TpchSchema.DATASET, TpchSchema.DATASET.entity(entity))
                                            + "/_mget",
                                    body)
                            .within(Duration.ofMillis(left).plus(GRACE)),
                    "looking up the " + entity + " documents of " + doing);
            Map<String, JsonNode> found = new java.util.HashMap<>();
            for (JsonNode doc : answer.path("docs")) {
                if (doc.path("found").asBoolean(false)) {
                    found.put(doc.path("_id").asText(), doc.path("_source"));
                }
            }
            return found;
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private JsonNode resource(String suite, String query) {
        Optional<String> why = unsupported(suite, query);
        if (why.isPresent()) {
            throw new DbxException("elasticsearch: " + suite + " " + query + " is n/a: " + why.get());
        }
        return resources
                .computeIfAbsent(query, q -> {
                    String path = "tpch/" + q + ".json";
                    try (InputStream in = SearchAnalytics.class.getResourceAsStream(path)) {
                        return in == null ? Optional.empty() : Optional.of(EsClient.JSON.readTree(in));
                    } catch (IOException e) {
                        throw new DbxException("cannot read resource " + path + ": " + e.getMessage());
                    }
                })
                .orElseThrow(() -> new DbxException("the resource tpch/" + query + ".json is missing"));
    }
}
