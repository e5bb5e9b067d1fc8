package dev.dbx.store.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import dev.dbx.core.DbxException;
import dev.dbx.core.capability.Analytics;
import dev.dbx.core.query.CacheDrop;
import dev.dbx.core.query.ResultTable;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.Decimal128;

/**
 * TPC-H's queries as aggregation pipelines over dbx's document model (orders embedding their line items, customers
 * with a copy of their nation), kept as resource files {@code tpch/qNN.json}: the collection, the pipeline in extended
 * JSON (dates and decimals typed) and a comment on how the query maps to the documents. The answer's columns are the
 * fields of the pipeline's last stage, a {@code $project}, in its order; rows come in the pipeline's order.
 *
 * <p>Six queries are written (Q1, Q3, Q6, Q10, Q12, Q14); the other sixteen say why not. A query runs with the
 * driver's client-side operation timeout, which also sends the remaining time as {@code maxTimeMS}, so a real MongoDB
 * stops it there. mongo-java-server ignores {@code maxTimeMS}: the client gives up in time, the server finishes the
 * pipeline anyway.
 */
final class AggregationQueries implements Analytics {
    static final String SUITE = "tpch";
    static final List<String> WRITTEN = List.of("q01", "q03", "q06", "q10", "q12", "q14");

    /** What each of the other sixteen queries would take, and why dbx has no pipeline for it. */
    private static final Map<String, String> NOT_WRITTEN = Map.ofEntries(
            Map.entry(
                    "q02",
                    "Q2 (minimum cost supplier) needs, per part of a size and type, the suppliers of one region"
                            + " whose offer (parts.partsupps) has the region's minimum supply cost: a correlated minimum"
                            + " over a $lookup of suppliers per embedded offer"),
            Map.entry(
                    "q04",
                    "Q4 (order priority checking) counts orders with at least one line received after its"
                            + " commit date: an EXISTS over the embedded lines ($anyElementTrue of a $map) per order priority"),
            Map.entry(
                    "q05",
                    "Q5 (local supplier volume) joins each line to its supplier and keeps lines whose"
                            + " supplier's nation is the customer's: a $lookup of suppliers per line item plus one of"
                            + " customers per order"),
            Map.entry(
                    "q07",
                    "Q7 (volume shipping) needs the supplier's and the customer's nations per line item"
                            + " (two $lookups per line) and the ship year"),
            Map.entry(
                    "q08",
                    "Q8 (national market share) joins line items to parts, suppliers and customers"
                            + " (three $lookups per line) and computes a share per order year"),
            Map.entry(
                    "q09",
                    "Q9 (product type profit) needs each line's offer (parts.partsupps matched on part and"
                            + " supplier) and the supplier's nation: a $lookup into an embedded array per line item"),
            Map.entry(
                    "q11",
                    "Q11 (important stock) compares each part's stock value in one nation with a fraction of"
                            + " the nation's total: two passes over parts.partsupps ($facet or a second query)"),
            Map.entry(
                    "q13",
                    "Q13 (customer distribution) is a LEFT OUTER JOIN of customers to their orders that"
                            + " excludes comments matching a pattern, then a histogram of order counts"),
            Map.entry(
                    "q15",
                    "Q15 (top supplier) defines a revenue view per supplier and selects the suppliers whose"
                            + " revenue equals the view's maximum: two passes over the line items"),
            Map.entry(
                    "q16",
                    "Q16 (parts/supplier relationship) counts distinct suppliers per brand, type and size,"
                            + " excluding suppliers with complaints in their comment (NOT IN a subquery)"),
            Map.entry(
                    "q17",
                    "Q17 (small-quantity-order revenue) compares each line's quantity with 20 % of the"
                            + " average quantity of its part: a per-part average over all line items, then a second pass"),
            Map.entry(
                    "q18",
                    "Q18 (large volume customer) needs orders whose lines add up to more than 300 units"
                            + " (IN a grouped subquery), with their customers"),
            Map.entry(
                    "q19",
                    "Q19 (discounted revenue) is a disjunction of three brand/container/size/quantity"
                            + " conditions over line items joined to parts ($lookup per line item)"),
            Map.entry(
                    "q20",
                    "Q20 (potential part promotion) nests two IN subqueries and a correlated sum of"
                            + " shipped quantities per part and supplier"),
            Map.entry(
                    "q21",
                    "Q21 (suppliers who kept orders waiting) needs EXISTS and NOT EXISTS over the other"
                            + " suppliers' lines of the same order, and the supplier's nation per line"),
            Map.entry(
                    "q22",
                    "Q22 (global sales opportunity) compares balances with an average over a subquery and"
                            + " needs customers without orders (NOT EXISTS)"));

    private static final JsonWriterSettings SHELL_JSON = JsonWriterSettings.builder()
            .outputMode(JsonMode.RELAXED)
            .indent(true)
            .build();

    private final MongoDatabase database;
    private final MongoCalls calls;
    private final BooleanSupplier mongoJavaServer;

