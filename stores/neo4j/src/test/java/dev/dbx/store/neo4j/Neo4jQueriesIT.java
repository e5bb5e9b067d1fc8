package dev.dbx.store.neo4j;

import dev.dbx.store.testkit.GraphContract;
import dev.dbx.store.testkit.QueriesContractIT;

/** The query capabilities against a real Neo4j server holding TPC-H SF 0.01 as a graph. */
class Neo4jQueriesIT extends QueriesContractIT implements GraphContract {
    @Override
    public String storeId() {
        return "neo4j";
    }
}
