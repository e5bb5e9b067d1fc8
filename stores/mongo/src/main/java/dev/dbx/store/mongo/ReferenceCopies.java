package dev.dbx.store.mongo;

import com.mongodb.client.MongoDatabase;
import dev.dbx.core.DbxException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.bson.Document;

/**
 * The copies of referenced documents that go into referencing ones (a customer's nation and region). Referenced
 * entities are small dimensions (25 nations), read once per load from the store itself (they load first, and an
 * import of customers alone still finds them); a key with no document gets a copy holding just the key.
 */
final class ReferenceCopies {
    /** Copying is for dimensions: a bigger referenced collection is a modelling mistake, not something to cache. */
    static final int MAX_DOCUMENTS = 100_000;

    private final Function<String, Iterable<Document>> documentsOfEntity;
    private final Map<String, Map<Object, Document>> byEntity = new HashMap<>();

    /** @param documentsOfEntity the stored documents of an entity, by its name */
    ReferenceCopies(Function<String, Iterable<Document>> documentsOfEntity) {
        this.documentsOfEntity = documentsOfEntity;
    }

    /** Copies read from the collections of {@code database}. */
    static ReferenceCopies from(MongoDatabase database, DatasetMapping mapping) {
        return new ReferenceCopies(entity -> database.getCollection(
                        mapping.of(mapping.dataset().entity(entity)).collection())
                .find()
                .limit(MAX_DOCUMENTS + 1));
    }

    Document copyOf(Reference ref, Object key) {
        Document copy = new Document(ref.keyField(), key);
        Document source = byEntity.computeIfAbsent(ref.entity(), this::read).get(key);
        if (source != null) {
            for (String field : ref.copy()) {
                if (source.containsKey(field)) {
                    copy.append(field, source.get(field));
                }
            }
        }
        return copy;
    }

    private Map<Object, Document> read(String entity) {
        Map<Object, Document> docs = new HashMap<>();
        for (Document doc : documentsOfEntity.apply(entity)) {
            docs.put(doc.get("_id"), doc);
            if (docs.size() > MAX_DOCUMENTS) {
                throw new DbxException("mongo model: " + entity + " has more than " + MAX_DOCUMENTS
                        + " documents, too many to copy into the documents that reference them");
            }
        }
        return docs;
    }
}
