package dev.dbx.store.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.Analytics;
import dev.dbx.core.query.CacheDrop;
import dev.dbx.store.testkit.ExplainContract;
import dev.dbx.store.testkit.QueriesContractIT;
import dev.dbx.store.testkit.SearchContract;
import dev.dbx.store.testkit.TpchContract;
import dev.dbx.workloads.tpch.TpchAnswers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The query capabilities against the local OpenSearch holding TPC-H SF 0.01: the six native queries (Q1, Q3, Q6, Q10,
 * Q12, Q14) answer as published, the 16 others are n/a with a reason; then what is particular to search: no run finds
 * its answer in the shard request cache, and a search that passes its timeout is an error, not a partial answer.
 */
class ElasticsearchQueriesIT extends QueriesContractIT implements TpchContract, SearchContract, ExplainContract {
    @Override
    public String storeId() {
        return "elasticsearch";
    }

    @Override
    protected String engineName() {
        return "opensearch";
    }

    @Override
    public Set<String> unsupportedTpchQueries() {
        Set<String> others = new TreeSet<>(TpchAnswers.QUERIES);
        others.removeAll(SearchAnalytics.NATIVE);
        return others;
    }

    private Analytics analytics() {
        return store().require(Analytics.class);
    }

    @Test
    void everyNativeQueryShowsItsRequestAndHowItMapsToTheSql() {
        for (String query : SearchAnalytics.NATIVE) {
            assertThat(analytics().text("tpch", query))
                    .as(query)
                    .contains("\"comment\"", "TPC-H Q" + Integer.parseInt(query.substring(1)) + ",", "\"aggs\"");
        }
        assertThat(analytics().unsupported("tpch", "q05"))
                .hasValueSatisfying(why -> assertThat(why).contains("supplier's nation"));
    }

    @Test
    void aHotRunComputesItsAnswerInsteadOfLookingItUp() throws Exception {
        CacheDrop drop = analytics().dropCaches();
        assertThat(drop.dropped()).contains("the shard request cache", "the query (filter) cache");
        analytics().run("tpch", "q06", Duration.ofSeconds(30));
        analytics().run("tpch", "q06", Duration.ofSeconds(30));
        assertThat(requestCacheBytes())
                .as("the searches bypass the request cache")
                .isZero();
    }

    @Test
    void aSearchThatPassesItsTimeoutIsAnErrorNotAPartialAnswer() throws Exception {
        // whether Q1 passes 1 ms depends on the machine: either it fails saying so, or its answer is the full one
        Object full = analytics().run("tpch", "q01", Duration.ofSeconds(30));
        Object fast;
        try {
            fast = analytics().run("tpch", "q01", Duration.ofMillis(1));
        } catch (DbxException e) {
            assertThat(e)
                    .hasMessageContaining("passed its timeout of 1 ms and the server answered with partial results");
            return;
        }
        assertThat(fast).as("an answer within 1 ms is the whole answer").isEqualTo(full);
    }

    private long requestCacheBytes() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            String body = http.send(
                            HttpRequest.newBuilder(URI.create("http://" + uri().getHost() + ":" + uri().getPort()
                                            + "/dbx-tpch-orders/_stats/request_cache?filter_path=_all.total"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            return EsClient.JSON
                    .readTree(body)
                    .path("_all")
                    .path("total")
                    .path("request_cache")
                    .path("memory_size_in_bytes")
                    .asLong(-1);
        }
    }

    private static final String ORDERS = "dbx-tpch-orders";

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
