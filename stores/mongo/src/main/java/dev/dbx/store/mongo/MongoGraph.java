package dev.dbx.store.mongo;

import com.mongodb.client.MongoDatabase;
import dev.dbx.core.DbxException;
import dev.dbx.core.capability.Graph;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonValue;
import org.bson.Document;

/**
 * {@link Graph} as aggregation pipelines over the {@code orders} collection (orders embedding their line items), kept
 * in {@code graph/co-purchase.json} with {@code "$$name"} placeholders for their parameters.
 *
 * <p>Co-purchase is three pipelines, each one pass over orders with an index to serve it on MongoDB: the customer's
 * distinct parts ({@code o_custkey}), the other customers who bought one of them ({@code $in} on the multikey
 * {@code lineitems.l_partkey}), then their other parts, grouped into distinct (part, customer) pairs and counted
 * ({@code $in} on {@code o_custkey}). A single pipeline with {@code $lookup} says the same, but runs one query per
 * looked-up value: on mongo-java-server, which has no secondary index, its first {@code $lookup} alone took 100 s at
 * SF 0.01, a scan of every order per part.
 *
 * <p>Reachability is n/a: see {@link #REACH_NOT_APPLICABLE}.
 */
final class MongoGraph implements Graph {
    /**
     * Why reachability is not offered. {@code $graphLookup} follows one link, connectFromField to connectToField,
     * while a customer hop in this model takes two different ones; and mongo-java-server's stage is not MongoDB's.
     */
    static final String REACH_NOT_APPLICABLE = "a hop (customer -> order -> part <- order <- customer) needs two links"
            + " per step in this document model (orders link to parts through lineitems.l_partkey and to the"
            + " customer's other orders through o_custkey), and $graphLookup follows one connectFromField ->"
            + " connectToField link, with a depth that counts every step; answering it would need a derived"
            + " customer-to-part collection that dbx does not keep. On mongo-java-server $graphLookup is also not"
            + " MongoDB's: its 1.47 stage starts from connectFromField instead of startWith and keeps no visited set"
            + " (it follows cycles until maxDepth, returning documents again)";

    private static final String CO_PURCHASE = "graph/co-purchase.json";

    private final MongoDatabase database;
    private final MongoCalls calls;
    private final String coPurchase;

    MongoGraph(MongoDatabase database, MongoCalls calls) {
        this.database = database;
        this.calls = calls;
        this.coPurchase = read(CO_PURCHASE);
    }

    private static String read(String name) {
        try (InputStream in = MongoGraph.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new DbxException("mongo store resource " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DbxException("cannot read " + name + ": " + e.getMessage());
        }
    }

    @Override
    public Optional<String> unsupported(Query query) {
        return query == Query.REACHABLE ? Optional.of(REACH_NOT_APPLICABLE) : Optional.empty();
    }

    @Override
    public String text(Query query) {
        return query == Query.CO_PURCHASE ? coPurchase : "n/a: " + REACH_NOT_APPLICABLE;
    }

    @Override
    public List<Recommendation> coPurchase(long customer, int limit, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        BsonDocument steps = BsonDocument.parse(coPurchase);
        Map<String, BsonValue> values = new HashMap<>();
        values.put("$$customer", new BsonInt64(customer));
        values.put("$$limit", new BsonInt32(limit));
        values.put("$$mine", keys(run("mine", steps, values, deadline, customer)));
        values.put("$$others", keys(run("others", steps, values, deadline, customer)));
        List<Recommendation> out = new ArrayList<>();
        for (Document d : run("recommend", steps, values, deadline, customer)) {
            out.add(new Recommendation(((Number) d.get("_id")).longValue(), ((Number) d.get("customers")).longValue()));
        }
        return out;
    }

    /** One pipeline of the query, bounded by what is left of the query's time (the server stops it at maxTimeMS). */
    private List<Document> run(String step, BsonDocument steps, Map<String, BsonValue> values, long deadline, long c) {
        List<BsonDocument> pipeline = new ArrayList<>();
        for (BsonValue stage : steps.getArray(step)) {
            pipeline.add(substitute(stage, values).asDocument());
        }
        long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        return calls.call(
                "co-purchase for customer " + c + " (" + step + ")",
                () -> database.getCollection("orders")
                        .aggregate(pipeline)
                        .allowDiskUse(true)
                        .maxTime(left, TimeUnit.MILLISECONDS)
                        .into(new ArrayList<>()));
    }

    private static BsonArray keys(List<Document> groups) {
        BsonArray out = new BsonArray();
        for (Document d : groups) {
            out.add(new BsonInt64(((Number) d.get("_id")).longValue()));
        }
        return out;
    }

    /** {@code value} with every string that names a placeholder replaced by its value. */
    static BsonValue substitute(BsonValue value, Map<String, BsonValue> values) {
        if (value.isString()) {
            BsonValue v = values.get(value.asString().getValue());
            return v == null ? value : v;
        }
        if (value.isDocument()) {
            BsonDocument out = new BsonDocument();
            value.asDocument().forEach((k, v) -> out.put(k, substitute(v, values)));
            return out;
        }
        if (value.isArray()) {
            BsonArray out = new BsonArray();
            value.asArray().forEach(v -> out.add(substitute(v, values)));
            return out;
        }
        return value;
    }

    @Override
    public Reach reachable(long customer, int hops, Duration timeout) {
        throw new DbxException("mongo: reachability is n/a: " + REACH_NOT_APPLICABLE);
    }
}
