package dev.dbx.store.neo4j;

import dev.dbx.core.DbxException;
import dev.dbx.core.Identifiers;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Entity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dataset's graph model, all of it read from resource files under {@code schema/<dataset>/}: where each entity lives
 * ({@code graph.properties}), the constraints created before the load ({@code constraints.cypher}), the indexes built
 * after it ({@code indexes.cypher}), and per entity its load statement ({@code load/<entity>.cypher}, one UNWIND over
 * {@code $rows}), its scan statement ({@code scan/<entity>.cypher}, every column aliased to its name, in order) and
 * its key lookup ({@code lookup/<entity>.cypher}, one UNWIND over {@code $keys}, each found by a unique-key index),
 * and the sink's statements ({@code sink/upsert/<entity>.cypher}, {@code sink/delete/<entity>.cypher}, one UNWIND over
 * {@code $rows} each, and {@code sink/placeholders.cypher}).
 */
final class DatasetGraph {
    private static final Map<String, DatasetGraph> CACHE = new ConcurrentHashMap<>();
    private static final Pattern CONSTRAINT = Pattern.compile("(?is)^CREATE\\s+CONSTRAINT\\s+(\\w+)\\b.*");
    private static final Pattern INDEX = Pattern.compile("(?is)^CREATE\\s+(?:\\w+\\s+)?INDEX\\s+(\\w+)\\b.*");

    /** A named constraint or index, as the drop statement needs it. */
    record SchemaObject(boolean constraint, String name) {
        String dropStatement() {
            return "DROP " + (constraint ? "CONSTRAINT " : "INDEX ") + name + " IF EXISTS";
        }
    }

    private final GraphMapping mapping;
    private final List<String> constraints;
    private final List<String> indexes;

    private DatasetGraph(GraphMapping mapping, List<String> constraints, List<String> indexes) {
        this.mapping = mapping;
        this.constraints = constraints;
        this.indexes = indexes;
    }

    static DatasetGraph of(Dataset dataset) {
        return CACHE.computeIfAbsent(dataset.name(), name -> {
            GraphMapping mapping = GraphMapping.load(dataset);
            List<String> constraints = CypherResources.statements(name + "/constraints.cypher");
            if (constraints.isEmpty()) {
                throw new DbxException("the neo4j store has no schema for dataset " + name);
            }
            return new DatasetGraph(mapping, constraints, CypherResources.statements(name + "/indexes.cypher"));
        });
    }

    GraphMapping mapping() {
        return mapping;
    }

    List<String> constraintStatements() {
        return constraints;
    }

    List<String> indexStatements() {
        return indexes;
    }

    String loadStatement(Entity entity) {
        return CypherResources.required(mapping.dataset().name() + "/load/" + entity.name() + ".cypher");
    }

    String scanStatement(Entity entity) {
        return CypherResources.required(mapping.dataset().name() + "/scan/" + entity.name() + ".cypher");
    }

    /**
     * The statement that finds which of {@code $keys} (each a list of the entity's primary key values, in order) exist,
     * returning each one found as {@code k}.
     */
    String lookupStatement(Entity entity) {
        return CypherResources.required(mapping.dataset().name() + "/lookup/" + entity.name() + ".cypher");
    }

    /**
     * The sink's statement making {@code $rows} (each row a map of column name to value) exactly the entity's rows of
     * those keys, linking to a placeholder where a row it references is not there.
     */
    String upsertStatement(Entity entity) {
        return CypherResources.required(mapping.dataset().name() + "/sink/upsert/" + entity.name() + ".cypher");
    }

    /** The sink's statement removing the rows of the keys in {@code $rows} (a row still referenced: its properties). */
    String deleteStatement(Entity entity) {
        return CypherResources.required(mapping.dataset().name() + "/sink/delete/" + entity.name() + ".cypher");
    }

    /** The sink's last statement: removes placeholders nothing links to any more (none for a dataset without links). */
    Optional<String> placeholderCleanup() {
        return CypherResources.text(mapping.dataset().name() + "/sink/placeholders.cypher");
    }

    /** Every constraint and index the dataset creates, by the names its statements give them. */
    List<SchemaObject> schemaObjects() {
        List<SchemaObject> objects = new ArrayList<>();
        for (String statement : constraints) {
            objects.add(schemaObject(statement));
        }
        for (String statement : indexes) {
            objects.add(schemaObject(statement));
        }
        return objects;
    }

    static SchemaObject schemaObject(String statement) {
        Matcher constraint = CONSTRAINT.matcher(statement.strip());
        if (constraint.matches() && isName(constraint.group(1))) {
            return new SchemaObject(true, Identifiers.require("constraint name", constraint.group(1)));
        }
        Matcher index = INDEX.matcher(statement.strip());
        if (index.matches() && isName(index.group(1))) {
            return new SchemaObject(false, Identifiers.require("index name", index.group(1)));
        }
        throw new DbxException("schema statement without a name (so it could not be dropped): " + statement);
    }

    /** In {@code CREATE INDEX IF NOT EXISTS FOR ...} the word after INDEX is no name. */
    private static boolean isName(String word) {
        return !word.equalsIgnoreCase("IF") && !word.equalsIgnoreCase("FOR");
    }
}
