package dev.dbx.store.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateManyModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import dev.dbx.core.DbxException;
import dev.dbx.core.capability.Sink;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.sync.Change;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * Applies a batch of changes to the document model: one ordered {@code bulkWrite} per collection the batch touches,
 * collections in the mapping's order (regions, nations, then what copies them), each change turned into writes by
 * {@link ChangeWrites}. After a dimension's documents change, the copies other collections keep of them are rewritten
 * in that collection's same bulkWrite ({@code updateMany} by the copied key, the copy read back from the store after
 * its own write): a region's change reaches its nations, and through them the customers and suppliers of those
 * nations. Every write is keyed and idempotent, so a batch applied twice leaves what applying it once did.
 */
final class MongoSink implements Sink {
    static final String METHOD = "one ordered bulkWrite per collection touched, dimensions first: replaceOne/updateOne"
            + " upserts and deleteOne by _id; line items and offers $pull by their key then $push into their parent"
            + " (upserted: a line item may come before its order); copies of a changed nation or region rewritten by"
            + " updateMany where they are embedded; acknowledged by the client's write concern";

    private static final BulkWriteOptions ORDERED = new BulkWriteOptions().ordered(true);

    private final MongoDatabase database;
    private final MongoCalls calls;

    MongoSink(MongoDatabase database, MongoCalls calls) {
        this.database = database;
        this.calls = calls;
    }

    @Override
    public void apply(Dataset dataset, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        DatasetMapping mapping = DatasetMapping.of(dataset);
        Map<String, List<Change>> byHome = new HashMap<>();
        for (Change change : changes) {
            EntityMapping home = mapping.home(mapping.of(change.entity()));
            byHome.computeIfAbsent(home.entity().name(), n -> new ArrayList<>()).add(change);
        }
        requireCollections(mapping, byHome.keySet());
        // read lazily, after the collection copied from has had its own writes (it comes earlier in the mapping)
        ReferenceCopies copies = ReferenceCopies.from(database, mapping);
        Map<String, Set<Object>> changedIds = new HashMap<>();
        for (EntityMapping home : mapping.topLevel()) {
            String doing = "applying changes to " + home.collection();
            Set<Object> changed = calls.call(
                    doing,
                    () -> write(
                            mapping, home, byHome.getOrDefault(home.entity().name(), List.of()), copies, changedIds));
            changedIds.put(home.entity().name(), changed);
        }
    }

    /** Refuses the batch when a collection it writes is missing: an upsert would make it without its validator. */
    private void requireCollections(DatasetMapping mapping, Set<String> entities) {
        Set<String> existing = calls.call(
                "listing collections", () -> database.listCollectionNames().into(new HashSet<>()));
        for (String entity : entities) {
            String collection = mapping.of(mapping.dataset().entity(entity)).collection();
            if (!existing.contains(collection)) {
                throw new DbxException(
                        "the " + collection + " collection the changes go to is missing in database "
                                + database.getName(),
                        "create the " + mapping.dataset().name() + " schema first (dbx load, or a full sync)");
            }
        }
    }

    @Override
    public String method() {
        return METHOD;
    }

    /** Writes one collection's changes and copies; the ids of its documents that changed (for copies of them). */
    private Set<Object> write(
            DatasetMapping mapping,
            EntityMapping home,
            List<Change> changes,
            ReferenceCopies copies,
            Map<String, Set<Object>> changedIds) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        Set<Object> changed = new LinkedHashSet<>();
        for (Change change : changes) {
            EntityMapping m = mapping.of(change.entity());
            writes.addAll(ChangeWrites.of(m, mapping.embeddedIn(home), change, copies));
            if (!m.embedded()) {
                changed.add(m.id(change.row()));
            }
        }
        List<Reference> followed = new ArrayList<>();
        for (Reference ref : home.references()) {
            Set<Object> keys = changedIds.getOrDefault(ref.entity(), Set.of());
            for (Object key : keys) {
                writes.add(new UpdateManyModel<>(
                        Filters.eq(ref.keyPath(), key), Updates.set(ref.field(), copies.copyOf(ref, key))));
            }
            if (!keys.isEmpty()) {
                followed.add(ref);
            }
        }
        if (writes.isEmpty()) {
            return changed;
        }
        MongoCollection<Document> collection = database.getCollection(home.collection());
        collection.bulkWrite(writes, ORDERED);
        if (mapping.isCopied(home)) {
            // documents whose copies changed changed too, for the collections copying them in turn
            for (Reference ref : followed) {
                collection
                        .find(Filters.in(ref.keyPath(), changedIds.get(ref.entity())))
                        .projection(Projections.include("_id"))
                        .forEach(doc -> changed.add(doc.get("_id")));
            }
        }
        return changed;
    }
}
