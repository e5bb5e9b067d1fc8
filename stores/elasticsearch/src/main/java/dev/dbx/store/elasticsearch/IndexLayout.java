package dev.dbx.store.elasticsearch;

import dev.dbx.core.DbxException;
import dev.dbx.core.Identifiers;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Entity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which index holds which entity. Every index dbx owns is named {@code dbx-<dataset>-<entity>} (e.g.
 * {@code dbx-tpch-orders}, {@code dbx-ycsb-usertable}), so dropping a dataset deletes exactly those names and never
 * touches anyone else's indices. TPC-H's line items have no index of their own: they are nested in their order's
 * document.
 */
final class IndexLayout {
    static final String PREFIX = "dbx-";

    /**
     * An entity stored inside another's documents.
     *
     * @param parent the entity whose documents hold it
     * @param path the field holding the array of embedded items
     * @param parentKey the parent's key column, which the embedded rows share
     * @param childKey the embedded rows' column that refers to the parent (not stored again in each item)
     */
    record Embedding(String parent, String path, String parentKey, String childKey) {}

    static final Embedding LINEITEMS_IN_ORDERS = new Embedding("orders", "lineitems", "o_orderkey", "l_orderkey");

    private IndexLayout() {}

    /** How {@code entity} is embedded, or empty when it has an index of its own. */
    static Optional<Embedding> embedding(Dataset dataset, Entity entity) {
        return dataset.name().equals("tpch") && entity.name().equals("lineitem")
                ? Optional.of(LINEITEMS_IN_ORDERS)
                : Optional.empty();
    }

    /** Whether {@code entity}'s documents embed another entity's rows. */
    static boolean embeds(Dataset dataset, Entity entity) {
        return dataset.entities().stream()
                .flatMap(e -> embedding(dataset, e).stream())
                .anyMatch(e -> e.parent().equals(entity.name()));
    }

    /** The entity whose documents embed {@code entity}'s rows, or {@code entity} itself. */
    static Entity owner(Dataset dataset, Entity entity) {
        return embedding(dataset, entity).map(e -> dataset.entity(e.parent())).orElse(entity);
    }

    /** The entities that have an index of their own, in load order. */
    static List<Entity> indexed(Dataset dataset) {
        return dataset.entities().stream()
                .filter(e -> embedding(dataset, e).isEmpty())
                .toList();
    }

    /** The index holding {@code entity}'s rows (its owner's index for an embedded entity). */
    static String index(Dataset dataset, Entity entity) {
        Entity owner = owner(dataset, entity);
        String dataName = Identifiers.require("dataset name", dataset.name());
        String entityName = Identifiers.require("entity name", owner.name());
        String name = PREFIX + dataName + "-" + entityName;
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            throw new DbxException("index name '" + name + "' must be lower case (an Elasticsearch rule)");
        }
        return name;
    }

    /** Every index of {@code dataset}, in load order. */
    static List<String> indices(Dataset dataset) {
        return indexed(dataset).stream().map(e -> index(dataset, e)).toList();
    }

    /** The mapping resource of {@code entity}'s index, next to this class. */
    static String mappingResource(Dataset dataset, Entity entity) {
        return "mappings/" + dataset.name() + "/" + owner(dataset, entity).name() + ".json";
    }
}
