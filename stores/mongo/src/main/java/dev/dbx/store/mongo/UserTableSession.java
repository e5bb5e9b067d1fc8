package dev.dbx.store.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import dev.dbx.core.capability.FieldSet;
import dev.dbx.core.capability.KeyValueSession;
import dev.dbx.core.dataset.YcsbSchema;
import java.util.Arrays;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * One thread's way to the usertable. Prepared once and reused: the collection handle, the {@code _id} filters (one
 * document each, its value replaced per call), and per {@link FieldSet#mask()} the projection and the {@code $set}
 * document (made the first time a mask is used, its values replaced per call). Point operations go by {@code _id};
 * a scan walks the {@code _id} index in key order (binary order of the UTF-8 key, which is Java's order for ASCII
 * keys). The driver encodes a command before the call returns, so the reused documents are never shared.
 */
final class UserTableSession implements KeyValueSession {
    private static final String[] FIELDS = YcsbSchema.FIELDS.toArray(String[]::new);
    private static final BsonDocument BY_ID_ASCENDING = new BsonDocument("_id", new BsonInt32(1));

    private final MongoCollection<BsonDocument> collection;
    private final MongoCalls calls;
    private final BsonDocument byId = new BsonDocument("_id", new BsonString(""));
    private final BsonDocument from = new BsonDocument("$gte", new BsonString(""));
    private final BsonDocument fromId = new BsonDocument("_id", from);
    private final BsonDocument[] projections = new BsonDocument[1 << FIELDS.length];
    private final BsonDocument[] sets = new BsonDocument[1 << FIELDS.length];
    private final String[] scanned = new String[FIELDS.length];

    UserTableSession(MongoCollection<BsonDocument> collection, MongoCalls calls) {
        this.collection = collection;
        this.calls = calls;
    }

    @Override
    public void insert(String key, String[] values) {
        BsonDocument doc = new BsonDocument("_id", new BsonString(key));
        for (int i = 0; i < FIELDS.length; i++) {
            doc.append(FIELDS[i], new BsonString(values[i]));
        }
        try {
            collection.insertOne(doc);
        } catch (MongoException e) {
            throw calls.error("insert of " + key, e);
        }
    }

    @Override
    public boolean read(String key, FieldSet fields, String[] values) {
        BsonDocument doc;
        try {
            doc = collection.find(byId(key)).projection(projection(fields)).first();
        } catch (MongoException e) {
            throw calls.error("read of " + key, e);
        }
        if (doc == null) {
            return false;
        }
        copy(doc, fields, values);
        return true;
    }

    @Override
    public boolean update(String key, FieldSet fields, String[] values) {
        if (fields.isEmpty()) {
            return read(key, fields, values); // nothing to set: whether the record exists
        }
        BsonDocument update = sets[fields.mask()];
        if (update == null) {
            update = new BsonDocument("$set", new BsonDocument());
            sets[fields.mask()] = update;
        }
        BsonDocument set = update.getDocument("$set");
        for (int i = 0; i < fields.size(); i++) {
            int f = fields.field(i);
            set.put(FIELDS[f], new BsonString(values[f]));
        }
        try {
            return collection.updateOne(byId(key), update).getMatchedCount() > 0;
        } catch (MongoException e) {
            throw calls.error("update of " + key, e);
        }
    }

    @Override
    public boolean delete(String key) {
        try {
            return collection.deleteOne(byId(key)).getDeletedCount() > 0;
        } catch (MongoException e) {
            throw calls.error("delete of " + key, e);
        }
    }

    @Override
    public int scan(String startKey, int count, FieldSet fields, RecordSink sink) {
        if (count <= 0) {
            return 0;
        }
        from.put("$gte", new BsonString(startKey));
        Arrays.fill(scanned, null); // fields a scan with another choice left
        int n = 0;
        try {
            for (BsonDocument doc : collection
                    .find(fromId)
                    .sort(BY_ID_ASCENDING)
                    .limit(count)
                    .batchSize(count)
                    .projection(projection(fields))) {
                copy(doc, fields, scanned);
                sink.accept(doc.getString("_id").getValue(), scanned);
                n++;
            }
        } catch (MongoException e) {
            throw calls.error("scan from " + startKey, e);
        }
        return n;
    }

    @Override
    public void close() {
        // nothing held: the pooled client's connections go back after each operation
    }

    private BsonDocument byId(String key) {
        byId.put("_id", new BsonString(key));
        return byId;
    }

    /** The fields chosen and the key (an empty choice projects the key alone). */
    private BsonDocument projection(FieldSet fields) {
        BsonDocument p = projections[fields.mask()];
        if (p == null) {
            p = new BsonDocument("_id", new BsonInt32(1));
            for (int i = 0; i < fields.size(); i++) {
                p.append(FIELDS[fields.field(i)], new BsonInt32(1));
            }
            projections[fields.mask()] = p;
        }
        return p;
    }

    private static void copy(BsonDocument doc, FieldSet fields, String[] values) {
        for (int i = 0; i < fields.size(); i++) {
            int f = fields.field(i);
            BsonValue v = doc.get(FIELDS[f]);
            values[f] = v == null || v.isNull() ? null : v.asString().getValue();
        }
    }
}