    AggregationQueries(MongoDatabase database, MongoCalls calls, BooleanSupplier mongoJavaServer) {
        this.database = database;
        this.calls = calls;
        this.mongoJavaServer = mongoJavaServer;
    }

    @Override
    public Optional<String> unsupported(String suite, String query) {
        if (!SUITE.equals(suite)) {
            return Optional.of("no native queries for the suite '" + suite + "' (MongoDB has pipelines for tpch only)");
        }
        if (WRITTEN.contains(query)) {
            return Optional.empty();
        }
        String why = NOT_WRITTEN.get(query);
        return Optional.of(
                why == null
                        ? "TPC-H has no query " + query
                        : "no native version written: " + why
                                + "; dbx writes pipelines for Q1, Q3, Q6, Q10, Q12 and Q14 only");
    }

    @Override
    public String text(String suite, String query) {
        Pipeline pipeline = pipeline(suite, query);
        Document command = new Document("aggregate", pipeline.collection()).append("pipeline", pipeline.stages());
        return command.toJson(SHELL_JSON);
    }

    @Override
    public ResultTable run(String suite, String query, Duration timeout) {
        Pipeline pipeline = pipeline(suite, query);
        long millis = Math.max(1, timeout.toMillis());
        List<List<Object>> rows = new ArrayList<>();
        try (MongoCursor<Document> cursor = database.getCollection(pipeline.collection())
                .withTimeout(millis, TimeUnit.MILLISECONDS)
                .aggregate(pipeline.stages())
                .allowDiskUse(true)
                .cursor()) {
            while (cursor.hasNext()) {
                Document document = cursor.next();
                List<Object> row = new ArrayList<>(pipeline.columns().size());
                for (String column : pipeline.columns()) {
                    row.add(plain(document.get(column)));
                }
                rows.add(row);
            }
        } catch (MongoException e) {
            throw calls.error("running TPC-H " + query.toUpperCase() + "'s pipeline", e);
        }
        return new ResultTable(pipeline.columns(), rows);
    }

    /**
     * Nothing: mongo-java-server keeps its collections in its own heap and caches no plans. On a real MongoDB this
     * clears each collection's plan cache ({@code planCacheClear}); WiredTiger's cache and the OS's stay (a restart of
     * mongod empties them).
     */
    @Override
    public CacheDrop dropCaches() {
        if (mongoJavaServer.getAsBoolean()) {
            return CacheDrop.nothing("mongo-java-server has no plan cache to clear; its data lives in its JVM heap"
                    + " (H2 MVStore), which only a restart empties");
        }
        List<String> dropped = new ArrayList<>();
        calls.run("clearing the plan caches", () -> {
            for (String collection : List.of("orders", "customers", "parts")) {
                database.runCommand(new Document("planCacheClear", collection));
                dropped.add("plan cache of " + collection);
            }
        });
        return new CacheDrop(dropped, List.of("WiredTiger cache (a restart of mongod empties it)"));
    }

    private Pipeline pipeline(String suite, String query) {
        Optional<String> why = unsupported(suite, query);
        if (why.isPresent()) {
            throw new DbxException("MongoDB cannot run " + suite + " " + query + ": " + why.get());
        }
        return Pipeline.read(query);
    }

    /** A BSON value as a plain Java value: Long, BigDecimal, Double, String, LocalDate, or null. */
    static Object plain(Object value) {
        return switch (value) {
            case null -> null;
            // via the text: bigDecimalValue() refuses a negative zero (-0E-4), which a sum of products can give
            case Decimal128 d -> d.isNaN() || d.isInfinite() ? d.doubleValue() : new BigDecimal(d.toString());
            case Integer i -> i.longValue();
            case Date d -> LocalDate.ofInstant(d.toInstant(), ZoneOffset.UTC);
            case Long l -> l;
            case Double d -> d;
            case String s -> s;
            case BigDecimal d -> d;
            default ->
                throw new DbxException(
                        "a pipeline answered with a " + value.getClass().getSimpleName() + " (" + value
                                + "), which dbx does not turn into a table value");
        };
    }

    /** One pipeline resource: the collection it starts from, its stages, and the answer's columns. */
    record Pipeline(String collection, List<Document> stages, List<String> columns) {
        static Pipeline read(String query) {
            String path = "tpch/" + query + ".json";
            Document file;
            try (InputStream in = AggregationQueries.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new DbxException("mongo store resource " + path + " is missing");
                }
                file = Document.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new DbxException("cannot read resource " + path + ": " + e.getMessage());
            }
            List<Document> stages = file.getList("pipeline", Document.class);
            Document last = stages.getLast();
            if (!(last.get("$project") instanceof Document project)) {
                throw new DbxException(path + ": the last stage must be a $project naming the answer's columns");
            }
            List<String> columns = project.keySet().stream()
                    .filter(name -> !name.equals("_id"))
                    .toList();
            return new Pipeline(file.getString("collection"), stages, columns);
        }
    }
}
