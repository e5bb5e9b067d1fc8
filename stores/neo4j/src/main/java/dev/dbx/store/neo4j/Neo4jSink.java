package dev.dbx.store.neo4j;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.Sink;
import dev.dbx.core.dataset.Canonical;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.sync.Change;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies changes to the graph, one write transaction per batch, each statement kept as a resource file
 * ({@code schema/<dataset>/sink/}) and given its rows as one list parameter: per entity one UNWIND of the upserts, which
 * MERGE on the unique keys and re-point a relationship whose foreign key changed (a customer moving nation loses its old
 * IN), and one UNWIND of the deletes. A row that references a row not there yet links to a placeholder of it (a node of
 * that label with only its key, labelled {@link GraphMapping#PLACEHOLDER}), which the row becomes when it arrives; a
 * deleted row that is still referenced becomes such a placeholder, so what references it keeps reading its key back;
 * the transaction's last statement removes placeholders nothing links to.
 *
 * <p>Only the batch's last change of each key is sent: each change is the whole row (or its removal), so the last one
 * is what applying them all in order leaves. Upserts go parents first and deletes children first, the source's order
 * when its foreign keys hold, so placeholders are the exception.
 */
final class Neo4jSink implements Sink {
    static final String METHOD = "one write transaction per batch: per entity an UNWIND $rows of MERGE on the unique"
            + " keys (relationships re-pointed when a foreign key changes) and one of deletes, the batch's last change"
            + " per key; missing or deleted-but-referenced rows as key-only placeholder nodes";

    private final Bolt bolt;
    private final SchemaManager schema;
    private final Set<String> constrained = ConcurrentHashMap.newKeySet();

    Neo4jSink(Bolt bolt) {
        this.bolt = bolt;
        this.schema = new SchemaManager(bolt);
    }

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public void apply(Dataset dataset, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        DatasetGraph graph = DatasetGraph.of(dataset);
        Map<String, Map<List<Object>, Change>> last = new HashMap<>();
        for (Change change : changes) {
            Entity entity = entityOf(dataset, change);
            last.computeIfAbsent(entity.name(), n -> new LinkedHashMap<>()).put(key(entity, change), change);
        }
        List<Bolt.Statement> statements = new ArrayList<>();
        for (Entity entity : dataset.entities()) {
            List<Map<String, Object>> rows = rows(entity, last.get(entity.name()), false);
            if (!rows.isEmpty()) {
                statements.add(new Bolt.Statement(
                        graph.upsertStatement(entity), Map.of("rows", rows), "applying upserts of " + entity.name()));
            }
        }
        for (Entity entity : dataset.entities().reversed()) {
            List<Map<String, Object>> rows = rows(entity, last.get(entity.name()), true);
            if (!rows.isEmpty()) {
                statements.add(new Bolt.Statement(
                        graph.deleteStatement(entity), Map.of("rows", rows), "applying deletes of " + entity.name()));
            }
        }
        graph.placeholderCleanup()
                .ifPresent(cleanup -> statements.add(
                        new Bolt.Statement(cleanup, Map.of(), "removing placeholders nothing links to")));
        ensureKeyConstraints(graph);
        bolt.writeAll(statements, "applying " + changes.size() + " changes to the " + dataset.name() + " graph");
    }

    /**
     * The unique-key constraints every MERGE relies on (an index seek, and no duplicate node when two writers MERGE
     * one key), created if a store was loaded without them; once per dataset and sink.
     */
    private void ensureKeyConstraints(DatasetGraph graph) {
        String name = graph.mapping().dataset().name();
        if (constrained.add(name)) {
            try {
                schema.create(graph);
            } catch (RuntimeException e) {
                constrained.remove(name);
                throw e;
            }
        }
    }

    private static Entity entityOf(Dataset dataset, Change change) {
        Entity entity = dataset.entity(change.entity().name());
        if (!entity.columns().equals(change.entity().columns())) {
            throw new DbxException(
                    "a change of " + entity.name() + " has other columns than dataset " + dataset.name() + "'s "
                            + entity.name(),
                    "apply changes to the dataset their rows come from");
        }
        return entity;
    }

    /** The change's key as canonical values, so that 7 and 7L are one key. */
    private static List<Object> key(Entity entity, Change change) {
        List<Object> key = new ArrayList<>();
        for (int i : entity.primaryKeyIndexes()) {
            key.add(Canonical.value(entity.columns().get(i), change.row()[i]));
        }
        return key;
    }

    /** The rows of the deletes (or of the upserts) among {@code changes}, as the statements read them. */
    private static List<Map<String, Object>> rows(Entity entity, Map<List<Object>, Change> changes, boolean deletes) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (changes == null) {
            return rows;
        }
        List<Column> columns = entity.columns();
        List<String> names = entity.columnNames();
        List<String> references = entity.foreignKeys().stream()
                .flatMap(reference -> reference.columns().stream())
                .distinct()
                .toList();
        for (Change change : changes.values()) {
            if (change.isDelete() == deletes) {
                Object[] row = new Object[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = Canonical.value(columns.get(i), change.row()[i]);
                }
                for (String reference : references) {
                    if (!deletes && row[entity.indexOf(reference)] == null) {
                        throw new DbxException(
                                "a change of " + entity.name() + " " + change.key() + " has no " + reference,
                                "the graph keeps a foreign key as a relationship to the row it names, so it needs a"
                                        + " value; nothing of the batch was applied");
                    }
                }
                rows.add(PropertyValues.row(names, row));
            }
        }
        return rows;
    }
}
