package dev.dbx.store.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Entity;
import java.io.IOException;
import java.io.InputStream;

/**
 * The create-index bodies: the explicit, strict mapping kept as a resource file next to this class
 * ({@code mappings/<dataset>/<entity>.json}), plus the shard and replica counts from the store URI (1 and 0 by default:
 * one node, nothing to replicate to).
 */
final class IndexDefinitions {
    private IndexDefinitions() {}

    static ObjectNode body(Dataset dataset, Entity entity, Endpoint endpoint) {
        ObjectNode body = resource(IndexLayout.mappingResource(dataset, entity));
        ObjectNode settings = body.has("settings") ? (ObjectNode) body.get("settings") : body.putObject("settings");
        ObjectNode index = settings.has("index") ? (ObjectNode) settings.get("index") : settings.putObject("index");
        index.put("number_of_shards", endpoint.shards());
        index.put("number_of_replicas", endpoint.replicas());
        return body;
    }

    /** The mapping of {@code entity}'s index as the resource file has it. */
    static JsonNode mapping(Dataset dataset, Entity entity) {
        return resource(IndexLayout.mappingResource(dataset, entity)).path("mappings");
    }

    private static ObjectNode resource(String name) {
        try (InputStream in = IndexDefinitions.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new DbxException("the elasticsearch store has no mapping " + name);
            }
            JsonNode tree = EsClient.JSON.readTree(in);
            if (!(tree instanceof ObjectNode object) || !object.path("mappings").isObject()) {
                throw new DbxException("mapping resource " + name + " is not an object with \"mappings\"");
            }
            return object;
        } catch (IOException e) {
            throw new DbxException("cannot read mapping resource " + name + ": " + e.getMessage());
        }
    }
}
