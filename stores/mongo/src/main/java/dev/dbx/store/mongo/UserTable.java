package dev.dbx.store.mongo;

import com.mongodb.MongoCommandException;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.KeyValueSemantics;
import dev.dbx.core.capability.KeyValueSession;
import dev.dbx.core.dataset.YcsbSchema;
import java.util.function.BooleanSupplier;
import org.bson.BsonDocument;
import org.bson.Document;

/**
 * YCSB's usertable as documents {@code {_id: key, field0..field9: string}}, worked through {@link UserTableSession}s.
 * The sessions share the store's pooled client: the sync driver takes a connection from the pool for each operation
 * and gives it back, so a session holds its share of the pool rather than one connection (a pool at least as large as
 * the number of sessions means none ever waits; {@code maxPoolSize} comes from the store's pool size unless the URI
 * sets it).
 */
final class UserTable implements KeyValue {
    /** What a write concern without {@code j} means on MongoDB (the server decides). */
    private static final String JOURNAL_UNSET = "; j unset: w:majority waits for the journal while"
            + " writeConcernMajorityJournalDefault is on (MongoDB's default), w:1 acknowledges before the journal"
            + " (flushed every storage.journal.commitIntervalMs, 100 ms by default)";

    private final MongoCollection<BsonDocument> collection;
    private final MongoDatabase admin;
    private final MongoCalls calls;
    private final BooleanSupplier mongoJavaServer;

    UserTable(MongoDatabase database, MongoDatabase admin, MongoCalls calls, BooleanSupplier mongoJavaServer) {
        String name =
                DatasetMapping.of(YcsbSchema.DATASET).of(YcsbSchema.USERTABLE).collection();
        this.collection = database.getCollection(name, BsonDocument.class);
        this.admin = admin;
        this.calls = calls;
        this.mongoJavaServer = mongoJavaServer;
    }

    @Override
    public KeyValueSession openSession() {
        return new UserTableSession(collection, calls);
    }

    /**
     * Asked of the client and the server: the write concern the client sends (and, when it leaves it to the server,
     * the server's default), and the read preference (reads from the primary see the session's own writes).
     * mongo-java-server has no journal and does not act on a write concern: it says so instead.
     */
    @Override
    public KeyValueSemantics semantics() {
        WriteConcern concern = collection.getWriteConcern();
        boolean primary = collection.getReadPreference().equals(ReadPreference.primary());
        if (mongoJavaServer.getAsBoolean()) {
            return new KeyValueSemantics(
                    KeyValueSemantics.Update.ATOMIC,
                    ServerIdentities.MONGO_JAVA_SERVER + ", not MongoDB: no journal, and the client's write concern ("
                            + describe(concern) + ") is not acted on; a write is acknowledged once in its H2 MVStore"
                            + " in memory, which H2's auto-commit writes to the file in the background (about once a"
                            + " second by default): a crash loses the last acknowledged writes",
                    primary,
                    "each update is one $set, atomic per document; mongo-java-server runs every operation on a"
                            + " collection under one lock, so two sessions writing one record apply one after the"
                            + " other (the later $set wins for the fields both set), and all usertable operations"
                            + " are serialized");
        }
        String durability = concern.isServerDefault()
                ? "write concern: the server's default, "
                        + calls.call("asking for the default write concern", () -> serverDefaultWriteConcern())
                : "write concern " + describe(concern);
        return new KeyValueSemantics(
                KeyValueSemantics.Update.ATOMIC,
                durability + (concern.getJournal() == null ? JOURNAL_UNSET : ""),
                primary,
                "each update is one $set, atomic per document: two sessions writing one record apply one after the"
                        + " other (the later $set wins for the fields both set); no write fails for a conflict");
    }

    /** The cluster-wide default, e.g. "{w: majority} (implicit)", or why it could not be read. */
    private String serverDefaultWriteConcern() {
        try {
            Document reply = admin.runCommand(new Document("getDefaultRWConcern", 1));
            Object concern = reply.get("defaultWriteConcern");
            String source = reply.get("defaultWriteConcernSource") instanceof String s ? " (" + s + ")" : "";
            return (concern instanceof Document d ? d.toJson() : "not reported") + source;
        } catch (MongoCommandException e) {
            return "not readable here (getDefaultRWConcern: " + e.getErrorCodeName() + ")";
        }
    }

    private static String describe(WriteConcern concern) {
        return concern.isServerDefault()
                ? "none set: w and j left to the server"
                : concern.asDocument().toJson();
    }
}
