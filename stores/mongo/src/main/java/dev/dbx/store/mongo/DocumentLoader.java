package dev.dbx.store.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import dev.dbx.core.dataset.DatasetSource;
import java.util.function.BiFunction;

/**
 * Streams a source into the document model, one pass per collection (see {@link DocumentAssembler}), written through
 * {@link BatchInserter}. Nothing but the batch in hand, the one being written and one parent's elements is held.
 */
final class DocumentLoader {
    /** Documents per insertMany: an order with its line items is ~1.5 KB, so a batch stays near 1.5 MB. */
    static final int BATCH_SIZE = 1_000;

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
        for (EntityMapping collection : assembler.collectionsToLoad()) {
            String name = collection.collection();
            try (BatchInserter out = new BatchInserter(
                    database.getCollection(name), BATCH_SIZE, e -> errors.apply("loading " + name, e))) {
                assembler.assemble(collection, out::add);
                out.finish();
            }
        }
    }
}
