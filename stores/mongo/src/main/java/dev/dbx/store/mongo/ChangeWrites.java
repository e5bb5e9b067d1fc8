package dev.dbx.store.mongo;

import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import dev.dbx.core.sync.Change;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The writes that make one change true in the document model, each keyed and idempotent:
 *
 * <ul>
 *   <li>a document without embedded rows: {@code replaceOne} by {@code _id} (upsert), or {@code deleteOne};
 *   <li>a parent (an order, a part): its own fields {@code $set} by {@code _id} (upsert; an array it does not have yet
 *       starts empty), so its embedded rows stay. A delete {@code $unset}s its fields and deletes the document only
 *       when no embedded row is left: a line item still there is a row of its own until its delete comes;
 *   <li>an embedded row (a line item, an offer): {@code $pull} of the element with its key (its line number) from the
 *       parent's array, then for an upsert {@code $push} of the new element (upsert: a line item may come before its
 *       order, which then finds its document holding only {@code _id} and the array).
 * </ul>
 *
 * A parent document holding only {@code _id} and arrays is no row of the parent's entity ({@link DocumentScanner}
 * skips it).
 */
final class ChangeWrites {
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final ReplaceOptions REPLACE_UPSERT = new ReplaceOptions().upsert(true);

    private ChangeWrites() {}

    /**
     * @param m the changed entity's mapping
     * @param children the entities embedded in the collection the change lands in
     */
    static List<WriteModel<Document>> of(
            EntityMapping m, List<EntityMapping> children, Change change, ReferenceCopies copies) {
        Object[] row = change.row();
        if (m.embedded()) {
            Bson parent = Filters.eq("_id", m.parentId(row));
            WriteModel<Document> pull = new UpdateOneModel<>(parent, Updates.pull(m.array(), m.elementKey(row)));
            if (change.isDelete()) {
                return List.of(pull);
            }
            List<Bson> push = new ArrayList<>();
            push.add(Updates.push(m.array(), m.toElement(row)));
            for (EntityMapping other : children) {
                if (!other.array().equals(m.array())) {
                    push.add(Updates.setOnInsert(other.array(), List.of()));
                }
            }
            return List.of(pull, new UpdateOneModel<>(parent, Updates.combine(push), UPSERT));
        }
        Bson byId = Filters.eq("_id", m.id(row));
        if (children.isEmpty()) {
            return change.isDelete()
                    ? List.of(new DeleteOneModel<>(byId))
                    : List.of(new ReplaceOneModel<>(byId, m.toDocument(row, copies), REPLACE_UPSERT));
        }
        if (change.isDelete()) {
            List<Bson> empty = new ArrayList<>();
            empty.add(byId);
            for (EntityMapping child : children) {
                empty.add(Filters.size(child.array(), 0));
            }
            return List.of(
                    new UpdateOneModel<>(
                            byId,
                            Updates.combine(
                                    m.fields().stream().map(Updates::unset).toList())),
                    new DeleteOneModel<>(Filters.and(empty)));
        }
        Document doc = m.toDocument(row, copies);
        List<Bson> set = new ArrayList<>();
        doc.forEach((field, value) -> {
            if (!field.equals("_id")) {
                set.add(Updates.set(field, value));
            }
        });
        for (EntityMapping child : children) {
            set.add(Updates.setOnInsert(child.array(), List.of()));
        }
        return List.of(new UpdateOneModel<>(byId, Updates.combine(set), UPSERT));
    }
}
