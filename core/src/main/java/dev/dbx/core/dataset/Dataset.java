package dev.dbx.core.dataset;

import dev.dbx.core.DbxException;
import java.util.List;

/**
 * A dataset: entities in load order (every entity after the ones it references).
 *
 * @param name "tpch" or "ycsb"
 */
public record Dataset(String name, List<Entity> entities) {
    public Dataset {
        entities = List.copyOf(entities);
    }

    public Entity entity(String entityName) {
        return entities.stream()
                .filter(e -> e.name().equals(entityName))
                .findFirst()
                .orElseThrow(() -> new DbxException(
                        "dataset " + name + " has no entity '" + entityName + "'",
                        "its entities are " + String.join(", ", entityNames())));
    }

    public List<String> entityNames() {
        return entities.stream().map(Entity::name).toList();
    }
}
