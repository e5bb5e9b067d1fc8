package dev.dbx.store.neo4j;

import dev.dbx.store.testkit.QueriesContractIT;
import dev.dbx.store.testkit.SearchContract;

/** The query capabilities against a real Neo4j server holding TPC-H SF 0.01. */
class Neo4jQueriesIT extends QueriesContractIT implements SearchContract {
    @Override
    public String storeId() {
        return "neo4j";
    }
}
