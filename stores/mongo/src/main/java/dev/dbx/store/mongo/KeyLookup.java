package dev.dbx.store.mongo;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Canonical;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.Entity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Which primary keys the model holds, by {@code _id}: a top-level row is the document with its key as {@code _id}
 * ({@code find({_id: {$in: [...]}})} projecting {@code _id}); an embedded row (a line item, a supplier offer) is an
 * element of its parent document's array, found by the parent's {@code _id} with only the elements' other key
 * columns projected. One find per batch of {@value #BATCH} keys (or parents); nothing is scanned.
 */
final class KeyLookup {
    static final int BATCH = 1_000;

    private static final Bson ONLY_ID = Projections.include("_id");

    private final MongoDatabase database;

    KeyLookup(MongoDatabase database) {
        this.database = database;
    }

    Set<List<Object>> existing(DatasetMapping mapping, Entity entity, Collection<List<Object>> keys) {
        EntityMapping m = mapping.of(entity);
        List<Column> keyColumns =
                entity.primaryKey().stream().map(entity::column).toList();
        String collection = mapping.home(m).collection();
        return m.embedded() ? embedded(collection, m, keyColumns, keys) : topLevel(collection, keyColumns.get(0), keys);
    }

    private Set<List<Object>> topLevel(String collection, Column idColumn, Collection<List<Object>> keys) {
        Set<List<Object>> found = new HashSet<>();
        Map<Object, List<Object>> byId = new HashMap<>(); // _id as stored -> the key
        for (List<Object> key : keys) {
            Object id = Canonical.value(idColumn, single(key));
            byId.put(BsonValues.toBson(idColumn, id), List.of(id));
            if (byId.size() == BATCH) {
                lookUpIds(collection, byId, found);
                byId.clear();
            }
        }
        lookUpIds(collection, byId, found);
        return found;
    }

    private void lookUpIds(String collection, Map<Object, List<Object>> byId, Set<List<Object>> found) {
        lookUp(collection, byId.keySet(), ONLY_ID, doc -> {
            List<Object> key = byId.get(doc.get("_id"));
            if (key != null) {
                found.add(key);
            }
        });
    }

    private Set<List<Object>> embedded(
            String collection, EntityMapping m, List<Column> keyColumns, Collection<List<Object>> keys) {
        int parentAt = indexOf(keyColumns, m.placementColumn(), m);
        Column parentColumn = keyColumns.get(parentAt);
        List<String> paths = new ArrayList<>();
        for (Column c : keyColumns) {
            if (c != parentColumn) {
                paths.add(m.array() + "." + c.name());
            }
        }
        Bson projection = Projections.include(paths);
        Set<List<Object>> found = new HashSet<>();
        // parent _id -> (the element's key values, canonical, in key order with the parent's left out -> the key)
        Map<Object, Map<List<Object>, List<Object>>> byParent = new LinkedHashMap<>();
        for (List<Object> key : keys) {
            List<Object> canonical = Canonical.key(keyColumns, key);
            Object parentId = BsonValues.toBson(parentColumn, canonical.get(parentAt));
            List<Object> elementKey = new ArrayList<>(canonical);
            elementKey.remove(parentAt);
            byParent.computeIfAbsent(parentId, p -> new HashMap<>()).put(elementKey, canonical);
            if (byParent.size() == BATCH) {
                lookUpElements(collection, m, keyColumns, parentColumn, projection, byParent, found);
                byParent.clear();
            }
        }
        lookUpElements(collection, m, keyColumns, parentColumn, projection, byParent, found);
        return found;
    }

    /** The elements of each parent in {@code byParent}, those with a wanted key added to {@code found}. */
    private void lookUpElements(
            String collection,
            EntityMapping m,
            List<Column> keyColumns,
            Column parentColumn,
            Bson projection,
            Map<Object, Map<List<Object>, List<Object>>> byParent,
            Set<List<Object>> found) {
        lookUp(collection, byParent.keySet(), projection, doc -> {
            Map<List<Object>, List<Object>> wanted = byParent.get(doc.get("_id"));
            if (wanted == null) {
                return;
            }
            for (Document element : doc.getList(m.array(), Document.class, List.of())) {
                List<Object> elementKey = new ArrayList<>(keyColumns.size() - 1);
                for (Column c : keyColumns) {
                    if (c != parentColumn) {
                        elementKey.add(BsonValues.fromBson(c, element.get(c.name())));
                    }
                }
                List<Object> key = wanted.get(elementKey);
                if (key != null) {
                    found.add(key);
                }
            }
        });
    }

    /** The documents with one of {@code ids} as their {@code _id}: one find (nothing when there are none). */
    private void lookUp(String collection, Collection<Object> ids, Bson projection, Consumer<Document> action) {
        if (ids.isEmpty()) {
            return;
        }
        database.getCollection(collection)
                .find(Filters.in("_id", ids))
                .projection(projection)
                .batchSize(BATCH)
                .forEach(action);
    }

    private static Object single(List<Object> key) {
        if (key.size() != 1) {
            throw new DbxException("a key of one value was expected, not " + key);
        }
        return key.get(0);
    }

    private static int indexOf(List<Column> keyColumns, String column, EntityMapping m) {
        for (int i = 0; i < keyColumns.size(); i++) {
            if (keyColumns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new DbxException("mongo model: " + m.entity().name() + " is embedded by " + column
                + ", which is not in its primary key: its rows cannot be looked up by key");
    }
}
