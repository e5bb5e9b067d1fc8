package dev.dbx.store.neo4j;

import dev.dbx.core.dataset.Canonical;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowSink;
import java.util.List;
import java.util.Map;

/**
 * Reads the graph back as the dataset's rows: each entity's scan statement rebuilds its rows (key columns from the
 * relationships' endpoints included) and every value is made canonical; placeholders (see
 * {@link GraphMapping#PLACEHOLDER}) are no rows. Counts come from Neo4j's count store (a label's nodes or a type's
 * relationships, without reading them).
 */
final class GraphScanner {
    private final Bolt bolt;

    GraphScanner(Bolt bolt) {
        this.bolt = bolt;
    }

    void scan(DatasetGraph graph, Entity entity, RowSink sink) {
        List<Column> columns = entity.columns();
        int n = columns.size();
        bolt.stream(graph.scanStatement(entity), Map.of(), entity.columnNames(), "scanning " + entity.name(), r -> {
            Object[] row = new Object[n];
            for (int i = 0; i < n; i++) {
                row[i] = Canonical.value(columns.get(i), PropertyValues.fromProperty(r.get(i)));
            }
            sink.accept(row);
        });
    }

    long count(GraphMapping.Element element) {
        return bolt.read(
                        countStatement(element),
                        Map.of(),
                        "counting " + element.entity().name())
                .get(0)
                .get("n")
                .asLong();
    }

    /**
     * Counts the element's rows as {@code n}. A relationship type's count comes from the count store; a label's too,
     * less its placeholders (found through the Placeholder label, not by reading every node of the label). The label
     * or type is a checked identifier from graph.properties.
     */
    static String countStatement(GraphMapping.Element element) {
        if (element.kind() == GraphMapping.Kind.RELATIONSHIP) {
            return "MATCH " + element.pattern() + " RETURN count(x) AS n";
        }
        return "CALL () { MATCH " + element.pattern() + " RETURN count(x) AS every }"
                + " CALL () { MATCH (p:" + element.name() + ":" + GraphMapping.PLACEHOLDER
                + ") RETURN count(p) AS placeholders } RETURN every - placeholders AS n";
    }

    /** Whether any node of the dataset's labels exists (its relationships cannot exist without them). */
    boolean anyNode(GraphMapping mapping) {
        for (GraphMapping.Element element : mapping.nodes()) {
            if (count(element) > 0) {
                return true;
            }
        }
        return false;
    }
}
