package dev.dbx.store.mongo;

import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.RowStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Adds rows of an embedded entity to parent documents already stored, for a source that gives them without their
 * parents ({@code dbx import --entity lineitem}). The rows may come in any order: they go in batches, grouped by parent
 * within a batch, per parent a {@code $pull} of the elements with the rows' keys (line numbers: a retried or changed
 * row replaces its element, never doubles it) then one {@code $push: {array: {$each: [...]}}}, in an ordered
 * {@code bulkWrite} (a parent met in several batches is simply updated once per batch). Elements are built as a full
 * load builds them ({@link EntityMapping#toElement}), so an appended row reads back like a loaded one.
 *
 * <p>Every row needs its parent: {@link #requireParents} looks all parent keys up before anything is written and
 * refuses the load naming the missing ones; each write still checks that every parent matched, should one vanish in
 * between. Memory stays bounded: one batch being built, one being written.
 */
final class EmbeddedAppender {
    /** Rows per bulkWrite and parent keys per lookup: a line item element is ~250 bytes, a batch ~250 KB. */
    static final int BATCH_SIZE = 1_000;
    /** Missing parent keys an error names: enough to find the bad rows, short enough to read. */
    private static final int NAMED = 10;

    /** A parent's $pull must come before its $push. */
    private static final BulkWriteOptions ORDERED = new BulkWriteOptions().ordered(true);

    private final MongoCollection<Document> parents;
    private final EntityMapping child;
    private final Function<MongoException, RuntimeException> errors;

    /**
     * @param parents the collection of the parent documents
     * @param child the embedded entity's mapping
     * @param errors turns a driver error while writing into dbx's
     */
    EmbeddedAppender(
            MongoCollection<Document> parents, EntityMapping child, Function<MongoException, RuntimeException> errors) {
        this.parents = parents;
        this.child = child;
        this.errors = errors;
    }

    /** One row ready to go: the {@code _id} of its parent document and its array element. */
    record Placed(Object parentId, Document element) {}

    /** Reads the rows once and refuses them, naming the missing keys, unless every row's parent document exists. */
    void requireParents(DatasetSource source) {
        Map<Object, Long> rowsByParent = new LinkedHashMap<>();
        Set<Object> named = new LinkedHashSet<>();
        boolean more = false;
        long orphans = 0;
        long inBatch = 0;
        try (RowStream rows = source.rows(child.entity())) {
            while (rows.hasNext()) {
                rowsByParent.merge(child.parentId(rows.next()), 1L, Long::sum);
                if (++inBatch >= BATCH_SIZE || !rows.hasNext()) {
                    for (Object id : absent(rowsByParent.keySet())) {
                        orphans += rowsByParent.get(id);
                        if (named.size() < NAMED) {
                            named.add(id);
                        } else {
                            more |= !named.contains(id);
                        }
                    }
                    rowsByParent.clear();
                    inBatch = 0;
                }
            }
        }
        if (orphans > 0) {
            throw new DbxException(
                    orphans + " " + child.entity().name() + " row(s) have no " + child.parentEntity()
                            + " document to go into (" + keys(named, more) + "); none was loaded",
                    "the mongo model keeps " + child.entity().name() + " inside " + child.parentEntity()
                            + " documents: load those " + child.parentEntity() + " first");
        }
    }

    /** Appends every row of the source to its parent document. */
    void append(DatasetSource source) {
        try (RowStream rows = source.rows(child.entity());
                BatchWriter<Placed> out =
                        new BatchWriter<>(parents.getNamespace().getFullName(), BATCH_SIZE, this::write, errors)) {
            while (rows.hasNext()) {
                Object[] row = rows.next();
                out.add(new Placed(child.parentId(row), child.toElement(row)));
            }
            out.finish();
        }
    }

    /** The batch's elements by parent, parents and elements in the order they came. */
    static Map<Object, List<Document>> byParent(List<Placed> batch) {
        Map<Object, List<Document>> byParent = new LinkedHashMap<>();
        for (Placed p : batch) {
            byParent.computeIfAbsent(p.parentId(), k -> new ArrayList<>()).add(p.element());
        }
        return byParent;
    }

    private void write(List<Placed> batch) {
        Map<Object, List<Document>> byParent = byParent(batch);
        List<UpdateOneModel<Document>> updates = new ArrayList<>(2 * byParent.size());
        String key = child.elementKeyColumn();
        byParent.forEach((id, elements) -> {
            // an element with the same key (line number) is replaced, never held twice (a retried or changed row)
            List<Object> keys = elements.stream().map(e -> e.get(key)).toList();
            Bson same = new Document(key, new Document("$in", keys));
            updates.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.pull(child.array(), same)));
            updates.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.pushEach(child.array(), elements)));
        });
        BulkWriteResult result = parents.bulkWrite(updates, ORDERED);
        if (result.getMatchedCount() < updates.size()) {
            List<Object> gone = absent(byParent.keySet());
            throw new DbxException(
                    child.parentEntity() + " documents vanished while "
                            + child.entity().name()
                            + " rows were added to them ("
                            + keys(gone.subList(0, Math.min(NAMED, gone.size())), gone.size() > NAMED)
                            + "): their rows were not added, the other rows up to there were",
                    "was something deleting " + child.parentEntity() + " meanwhile? load those " + child.parentEntity()
                            + " again, then add their " + child.entity().name() + " rows");
        }
    }

    /** The parent ids among {@code ids} that have no document (one lookup by {@code _id}). */
    private List<Object> absent(Collection<Object> ids) {
        List<Object> wanted = ids.stream().filter(Objects::nonNull).toList();
        Set<Object> found = wanted.isEmpty()
                ? new HashSet<>()
                : parents.find(Filters.in("_id", wanted))
                        .projection(Projections.include("_id"))
                        .map(d -> d.get("_id"))
                        .into(new HashSet<>());
        return ids.stream().filter(id -> !found.contains(id)).toList();
    }

    private String keys(Collection<Object> ids, boolean more) {
        return child.placementColumn() + " = "
                + ids.stream().map(String::valueOf).collect(Collectors.joining(", ")) + (more ? ", ..." : "");
    }
}
