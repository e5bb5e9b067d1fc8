package dev.dbx.store.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Canonical;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Entity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Which primary keys the indices hold, by document id with {@code _mget}: a row of an entity with an index of its own
 * is the document whose {@code _id} is its key (asked with {@code _source=false}); an embedded row (a line item) is an
 * item of its parent's document, found by the parent's id with only the items' other key columns fetched. One
 * {@code _mget} per batch of {@value #BATCH} ids; nothing is searched.
 */
final class KeyLookup {
    static final int BATCH = 1_000;

    private final EsClient client;

    KeyLookup(EsClient client) {
        this.client = client;
    }

    Set<List<Object>> existing(Dataset dataset, Entity entity, Collection<List<Object>> keys) {
        String index = IndexLayout.index(dataset, entity);
        List<Column> keyColumns =
                entity.primaryKey().stream().map(entity::column).toList();
        Optional<IndexLayout.Embedding> embedding = IndexLayout.embedding(dataset, entity);
        return embedding.isPresent()
                ? embedded(index, dataset.entity(embedding.get().parent()), embedding.get(), keyColumns, keys)
                : own(index, entity, keyColumns, keys);
    }

    private Set<List<Object>> own(String index, Entity entity, List<Column> keyColumns, Collection<List<Object>> keys) {
        int[] at = entity.primaryKeyIndexes();
        Set<List<Object>> found = new HashSet<>();
        Map<String, List<Object>> byId = new LinkedHashMap<>();
        for (List<Object> key : keys) {
            List<Object> canonical = Canonical.key(keyColumns, key);
            Object[] row = new Object[entity.columns().size()];
            for (int i = 0; i < at.length; i++) {
                row[at[i]] = canonical.get(i);
            }
            byId.put(DocumentCodec.id(entity, row), canonical);
            if (byId.size() == BATCH) {
                mget(index, byId.keySet(), null, (id, source) -> found.add(byId.get(id)));
                byId.clear();
            }
        }
        mget(index, byId.keySet(), null, (id, source) -> found.add(byId.get(id)));
        return found;
    }

    private Set<List<Object>> embedded(
            String index,
            Entity parent,
            IndexLayout.Embedding embedding,
            List<Column> keyColumns,
            Collection<List<Object>> keys) {
        int parentAt = -1;
        List<Column> itemColumns = new ArrayList<>();
        List<String> includes = new ArrayList<>();
        for (int i = 0; i < keyColumns.size(); i++) {
            Column c = keyColumns.get(i);
            if (c.name().equals(embedding.childKey())) {
                parentAt = i;
            } else {
                itemColumns.add(c);
                includes.add(embedding.path() + "." + c.name());
            }
        }
        if (parentAt < 0) {
            throw new DbxException("the key of an embedded entity must hold its parent's key " + embedding.childKey());
        }
        int parentKey = parent.indexOf(embedding.parentKey());
        String sourceIncludes = String.join(",", includes);
        Set<List<Object>> found = new HashSet<>();
        // parent id -> (the item's other key values, canonical, in key order -> the key asked for)
        Map<String, Map<List<Object>, List<Object>>> byParent = new LinkedHashMap<>();
        BiConsumer<String, JsonNode> match = (id, source) -> {
            Map<List<Object>, List<Object>> wanted = byParent.get(id);
            if (wanted == null) {
                return;
            }
            for (JsonNode item : source.path(embedding.path())) {
                List<Object> itemKey = new ArrayList<>(itemColumns.size());
                for (Column c : itemColumns) {
                    itemKey.add(DocumentCodec.readValue(c, item.get(c.name())));
                }
                List<Object> key = wanted.get(itemKey);
                if (key != null) {
                    found.add(key);
                }
            }
        };
        for (List<Object> key : keys) {
            List<Object> canonical = Canonical.key(keyColumns, key);
            Object[] parentRow = new Object[parent.columns().size()];
            parentRow[parentKey] = canonical.get(parentAt);
            List<Object> itemKey = new ArrayList<>(canonical);
            itemKey.remove(parentAt);
            byParent.computeIfAbsent(DocumentCodec.id(parent, parentRow), p -> new HashMap<>())
                    .put(itemKey, canonical);
            if (byParent.size() == BATCH) {
                mget(index, byParent.keySet(), sourceIncludes, match);
                byParent.clear();
            }
        }
        mget(index, byParent.keySet(), sourceIncludes, match);
        return found;
    }

    /**
     * One {@code _mget} of {@code ids} in {@code index}: each document found goes to {@code found} with its id and its
     * {@code _source} fields {@code sourceIncludes} (no source when null). A missing index holds nothing.
     */
    private void mget(String index, Collection<String> ids, String sourceIncludes, BiConsumer<String, JsonNode> found) {
        if (ids.isEmpty()) {
            return;
        }
        ObjectNode body = EsClient.JSON.createObjectNode();
        ArrayNode list = body.putArray("ids");
        ids.forEach(list::add);
        EsRequest request = EsRequest.json("POST", "/" + index + "/_mget", body);
        if (sourceIncludes == null) {
            request.parameter("_source", "false");
        } else {
            request.parameter("_source_includes", sourceIncludes);
        }
        EsClient.Reply reply = client.send(request, "looking up keys in " + index, 404);
        for (JsonNode doc : reply.body().path("docs")) {
            if (doc.path("found").asBoolean(false)) {
                found.accept(doc.path("_id").asText(), doc.path("_source"));
            }
        }
    }
}
