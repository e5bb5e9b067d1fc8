package dev.dbx.store.neo4j;

import dev.dbx.store.testkit.ExplainContract;
import dev.dbx.store.testkit.QueriesContractIT;
import java.util.Set;

/** The query capabilities against a real Neo4j holding TPC-H SF 0.01 as a graph. */
class Neo4jQueriesIT extends QueriesContractIT implements ExplainContract {
    @Override
    public String storeId() {
        return "neo4j";
    }

    @Override
    public String joinQuery() {
        return "MATCH (r:Region {r_name: 'ASIA'})<-[:IN]-(n:Nation)<-[:IN]-(c:Customer)-[:PLACED]->(o:Order)"
                + " RETURN n.n_name AS nation, count(o) AS orders ORDER BY orders DESC";
    }

    @Override
    public Set<String> joinRelations() {
        return Set.of("region");
    }

    @Override
    public String keyLookup() {
        return "MATCH (o:Order {o_orderkey: 4242}) RETURN o.o_totalprice";
    }

    @Override
    public String keyLookupRelation() {
        return "Order";
    }

    @Override
    public String unindexedFilter() {
        return "MATCH (o:Order) WHERE o.o_clerk = 'Clerk#000000042' RETURN count(o)";
    }

    @Override
    public String unindexedRelation() {
        return "Order";
    }

    @Override
    public String badQuery() {
        return "MATCH (n RETURN n";
    }
}
