package dev.dbx.store.elasticsearch;

import dev.dbx.store.testkit.ExplainContract;
import dev.dbx.store.testkit.QueriesContractIT;
import java.util.Set;

/** The query capabilities against a real OpenSearch holding TPC-H SF 0.01 as documents. */
class ElasticsearchQueriesIT extends QueriesContractIT implements ExplainContract {
    private static final String ORDERS = "dbx-tpch-orders";

    @Override
    public String storeId() {
        return "elasticsearch";
    }

    @Override
    protected String engineName() {
        return "opensearch";
    }

    @Override
    public boolean plansWithoutRunning() {
        return false;
    }

    @Override
    public String joinQuery() {
        return "GET /" + ORDERS + "/_search\n"
                + "{\"size\": 0, \"query\": {\"bool\": {\"filter\": [{\"term\": {\"customer.r_name\": \"ASIA\"}},"
                + " {\"range\": {\"o_orderdate\": {\"gte\": \"1994-01-01\", \"lt\": \"1995-01-01\"}}}]}},"
                + " \"aggs\": {\"nations\": {\"terms\": {\"field\": \"customer.n_name\"}}}}";
    }

    @Override
    public Set<String> joinRelations() {
        return Set.of(ORDERS);
    }

    @Override
    public String keyLookup() {
        return "GET /" + ORDERS + "/_search\n{\"query\": {\"term\": {\"o_orderkey\": 4242}}}";
    }

    @Override
    public String keyLookupRelation() {
        return ORDERS;
    }

    @Override
    public String unindexedFilter() {
        return "GET /" + ORDERS + "/_search\n{\"query\": {\"match_all\": {}}}";
    }

    @Override
    public String unindexedRelation() {
        return ORDERS;
    }

    @Override
    public String badQuery() {
        return "GET /" + ORDERS + "/_search\n{\"query\": {\"no_such_query\": {}}}";
    }
}
