package dev.dbx.store.mongo;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Canonical;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.Entity;
import java.util.List;
import org.bson.Document;

/**
 * How one entity's rows become documents and back. Either top level (a collection whose {@code _id} is the entity's
 * key, with references stored as copied sub-documents) or embedded (an array of sub-documents in a parent document,
 * without the redundant parent key).
 */
final class EntityMapping {
    private final Entity entity;
    private final String collection;
    private final int idIndex;
    private final Reference[] references;
    private final String parentEntity;
    private final String array;
    private final int parentKeyIndex;

    private EntityMapping(
            Entity entity,
            String collection,
            int idIndex,
            Reference[] references,
            String parentEntity,
            String array,
            int parentKeyIndex) {
        this.entity = entity;
        this.collection = collection;
        this.idIndex = idIndex;
        this.references = references;
        this.parentEntity = parentEntity;
        this.array = array;
        this.parentKeyIndex = parentKeyIndex;
    }

    static EntityMapping topLevel(Entity entity, String collection, String idColumn, List<Reference> references) {
        if (entity.primaryKey().size() != 1 || !entity.primaryKey().get(0).equals(idColumn)) {
            throw new DbxException("mongo mapping: the _id of " + entity.name() + " must be its single-column key");
        }
        Reference[] byColumn = new Reference[entity.columns().size()];
        for (Reference r : references) {
            byColumn[entity.indexOf(r.column())] = r;
        }
        return new EntityMapping(entity, collection, entity.indexOf(idColumn), byColumn, null, null, -1);
    }

    static EntityMapping embedded(Entity entity, String parentEntity, String array, String parentKeyColumn) {
        return new EntityMapping(
                entity,
                null,
                -1,
                new Reference[entity.columns().size()],
                parentEntity,
                array,
                entity.indexOf(parentKeyColumn));
    }

    Entity entity() {
        return entity;
    }

    boolean embedded() {
        return parentEntity != null;
    }

    /** The collection (top level only). */
    String collection() {
        return collection;
    }

    /** The parent entity's name (embedded only). */
    String parentEntity() {
        return parentEntity;
    }

    /** The parent document's array field (embedded only). */
    String array() {
        return array;
    }

    /** The key that places a row: its {@code _id} (top level) or its parent's {@code _id} (embedded). */
    Object placementKey(Object[] row) {
        int i = embedded() ? parentKeyIndex : idIndex;
        return Canonical.value(entity.columns().get(i), row[i]);
    }

    /** The name of the column {@link #placementKey} reads. */
    String placementColumn() {
        return entity.columns().get(embedded() ? parentKeyIndex : idIndex).name();
    }

    /** The references this top-level entity copies in (none for an embedded one). */
    List<Reference> references() {
        return java.util.Arrays.stream(references).filter(r -> r != null).toList();
    }

    /** The {@code _id} of a top-level row's document, as stored. */
    Object id(Object[] row) {
        return BsonValues.toBson(entity.columns().get(idIndex), row[idIndex]);
    }

    /** The fields a top-level row's document holds besides {@code _id} (a reference's column is its copy's field). */
    List<String> fields() {
        List<String> fields = new java.util.ArrayList<>();
        for (int i = 0; i < references.length; i++) {
            if (i != idIndex) {
                fields.add(references[i] == null ? entity.columns().get(i).name() : references[i].field());
            }
        }
        return fields;
    }

    /** The column naming an embedded row within its parent (a line item's l_linenumber). */
    String elementKeyColumn() {
        for (int i : entity.primaryKeyIndexes()) {
            if (i != parentKeyIndex) {
                return entity.columns().get(i).name();
            }
        }
        throw new DbxException("mongo mapping: " + entity.name() + " has no key column besides its parent's");
    }

    /**
     * What picks an embedded row's element out of its parent's array: its key columns other than the parent key,
     * e.g. {@code {l_linenumber: 3}} (a {@code $pull} condition).
     */
    Document elementKey(Object[] row) {
        Document key = new Document();
        for (int i : entity.primaryKeyIndexes()) {
            if (i != parentKeyIndex) {
                key.append(
                        entity.columns().get(i).name(),
                        BsonValues.toBson(entity.columns().get(i), row[i]));
            }
        }
        return key;
    }

    /** A top-level row as its document, references filled in from {@code copies}. */
    Document toDocument(Object[] row, ReferenceCopies copies) {
        List<Column> columns = entity.columns();
        Document doc = new Document("_id", BsonValues.toBson(columns.get(idIndex), row[idIndex]));
        for (int i = 0; i < row.length; i++) {
            if (i == idIndex) {
                continue;
            }
            Object value = BsonValues.toBson(columns.get(i), row[i]);
            Reference ref = references[i];
            if (ref == null) {
                doc.append(columns.get(i).name(), value);
            } else {
                doc.append(ref.field(), value == null ? null : copies.copyOf(ref, value));
            }
        }
        return doc;
    }

    /** The {@code _id} of the parent document an embedded row belongs in, as the parent stores it. */
    Object parentId(Object[] row) {
        return BsonValues.toBson(entity.columns().get(parentKeyIndex), row[parentKeyIndex]);
    }

    /** An embedded row as its array element (without the parent key). */
    Document toElement(Object[] row) {
        List<Column> columns = entity.columns();
        Document element = new Document();
        for (int i = 0; i < row.length; i++) {
            if (i != parentKeyIndex) {
                element.append(columns.get(i).name(), BsonValues.toBson(columns.get(i), row[i]));
            }
        }
        return element;
    }

    /** A top-level document back as its canonical row. */
    Object[] fromDocument(Document doc) {
        List<Column> columns = entity.columns();
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
            Column column = columns.get(i);
            Object raw;
            if (i == idIndex) {
                raw = doc.get("_id");
            } else if (references[i] != null) {
                raw = doc.get(references[i].field()) instanceof Document copy
                        ? copy.get(references[i].keyField())
                        : null;
            } else {
                raw = doc.get(column.name());
            }
            row[i] = BsonValues.fromBson(column, raw);
        }
        return row;
    }

    /** An array element back as its canonical row, the parent key taken from the parent's {@code _id}. */
    Object[] fromElement(Object parentId, Document element) {
        List<Column> columns = entity.columns();
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
            Column column = columns.get(i);
            row[i] = BsonValues.fromBson(column, i == parentKeyIndex ? parentId : element.get(column.name()));
        }
        return row;
    }
}
