package dev.dbx.store.mongo;

import dev.dbx.core.Identifiers;
import dev.dbx.core.dataset.Dataset;
import java.util.List;
import org.bson.Document;

/**
 * One index of the model, from {@code schema/<dataset>-indexes.json}, in the form the {@code createIndexes} command
 * takes ({@code key}, {@code name} and any further options as written there).
 */
record IndexSpec(String collection, String name, Document keys, Document options) {
    static List<IndexSpec> of(Dataset dataset) {
        return SchemaResource.read(dataset.name(), "indexes").getList("indexes", Document.class).stream()
                .map(i -> new IndexSpec(
                        Identifiers.require("MongoDB collection name", i.getString("collection")),
                        Identifiers.require("MongoDB index name", i.getString("name")),
                        i.get("keys", Document.class),
                        i.get("options", new Document())))
                .toList();
    }

    boolean unique() {
        return Boolean.TRUE.equals(options.get("unique"));
    }

    /** E.g. {@code orders.o_custkey}. */
    String qualifiedName() {
        return collection + "." + name;
    }

    Document command() {
        Document spec = new Document("key", keys).append("name", name);
        spec.putAll(options);
        return spec;
    }
}
