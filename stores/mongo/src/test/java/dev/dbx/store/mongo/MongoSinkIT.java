package dev.dbx.store.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.dbx.core.DbxException;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.Sink;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.store.testkit.SinkContractIT;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.bson.Document;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The sink contract against the local engine, mongo-java-server (MongoDB wire-compatible; not MongoDB); and the
 * copies the model keeps of nations and regions (in nations, customers and suppliers), which the contract's scans do
 * not read, checked against the nations and regions collections after the change script moved a customer and
 * renamed and moved a nation and a region.
 */
class MongoSinkIT extends SinkContractIT {
    @Override
    protected String storeId() {
        return "mongo";
    }

    @Test
    @Order(4)
    void everyCopyOfANationOrRegionIsWhatTheChangesLeft() {
        assertThat(withDatabase(MongoSinkIT::staleCopies))
                .as("documents whose nation or region copy differs from the nations and regions collections")
                .isEmpty();
        // the script renamed nation 0: its customers carry the new name
        long carrying = withDatabase(db -> {
            String name = db.getCollection("nations")
                    .find(Filters.eq("_id", 0L))
                    .first()
                    .getString("n_name");
            return db.getCollection("customers").countDocuments(Filters.eq("nation.n_name", name));
        });
        assertThat(carrying).isPositive();
    }

    @Test
    @Order(5)
    void aStaleCopyIsFound() {
        List<String> stale = withDatabase(db -> {
            db.getCollection("customers").updateOne(Filters.eq("_id", 2L), Updates.set("nation.n_name", "STALE"));
            return staleCopies(db);
        });
        assertThat(stale).containsExactly("customers 2");
    }

    @Test
    @Order(6)
    void changesToADatasetWithoutItsCollectionsAreRefused() {
        store().require(DatasetModel.class).drop(TpchSchema.DATASET);
        assertThatThrownBy(() -> store().require(Sink.class).apply(TpchSchema.DATASET, script().first()))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("collection the changes go to is missing");
        List<String> collections = withDatabase(db -> db.listCollectionNames().into(new ArrayList<>()));
        assertThat(collections).as("nothing made without its validator").doesNotContain("regions", "orders");
    }

    /** The documents whose copy of a nation or region is not the referenced document's fields. */
    private static List<String> staleCopies(MongoDatabase db) {
        Map<Object, Document> regions = byId(db, "regions");
        Map<Object, Document> nations = byId(db, "nations");
        List<String> stale = new ArrayList<>();
        nations.values().forEach(n -> check("nations", n, "region", "r_regionkey", regions, List.of("r_name"), stale));
        for (String collection : List.of("customers", "suppliers")) {
            for (Document doc : db.getCollection(collection).find()) {
                check(collection, doc, "nation", "n_nationkey", nations, List.of("n_name", "region"), stale);
            }
        }
        return stale;
    }

    private static void check(
            String collection,
            Document doc,
            String field,
            String key,
            Map<Object, Document> referenced,
            List<String> copied,
            List<String> stale) {
        Document copy = doc.get(field, Document.class);
        Document expected = new Document(key, copy.get(key));
        Document source = referenced.get(copy.get(key));
        if (source != null) {
            copied.stream().filter(source::containsKey).forEach(f -> expected.append(f, source.get(f)));
        }
        if (!Objects.equals(expected, copy)) {
            stale.add(collection + " " + doc.get("_id"));
        }
    }

    private static Map<Object, Document> byId(MongoDatabase db, String collection) {
        Map<Object, Document> out = new HashMap<>();
        db.getCollection(collection).find().forEach(d -> out.put(d.get("_id"), d));
        return out;
    }

    private <T> T withDatabase(Function<MongoDatabase, T> action) {
        try (MongoClient client = MongoClients.create(uri().toString())) {
            return action.apply(client.getDatabase(new ConnectionString(uri().toString()).getDatabase()));
        }
    }
}
