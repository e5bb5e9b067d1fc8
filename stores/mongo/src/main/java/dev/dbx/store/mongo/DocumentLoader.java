package dev.dbx.store.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import dev.dbx.core.dataset.DatasetSource;
import java.util.List;
import java.util.function.BiFunction;
import org.bson.Document;

/**
 * Streams a source into the document model: one pass per collection (see {@link DocumentAssembler}), written through
 * unordered {@code insertMany} batches; then rows of embedded entities that came without their parents (an import of
 * line items alone) appended to the parent documents already stored (see {@link EmbeddedAppender}). Nothing but the
 * batch in hand, the one being written and one parent's elements is held.
 */
final class DocumentLoader {
    /** Documents per insertMany: an order with its line items is ~1.5 KB, so a batch stays near 1.5 MB. */
    static final int BATCH_SIZE = 1_000;

    /** What {@link #load} does, for reports. */
    static final String METHOD = "unordered insertMany of 1,000 documents per call, one collection after another"
            + " (orders with their line items and parts with their offers assembled in one streaming merge; the next"
            + " batch is built while one is written); embedded rows without their parents added by bulkWrite $pull (same key) and $push";

    /** The server may apply a batch's documents in any order and in parallel. */
    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

    private final MongoDatabase database;
    private final BiFunction<String, MongoException, RuntimeException> errors;

    /** @param errors turns a driver error while doing something (e.g. "loading orders") into dbx's */
    DocumentLoader(MongoDatabase database, BiFunction<String, MongoException, RuntimeException> errors) {
        this.database = database;
        this.errors = errors;
    }

    void load(DatasetSource source) {
        DatasetMapping mapping = DatasetMapping.of(source.dataset());
        DocumentAssembler assembler = new DocumentAssembler(source, mapping, ReferenceCopies.from(database, mapping));
        List<EmbeddedAppender> appenders = assembler.entitiesToAppend().stream()
                .map(child -> appender(mapping, child))
                .toList();
        // before anything is written: a row whose parent document is missing loads nothing at all
        appenders.forEach(a -> a.requireParents(source));
        for (EntityMapping collection : assembler.collectionsToLoad()) {
            String name = collection.collection();
            MongoCollection<Document> target = database.getCollection(name);
            try (BatchWriter<Document> out = new BatchWriter<>(
                    target.getNamespace().getFullName(),
                    BATCH_SIZE,
                    docs -> target.insertMany(docs, UNORDERED),
                    e -> errors.apply("loading " + name, e))) {
                assembler.assemble(collection, out::add);
                out.finish();
            }
        }
        appenders.forEach(a -> a.append(source));
    }

    private EmbeddedAppender appender(DatasetMapping mapping, EntityMapping child) {
        String parents = mapping.home(child).collection();
        String doing = "adding " + child.entity().name() + " rows to the " + parents + " documents";
        return new EmbeddedAppender(database.getCollection(parents), child, e -> errors.apply(doing, e));
    }
}
