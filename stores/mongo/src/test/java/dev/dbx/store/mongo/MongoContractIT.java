package dev.dbx.store.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.dbx.core.capability.Analytics;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.Graph;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.ServerResources;
import dev.dbx.core.capability.Sink;
import dev.dbx.core.capability.TextSearch;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.store.Capability;
import dev.dbx.engine.Ports;
import dev.dbx.store.testkit.StoreContractIT;
import java.net.URI;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;

/**
 * The store contract against the local engine: mongo-java-server (MongoDB wire-compatible; not MongoDB). The
 * tampering goes through mongodb-driver-sync directly: a {@code $set} on a supplier, a deleted customer, and a line
 * item pushed into its order a second time (what a retried, non-idempotent {@code $push} of a faulty sync leaves).
 */
class MongoContractIT extends StoreContractIT {
    @Override
    protected String storeId() {
        return "mongo";
    }

    @Override
    protected String engineName() {
        return "mongo";
    }

    @Override
    protected String expectedProduct() {
        return "mongo-java-server (MongoDB wire-compatible)";
    }

    @Override
    protected Set<Class<? extends Capability>> expectedCapabilities() {
        return Set.of(
                DatasetModel.class,
                KeyValue.class,
                ServerResources.class,
                Analytics.class,
                TextSearch.class,
                Graph.class,
                Sink.class);
    }

    @Override
    protected URI deadUri() {
        return URI.create("mongodb://dbx:secret@127.0.0.1:" + Ports.freeRange(1) + "/dbx");
    }

    @Override
    protected Entity changeOneValue() {
        long matched = withDatabase(db -> db.getCollection("suppliers")
                .updateOne(Filters.eq("_id", 1L), Updates.set("s_comment", "changed behind dbx's back"))
                .getModifiedCount());
        return requireOne(matched, TpchSchema.SUPPLIER);
    }

    @Override
    protected Entity deleteOneRow() {
        long deleted = withDatabase(db ->
                db.getCollection("customers").deleteOne(Filters.eq("_id", 1L)).getDeletedCount());
        return requireOne(deleted, TpchSchema.CUSTOMER);
    }

    @Override
    protected Entity duplicateOneRow() {
        long modified = withDatabase(db -> {
            Document order =
                    db.getCollection("orders").find(Filters.eq("_id", 1L)).first();
            Document item = order.getList("lineitems", Document.class).get(0);
            return db.getCollection("orders")
                    .updateOne(Filters.eq("_id", 1L), Updates.push("lineitems", item))
                    .getModifiedCount();
        });
        return requireOne(modified, TpchSchema.LINEITEM);
    }

    private <T> T withDatabase(Function<MongoDatabase, T> action) {
        try (MongoClient client = MongoClients.create(uri().toString())) {
            return action.apply(client.getDatabase(new ConnectionString(uri().toString()).getDatabase()));
        }
    }

    private static Entity requireOne(long changed, Entity entity) {
        if (changed != 1) {
            throw new AssertionError("the tampering of " + entity.name() + " changed " + changed + " documents");
        }
        return entity;
    }
}
