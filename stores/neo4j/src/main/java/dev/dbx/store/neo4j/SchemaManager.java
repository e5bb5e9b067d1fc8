package dev.dbx.store.neo4j;

import dev.dbx.core.DbxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;

/**
 * Creates and drops a dataset's constraints and indexes. Every statement is idempotent ({@code IF NOT EXISTS},
 * {@code IF EXISTS}), so each step is harmless to repeat. Neo4j builds an index in the background after its CREATE
 * returns: the manager waits until every one is ONLINE, so a load's index time is the real one and the first query
 * finds its index.
 */
final class SchemaManager {
    private static final String SHOW_STATES =
            "SHOW INDEXES YIELD name, state, populationPercent WHERE name IN $names RETURN name, state, populationPercent";
    private static final Duration POLL = Duration.ofMillis(250);

    private final Bolt bolt;

    SchemaManager(Bolt bolt) {
        this.bolt = bolt;
    }

    /** The constraints the load relies on (MATCH by key), in place before it. */
    void create(DatasetGraph graph) {
        run(
                graph.constraintStatements(),
                "creating the " + graph.mapping().dataset().name() + " constraints");
        awaitOnline(names(graph, true));
    }

    /** The secondary and full-text indexes, built after the load, waited for until they are online. */
    void index(DatasetGraph graph) {
        run(graph.indexStatements(), "indexing the " + graph.mapping().dataset().name() + " dataset");
        awaitOnline(names(graph, false));
    }

    void drop(DatasetGraph graph) {
        List<String> drops = graph.schemaObjects().reversed().stream()
                .map(DatasetGraph.SchemaObject::dropStatement)
                .toList();
        run(drops, "dropping the " + graph.mapping().dataset().name() + " constraints and indexes");
    }

    private void run(List<String> statements, String doing) {
        for (String statement : statements) {
            // a bulk bound: dropping a populated full-text index, or creating a constraint over existing data, takes
            // time
            bolt.autoCommit(statement, Map.of(), bolt.bulkTimeout(), doing);
        }
    }

    /**
     * Waits until the named indexes are online. Populating a full-text index over millions of relationships takes
     * minutes, so there is no overall limit: only a population that makes no progress for a bulk timeout fails.
     */
    void awaitOnline(List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        String doing = "waiting for indexes " + String.join(", ", names);
        double progress = -1;
        long lastProgress = System.nanoTime();
        while (true) {
            List<Record> states = bolt.autoCommit(SHOW_STATES, Map.of("names", names), bolt.timeout(), doing);
            double total = 0;
            boolean allOnline = true;
            for (Record r : states) {
                String state = r.get("state").asString();
                if (state.equals("FAILED")) {
                    throw new DbxException(
                            "index " + r.get("name").asString() + " failed to populate on "
                                    + bolt.target().where(),
                            "the server's debug.log says why; drop the dataset and load it again");
                }
                allOnline &= state.equals("ONLINE");
                total += r.get("populationPercent").isNull()
                        ? 0
                        : r.get("populationPercent").asDouble();
            }
            if (allOnline) {
                return;
            }
            if (total > progress) {
                progress = total;
                lastProgress = System.nanoTime();
            } else if (Duration.ofNanos(System.nanoTime() - lastProgress).compareTo(bolt.bulkTimeout()) > 0) {
                throw Neo4jErrors.noAnswer(bolt.target(), doing + " (no progress)", bolt.bulkTimeout());
            }
            sleep(doing);
        }
    }

    private static List<String> names(DatasetGraph graph, boolean constraints) {
        return graph.schemaObjects().stream()
                .filter(o -> o.constraint() == constraints)
                .map(DatasetGraph.SchemaObject::name)
                .toList();
    }

    private void sleep(String doing) {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            throw Neo4jErrors.interrupted(bolt.target(), doing);
        }
    }
}
