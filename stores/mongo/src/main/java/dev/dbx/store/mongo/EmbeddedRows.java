package dev.dbx.store.mongo;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.RowStream;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * One side of the streaming merge that embeds rows in their parents: the embedded entity's rows, read alongside the
 * parents' rows, both sorted by the parent key (TPC-H's generator gives lineitem and partsupp that way). Only one
 * parent's elements are held at a time.
 */
final class EmbeddedRows implements AutoCloseable {
    private final EntityMapping mapping;
    private final RowStream rows;
    private final String parentEntity;
    private final boolean hasSource;
    private Object[] next;

    private EmbeddedRows(EntityMapping mapping, RowStream rows, boolean hasSource) {
        this.mapping = mapping;
        this.rows = rows;
        this.parentEntity = mapping.parentEntity();
        this.hasSource = hasSource;
    }

    /** Reads {@code rows} of {@code mapping}'s entity. */
    static EmbeddedRows of(EntityMapping mapping, RowStream rows) {
        return new EmbeddedRows(mapping, rows, true);
    }

    /** For an embedded entity the source does not provide: every parent gets an empty array. */
    static EmbeddedRows none(EntityMapping mapping) {
        return new EmbeddedRows(mapping, RowStream.of(java.util.Collections.emptyIterator()), false);
    }

    /** Whether rows come from the source (else every parent gets an empty array and order does not matter). */
    boolean hasSource() {
        return hasSource;
    }

    String array() {
        return mapping.array();
    }

    /** The elements of the parent with key {@code parentKey}: the rows up to the next parent's key. */
    List<Document> takeFor(Object parentKey) {
        List<Document> elements = new ArrayList<>();
        while (peek()) {
            Object key = mapping.placementKey(next);
            int order = Keys.compare(key, parentKey);
            if (order > 0) {
                break;
            }
            if (order < 0) {
                throw orphan(key);
            }
            elements.add(mapping.toElement(next));
            next = null;
        }
        return elements;
    }

    /** After the last parent: any row left has no parent. */
    void requireExhausted() {
        if (peek()) {
            throw orphan(mapping.placementKey(next));
        }
    }

    private boolean peek() {
        if (next == null && rows.hasNext()) {
            next = rows.next();
        }
        return next != null;
    }

    private DbxException orphan(Object key) {
        return new DbxException(
                mapping.entity().name() + " row with " + mapping.placementColumn() + " = " + key + " has no "
                        + parentEntity + " row at that place",
                "the mongo model embeds " + mapping.entity().name() + " in " + parentEntity
                        + " documents: it reads both sorted by that key, and every row needs its parent");
    }

    @Override
    public void close() {
        rows.close();
    }
}
