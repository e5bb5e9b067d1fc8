package dev.dbx.store.neo4j;

import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.async.ResultCursor;

/**
 * Deletes a dataset's nodes and relationships in batches, each its own transaction: one transaction deleting millions
 * of elements would need its whole state in the server's memory. Relationships of the dataset's own types go first
 * (so no batch of nodes drags an unbounded number of relationships along), then the nodes with whatever still links
 * them (the IN and PLACED relationships).
 */
final class GraphCleaner {
    static final int BATCH = 10_000;

    private final Bolt bolt;

    GraphCleaner(Bolt bolt) {
        this.bolt = bolt;
    }

    void deleteAll(GraphMapping mapping) {
        for (GraphMapping.Element element : mapping.relationships().reversed()) {
            deleteInBatches(element, "DELETE x");
        }
        for (GraphMapping.Element element : mapping.nodes().reversed()) {
            deleteInBatches(element, "DETACH DELETE x");
        }
    }

    private void deleteInBatches(GraphMapping.Element element, String delete) {
        // the label or type is a checked identifier from graph.properties; the batch size is a parameter
        String statement = "MATCH " + element.pattern() + " WITH x LIMIT $batch " + delete + " RETURN count(*) AS n";
        String doing = "dropping " + element.entity().name();
        long deleted;
        do {
            List<Record> result = bolt.await(
                    bolt.writeAsync(statement, Map.of("batch", BATCH), bolt.bulkTimeout(), ResultCursor::listAsync),
                    bolt.bulkTimeout(),
                    doing);
            deleted = result.get(0).get("n").asLong();
        } while (deleted == BATCH);
    }
}
