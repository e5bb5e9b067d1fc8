package dev.dbx.store.elasticsearch;

import dev.dbx.store.testkit.QueriesContractIT;
import dev.dbx.store.testkit.SearchContract;

/** The query capabilities against a real OpenSearch 3 node holding TPC-H SF 0.01. */
class ElasticsearchQueriesIT extends QueriesContractIT implements SearchContract {
    @Override
    public String storeId() {
        return "elasticsearch";
    }

    @Override
    protected String engineName() {
        return "opensearch";
    }
}
