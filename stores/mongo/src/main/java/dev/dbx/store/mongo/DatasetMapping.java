package dev.dbx.store.mongo;

import dev.dbx.core.DbxException;
import dev.dbx.core.Identifiers;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Entity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;

/**
 * The document model of one dataset, read from {@code schema/<dataset>-mapping.json}: which entities are collections,
 * which are embedded in which, and which references are copied into the referencing document. Every name in it
 * becomes a field name or a collection name, so each is checked to be a plain identifier.
 */
final class DatasetMapping {
    private static final Map<String, DatasetMapping> CACHE = new ConcurrentHashMap<>();

    private final Dataset dataset;
    private final Map<String, EntityMapping> byEntity;

    private DatasetMapping(Dataset dataset, Map<String, EntityMapping> byEntity) {
        this.dataset = dataset;
        this.byEntity = byEntity;
    }

    static DatasetMapping of(Dataset dataset) {
        return CACHE.computeIfAbsent(dataset.name(), n -> parse(dataset, SchemaResource.read(n, "mapping")));
    }

    Dataset dataset() {
        return dataset;
    }

    EntityMapping of(Entity entity) {
        EntityMapping m = byEntity.get(entity.name());
        if (m == null) {
            throw new DbxException("the mongo model of " + dataset.name() + " has no entity '" + entity.name() + "'");
        }
        return m;
    }

    /** The mappings that are collections, in load order. */
    List<EntityMapping> topLevel() {
        return byEntity.values().stream().filter(m -> !m.embedded()).toList();
    }

    /** The entities embedded in {@code parent}'s documents. */
    List<EntityMapping> embeddedIn(EntityMapping parent) {
        return byEntity.values().stream()
                .filter(m ->
                        m.embedded() && m.parentEntity().equals(parent.entity().name()))
                .toList();
    }

    /** Whether a collection copies fields of {@code mapping}'s documents into its own (a nation into customers). */
    boolean isCopied(EntityMapping mapping) {
        return topLevel().stream()
                .flatMap(m -> m.references().stream())
                .anyMatch(r -> r.entity().equals(mapping.entity().name()));
    }

    /** The mapping of the collection {@code mapping}'s rows live in: its own, or its parent's. */
    EntityMapping home(EntityMapping mapping) {
        return mapping.embedded() ? byEntity.get(mapping.parentEntity()) : mapping;
    }

    List<String> collections() {
        return topLevel().stream().map(EntityMapping::collection).toList();
    }

    static DatasetMapping parse(Dataset dataset, Document json) {
        Map<String, EntityMapping> byEntity = new LinkedHashMap<>();
        for (Document spec : json.getList("entities", Document.class)) {
            Entity entity = dataset.entity(spec.getString("entity"));
            EntityMapping mapping;
            if (spec.containsKey("embeddedIn")) {
                String parent = spec.getString("embeddedIn");
                EntityMapping parentMapping = byEntity.get(parent);
                if (parentMapping == null || parentMapping.embedded()) {
                    throw new DbxException("mongo mapping: " + entity.name() + " is embedded in " + parent
                            + ", which must be a collection listed before it");
                }
                mapping = EntityMapping.embedded(
                        entity,
                        parent,
                        name("array field", spec.getString("array")),
                        entity.column(spec.getString("parentKey")).name());
            } else {
                List<Reference> references = new ArrayList<>();
                for (Document ref : spec.getList("references", Document.class, List.of())) {
                    EntityMapping target = byEntity.get(ref.getString("entity"));
                    if (target == null || target.embedded()) {
                        throw new DbxException("mongo mapping: " + entity.name() + " references "
                                + ref.getString("entity") + ", which must be a collection listed before it");
                    }
                    references.add(new Reference(
                            entity.column(ref.getString("column")).name(),
                            name("field", ref.getString("field")),
                            target.entity().name(),
                            ref.getList("copy", String.class).stream()
                                    .map(f -> name("field", f))
                                    .toList(),
                            target.entity().primaryKey().get(0)));
                }
                mapping = EntityMapping.topLevel(
                        entity, name("collection", spec.getString("collection")), spec.getString("id"), references);
            }
            entity.columnNames().forEach(c -> name("field", c));
            byEntity.put(entity.name(), mapping);
        }
        for (Entity entity : dataset.entities()) {
            if (!byEntity.containsKey(entity.name())) {
                throw new DbxException("mongo mapping of " + dataset.name() + " leaves out " + entity.name());
            }
        }
        return new DatasetMapping(dataset, byEntity);
    }

    private static String name(String what, String name) {
        return Identifiers.require("MongoDB " + what + " name", name);
    }
}
