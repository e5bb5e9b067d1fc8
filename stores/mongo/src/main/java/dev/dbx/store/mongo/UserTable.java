package dev.dbx.store.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import dev.dbx.core.DbxException;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.dataset.YcsbSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * YCSB's usertable as documents {@code {_id: key, field0..field9: string}}: point operations by {@code _id}, and scans
 * that walk the {@code _id} index in key order (binary order of the UTF-8 key, which is Java's order for ASCII keys).
 * Field names become document keys, so each one is checked against the schema's ten.
 */
final class UserTable {
    private final MongoCollection<Document> collection;

    UserTable(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    void insert(String key, Map<String, String> fields) {
        Document doc = new Document("_id", key);
        for (String f : names(fields.keySet())) {
            doc.append(f, fields.get(f));
        }
        collection.insertOne(doc);
    }

    Optional<Map<String, String>> read(String key, Set<String> fields) {
        Document doc =
                collection.find(eq("_id", key)).projection(projection(fields)).first();
        return Optional.ofNullable(doc).map(UserTable::fields);
    }

    boolean update(String key, Map<String, String> fields) {
        Document set = new Document();
        for (String f : names(fields.keySet())) {
            set.append(f, fields.get(f));
        }
        return collection.updateOne(eq("_id", key), new Document("$set", set)).getMatchedCount() > 0;
    }

    boolean delete(String key) {
        return collection.deleteOne(eq("_id", key)).getDeletedCount() > 0;
    }

    List<KeyValue.Record> scan(String startKey, int count, Set<String> fields) {
        List<KeyValue.Record> records = new ArrayList<>(Math.max(0, Math.min(count, 10_000)));
        if (count <= 0) {
            return records;
        }
        for (Document doc : collection
                .find(gte("_id", startKey))
                .sort(Sorts.ascending("_id"))
                .limit(count)
                .projection(projection(fields))) {
            records.add(new KeyValue.Record(doc.getString("_id"), fields(doc)));
        }
        return records;
    }

    /** All fields (no projection) when none are asked for; the key always comes along. */
    private static Bson projection(Set<String> fields) {
        return fields.isEmpty() ? null : Projections.include(names(fields));
    }

    private static Map<String, String> fields(Document doc) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : YcsbSchema.FIELDS) {
            if (doc.containsKey(f)) {
                out.put(f, doc.getString(f));
            }
        }
        return out;
    }

    /** The requested fields in schema order, each one of the usertable's. */
    private static List<String> names(Set<String> requested) {
        for (String f : requested) {
            if (!YcsbSchema.FIELDS.contains(f)) {
                throw new DbxException("usertable has no field '" + f + "'", "fields are field0 to field9");
            }
        }
        return YcsbSchema.FIELDS.stream().filter(requested::contains).toList();
    }
}
