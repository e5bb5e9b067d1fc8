package dev.dbx.store.mongo;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.bson.Document;

/**
 * Builds the documents of one collection from a source, streaming: each parent row becomes a document, merged with
 * the rows embedded in it (read from their own streams, in step; both sorted by the parent key, as TPC-H's generator
 * gives orders and lineitem, part and partsupp) and with copies of the dimensions it references.
 */
final class DocumentAssembler {
    private final DatasetSource source;
    private final DatasetMapping mapping;
    private final ReferenceCopies copies;
    private final Set<String> provided;

    DocumentAssembler(DatasetSource source, DatasetMapping mapping, ReferenceCopies copies) {
        this.source = source;
        this.mapping = mapping;
        this.copies = copies;
        this.provided = source.entities().stream().map(Entity::name).collect(Collectors.toSet());
    }

    /** The top-level mappings this source fills, in load order. */
    List<EntityMapping> collectionsToLoad() {
        return source.entities().stream()
                .map(mapping::of)
                .filter(m -> !m.embedded())
                .toList();
    }

    /**
     * The embedded entities this source gives without their parents (an import of line items alone): their rows go
     * into parent documents already stored, not through {@link #assemble}.
     */
    List<EntityMapping> entitiesToAppend() {
        return source.entities().stream()
                .map(mapping::of)
                .filter(m -> m.embedded() && !provided.contains(m.parentEntity()))
                .toList();
    }

    /** Hands every document of {@code parent}'s collection to {@code out}, one at a time. */
    void assemble(EntityMapping parent, Consumer<Document> out) {
        List<EmbeddedRows> children = new ArrayList<>();
        try (RowStream rows = source.rows(parent.entity())) {
            for (EntityMapping child : mapping.embeddedIn(parent)) {
                children.add(
                        provided.contains(child.entity().name())
                                ? EmbeddedRows.of(child, source.rows(child.entity()))
                                : EmbeddedRows.none(child));
            }
            boolean merging = children.stream().anyMatch(EmbeddedRows::hasSource);
            Object previous = null;
            while (rows.hasNext()) {
                Object[] row = rows.next();
                Document doc = parent.toDocument(row, copies);
                Object key = merging ? parent.placementKey(row) : null;
                if (merging) {
                    requireAscending(parent, previous, key);
                    previous = key;
                }
                for (EmbeddedRows child : children) {
                    doc.append(child.array(), merging ? child.takeFor(key) : List.of());
                }
                out.accept(doc);
            }
            children.forEach(EmbeddedRows::requireExhausted);
        } finally {
            children.forEach(EmbeddedRows::close);
        }
    }

    private static void requireAscending(EntityMapping parent, Object previous, Object key) {
        if (previous != null && Keys.compare(previous, key) >= 0) {
            throw new DbxException(
                    parent.entity().name() + " rows are not in ascending key order (" + key + " after " + previous
                            + ")",
                    "the mongo model merges " + parent.entity().name()
                            + " with the rows embedded in it, reading both sorted by its key");
        }
    }
}
