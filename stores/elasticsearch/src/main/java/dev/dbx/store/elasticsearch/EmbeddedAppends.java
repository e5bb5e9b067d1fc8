package dev.dbx.store.elasticsearch;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends rows of an embedded entity (TPC-H line items) to the arrays of their EXISTING parent documents: what a load
 * of the embedded entity without its parent means ({@code dbx import --entity lineitem}). The rows may come in any
 * order, so each bounded batch is grouped by parent, and each parent gets one {@code _bulk} update whose Painless
 * script adds the group (an item replacing the one with its key), encoded by {@link DocumentCodec#writeEmbedded} exactly as a full load encodes items. No
 * upsert: a missing parent is a refused bulk item ({@code document_missing_exception}), which fails the load naming
 * its key, so no row is dropped silently.
 */
final class EmbeddedAppends {
    /** Rows grouped at a time: memory stays bounded whatever the source's size. */
    static final int BATCH = 5_000;

    /**
     * Adds each item the document does not hold yet, replacing an item with its key (a line item with its line number:
     * a changed row is never held twice). Skipping an item already there, equal field for field, makes a resent body
     * harmless: the bulk writer resends a whole body after a 502/503/504, which the server may have applied. Painless
     * exists on every Elasticsearch 7-9 and OpenSearch 1-3; the text never changes (the field, key and items are
     * parameters), so the server compiles it once and caches it, well within its script compilation limits.
     */
    static final String SCRIPT = "def items = ctx._source[params.field];"
            + " if (items == null) { items = new ArrayList(); ctx._source[params.field] = items; }"
            + " int added = 0;"
            + " for (def item : params.items) { if (!items.contains(item)) {"
            + " String k = String.valueOf(item[params.key]);"
            + " items.removeIf(i -> String.valueOf(i[params.key]) == k); items.add(item); added++; } }"
            + " if (added == 0) { ctx.op = 'noop'; }";

    private final Entity child;
    private final Entity parent;
    private final IndexLayout.Embedding embedding;
    private final int childKey;
    private final String itemKey;
    private final int parentKey;
    private final BulkWriter writer;

    EmbeddedAppends(Dataset dataset, Entity child, IndexLayout.Embedding embedding, BulkWriter writer) {
        this.child = child;
        this.parent = dataset.entity(embedding.parent());
        this.embedding = embedding;
        this.childKey = child.indexOf(embedding.childKey());
        // the key of an item within its parent: TPC-H's line items have one (l_linenumber)
        this.itemKey = child.primaryKey().stream()
                .filter(c -> !c.equals(embedding.childKey()))
                .findFirst()
                .orElseThrow();
        this.parentKey = parent.indexOf(embedding.parentKey());
        this.writer = writer;
    }

    void append(RowStream rows) {
        Map<String, List<Object[]>> groups = new LinkedHashMap<>();
        int batched = 0;
        while (rows.hasNext()) {
            Object[] row = rows.next();
            groups.computeIfAbsent(parentId(row), id -> new ArrayList<>(4)).add(row);
            if (++batched == BATCH) {
                write(groups);
                groups.clear();
                batched = 0;
            }
        }
        write(groups);
    }

    private void write(Map<String, List<Object[]>> groups) {
        for (Map.Entry<String, List<Object[]>> group : groups.entrySet()) {
            List<Object[]> items = group.getValue();
            writer.update(group.getKey(), g -> {
                g.writeObjectFieldStart("script");
                g.writeStringField("lang", "painless");
                g.writeStringField("source", SCRIPT);
                g.writeObjectFieldStart("params");
                g.writeStringField("field", embedding.path());
                g.writeStringField("key", itemKey);
                g.writeArrayFieldStart("items");
                for (Object[] item : items) {
                    DocumentCodec.writeEmbedded(g, child, item, embedding);
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndObject();
            });
        }
    }

    /** The id of the parent document {@code row} belongs to, made as a full load makes it. */
    private String parentId(Object[] row) {
        Object key = row[childKey];
        if (key == null) {
            throw new DbxException(
                    "a " + child.name() + " row has no " + embedding.childKey(),
                    "each " + child.name() + " row is stored in its " + parent.name() + " document, so it needs"
                            + " that document's key");
        }
        Object[] parentRow = new Object[parent.columns().size()];
        parentRow[parentKey] = key;
        return DocumentCodec.id(parent, parentRow);
    }
}
