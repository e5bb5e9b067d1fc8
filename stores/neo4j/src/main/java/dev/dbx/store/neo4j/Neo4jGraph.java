package dev.dbx.store.neo4j;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.Graph;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;

/**
 * {@link Graph} in Cypher over the TPC-H graph as loaded ({@code (:Customer)-[:PLACED]->(:Order)-[:CONTAINS]->(:Part)}),
 * the queries kept under {@code schema/tpch/graph/}. Each runs in an auto-commit transaction carrying the query's
 * timeout, so the server itself stops it at the deadline.
 */
final class Neo4jGraph implements Graph {
    private static final String CO_PURCHASE = "tpch/graph/co-purchase.cypher";
    private static final String REACHABLE = "tpch/graph/reachable.cypher";

    private static final String LEVEL_BEGIN = "// level: begin";
    private static final String LEVEL_END = "// level: end";

    private final Bolt bolt;
    private final String coPurchase = CypherResources.required(CO_PURCHASE);
    private final String reachable = CypherResources.required(REACHABLE);

    Neo4jGraph(Bolt bolt) {
        this.bolt = bolt;
    }

    @Override
    public Optional<String> unsupported(Query query) {
        return Optional.empty();
    }

    @Override
    public String text(Query query) {
        return query == Query.CO_PURCHASE ? coPurchase : reachable;
    }

    @Override
    public List<Recommendation> coPurchase(long customer, int limit, Duration timeout) {
        List<Record> records = bolt.autoCommit(
                coPurchase,
                Map.of("customer", customer, "limit", limit),
                timeout,
                "co-purchase for customer " + customer);
        List<Recommendation> out = new ArrayList<>(records.size());
        for (Record r : records) {
            out.add(new Recommendation(
                    r.get("part").asLong(), r.get("customers").asLong()));
        }
        return out;
    }

    @Override
    public Reach reachable(long customer, int hops, Duration timeout) {
        if (hops < 1) {
            throw new DbxException("hops must be at least 1, not " + hops);
        }
        List<Record> records = bolt.autoCommit(
                reachableCypher(hops),
                Map.of("customer", customer),
                timeout,
                "customers within " + hops + " hops of customer " + customer);
        if (records.size() != 1) {
            throw new DbxException("neo4j: the reachability query returned " + records.size() + " rows, not 1");
        }
        Record r = records.get(0);
        return new Reach(hops, r.get("customers").asLong(), r.get("key_sum").asLong());
    }

    /**
     * The reachability query for {@code hops}: the block between {@code // level: begin} and {@code // level: end},
     * once per hop (Cypher has no loop).
     */
    String reachableCypher(int hops) {
        int begin = reachable.indexOf(LEVEL_BEGIN);
        int end = reachable.indexOf(LEVEL_END);
        if (begin < 0 || end < begin) {
            throw new DbxException("neo4j store resource " + REACHABLE + " has no level block");
        }
        String level = reachable.substring(begin + LEVEL_BEGIN.length(), end);
        return reachable.substring(0, begin) + level.repeat(hops) + reachable.substring(end + LEVEL_END.length());
    }
}
