package dev.dbx.store.mongo;

import dev.dbx.core.DbxException;
import dev.dbx.core.Identifiers;
import dev.dbx.core.dataset.Dataset;
import java.util.HashSet;
import java.util.List;
import org.bson.Document;

/**
 * A collection of the model and its validator, from {@code schema/<dataset>-collections.json}.
 *
 * @param name the collection
 * @param validator the {@code validator} option, a {@code $jsonSchema} query
 */
record CollectionSpec(String name, Document validator) {
    static List<CollectionSpec> of(Dataset dataset) {
        List<CollectionSpec> specs =
                SchemaResource.read(dataset.name(), "collections").getList("collections", Document.class).stream()
                        .map(c -> new CollectionSpec(
                                Identifiers.require("MongoDB collection name", c.getString("name")),
                                c.get("validator", Document.class)))
                        .toList();
        List<String> mapped = DatasetMapping.of(dataset).collections();
        if (!new HashSet<>(specs.stream().map(CollectionSpec::name).toList()).equals(new HashSet<>(mapped))) {
            throw new DbxException("the mongo model of " + dataset.name() + " maps to collections " + mapped
                    + " but its collections file lists "
                    + specs.stream().map(CollectionSpec::name).toList());
        }
        return specs;
    }
}
