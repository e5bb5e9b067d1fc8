package dev.dbx.store.mongo;

import static com.mongodb.client.model.Projections.exclude;
import static com.mongodb.client.model.Projections.include;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowSink;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Counts and scans entities back as canonical rows, whether they are collections or arrays inside one.
 *
 * <p>On MongoDB a scan is one cursor and an embedded count one aggregation. mongo-java-server instead collects a
 * query's or a pipeline's whole result in its (capped) heap before answering, which at SF 0.1 already exceeds it for
 * the orders: there reads go in bounded pages, and counts use what it can answer without holding the collection.
 */
final class DocumentScanner {
    private static final int BATCH = 1_000;
    /** Documents per page on mongo-java-server: 10,000 orders with their line items are ~50 MB of its heap. */
    static final int PAGE = 10_000;

    private final MongoDatabase database;
    private final long longOperationMillis;
    private final BooleanSupplier mongoJavaServer;

    DocumentScanner(MongoDatabase database, long longOperationMillis, BooleanSupplier mongoJavaServer) {
        this.database = database;
        this.longOperationMillis = longOperationMillis;
        this.mongoJavaServer = mongoJavaServer;
    }

    /** How many rows of {@code entity} there are: documents, or the elements of their arrays. */
    long count(DatasetMapping mapping, Entity entity) {
        EntityMapping m = mapping.of(entity);
        MongoCollection<Document> home = collection(mapping, m).withTimeout(longOperationMillis, TimeUnit.MILLISECONDS);
        boolean standIn = mongoJavaServer.getAsBoolean();
        if (!m.embedded()) {
            // MongoDB's metadata count may drift after an unclean shutdown (or count orphans on a sharded cluster):
            // count the documents there. mongo-java-server's is exact (the size of its map).
            return standIn ? home.estimatedDocumentCount() : home.countDocuments();
        }
        if (standIn) {
            long[] n = {0};
            forEach(
                    home,
                    include(m.array()),
                    doc -> n[0] +=
                            doc.getList(m.array(), Document.class, List.of()).size());
            return n[0];
        }
        // the server sums the array sizes: nothing but one number crosses the wire
        Document sizes = new Document("$size", new Document("$ifNull", List.of("$" + m.array(), List.of())));
        Document total = home.aggregate(List.of(
                        new Document("$project", new Document("n", sizes)),
                        new Document("$group", new Document("_id", null).append("n", new Document("$sum", "$n")))))
                .first();
        return total == null ? 0 : ((Number) total.get("n")).longValue();
    }

    void scan(DatasetMapping mapping, Entity entity, RowSink sink) {
        EntityMapping m = mapping.of(entity);
        MongoCollection<Document> home = collection(mapping, m);
        if (m.embedded()) {
            forEach(home, include(m.array()), doc -> {
                Object id = doc.get("_id");
                for (Document element : doc.getList(m.array(), Document.class, List.of())) {
                    sink.accept(m.fromElement(id, element));
                }
            });
            return;
        }
        List<String> arrays =
                mapping.embeddedIn(m).stream().map(EntityMapping::array).toList();
        // an order's line items are scanned as lineitem, not here; a document holding only _id and line items is
        // no order (its line items came before it: see ChangeWrites)
        forEach(home, arrays.isEmpty() ? null : exclude(arrays), doc -> {
            if (arrays.isEmpty() || doc.size() > 1) {
                sink.accept(m.fromDocument(doc));
            }
        });
    }

    /** Every document of {@code collection}, projected, in any order. */
    private void forEach(MongoCollection<Document> collection, Bson projection, Consumer<Document> action) {
        if (!mongoJavaServer.getAsBoolean()) {
            collection.find().projection(projection).batchSize(BATCH).forEach(action);
            return;
        }
        // pages in natural order: mongo-java-server streams its store up to skip + limit and holds only the page
        // (no write may run meanwhile: a scan is for verification after a load)
        for (int skip = 0; ; skip += PAGE) {
            int[] n = {0};
            collection
                    .find()
                    .projection(projection)
                    .sort(new Document("$natural", 1))
                    .skip(skip)
                    .limit(PAGE)
                    .batchSize(BATCH)
                    .forEach(doc -> {
                        n[0]++;
                        action.accept(doc);
                    });
            if (n[0] < PAGE) {
                return;
            }
        }
    }

    private MongoCollection<Document> collection(DatasetMapping mapping, EntityMapping m) {
        return database.getCollection(mapping.home(m).collection());
    }
}
