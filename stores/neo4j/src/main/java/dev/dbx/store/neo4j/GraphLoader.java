package dev.dbx.store.neo4j;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.ForeignKey;
import dev.dbx.core.dataset.RowStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.neo4j.driver.async.ResultCursor;
import org.neo4j.driver.summary.ResultSummary;

/**
 * Neo4j's fast path over Bolt: each entity's rows, streamed from the source in batches, go to its UNWIND statement as
 * one list parameter per transaction ({@code UNWIND $rows AS row CREATE ...}), so the plan is cached and a batch is one
 * round trip. One batch is at the server while the next is read from the source (generating TPC-H costs CPU too), never
 * more, so memory stays bounded and batches never contend for the same nodes' locks. Nodes are created before the
 * relationships that link to them (the dataset's order), each link found with MATCH on a key the constraints index.
 */
final class GraphLoader {
    /** Rows per transaction: big enough to amortize the round trip, small enough to keep a transaction's state small. */
    static final int BATCH_ROWS = 5_000;

    /** How rows get in, for reports. */
    static final String METHOD = "UNWIND $rows ... CREATE over Bolt, " + BATCH_ROWS
            + " rows per write transaction, one batch at the server while the next is read; uniqueness constraints"
            + " before, indexes after";

    private final Bolt bolt;

    GraphLoader(Bolt bolt) {
        this.bolt = bolt;
    }

    void load(DatasetGraph graph, DatasetSource source) {
        for (Entity entity : source.entities()) {
            GraphMapping.Element element = graph.mapping().element(entity);
            String statement = graph.loadStatement(entity);
            try (RowStream rows = source.rows(entity)) {
                load(element, statement, rows);
            }
        }
    }

    private void load(GraphMapping.Element element, String statement, RowStream rows) {
        Entity entity = element.entity();
        List<String> names = entity.columnNames();
        CompletionStage<Void> inFlight = CompletableFuture.completedFuture(null);
        List<Map<String, Object>> batch = new ArrayList<>(BATCH_ROWS);
        String doing = "loading " + entity.name();
        try {
            while (rows.hasNext()) {
                batch.add(PropertyValues.row(names, rows.next()));
                if (batch.size() == BATCH_ROWS) {
                    inFlight = send(element, statement, batch, inFlight);
                    batch = new ArrayList<>(BATCH_ROWS);
                }
            }
            if (!batch.isEmpty()) {
                inFlight = send(element, statement, batch, inFlight);
            }
        } catch (RuntimeException e) {
            // the batch at the server must not outlive the load, even when the source failed
            try {
                bolt.await(inFlight, bolt.bulkTimeout(), doing);
            } catch (RuntimeException alsoFailed) {
                if (alsoFailed != e) {
                    e.addSuppressed(alsoFailed);
                }
            }
            throw e;
        }
        bolt.await(inFlight, bolt.bulkTimeout(), doing);
    }

    /** Waits for the batch at the server, then sends {@code batch}. */
    private CompletionStage<Void> send(
            GraphMapping.Element element,
            String statement,
            List<Map<String, Object>> batch,
            CompletionStage<Void> previous) {
        String doing = "loading " + element.entity().name();
        bolt.await(previous, bolt.bulkTimeout(), doing);
        int rows = batch.size();
        return bolt.writeAsync(statement, Map.of("rows", batch), bolt.bulkTimeout(), ResultCursor::consumeAsync)
                .thenAccept(summary -> checkCreated(element, rows, summary));
    }

    /**
     * Every row must have made one node or relationship: a row whose MATCH found no node to link to makes nothing,
     * which Cypher does not count as an error.
     */
    static void checkCreated(GraphMapping.Element element, int rows, ResultSummary summary) {
        int created = element.kind() == GraphMapping.Kind.NODE
                ? summary.counters().nodesCreated()
                : summary.counters().relationshipsCreated();
        if (created != rows) {
            Entity entity = element.entity();
            String referenced = entity.foreignKeys().stream()
                    .map(ForeignKey::entity)
                    .distinct()
                    .collect(Collectors.joining(" or "));
            throw new DbxException(
                    "loading " + entity.name() + ": " + (rows - created) + " of " + rows
                            + " rows of a batch were not created: they reference "
                            + (referenced.isEmpty() ? "nodes" : referenced) + " rows that are not loaded",
                    "load the whole dataset, in order (every entity after the ones it references)");
        }
    }
}
