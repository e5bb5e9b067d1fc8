package dev.dbx.store.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.Analytics;
import dev.dbx.core.query.CacheDrop;
import dev.dbx.store.testkit.ExplainContract;
import dev.dbx.store.testkit.GraphContract;
import dev.dbx.store.testkit.QueriesContractIT;
import dev.dbx.store.testkit.SearchContract;
import dev.dbx.store.testkit.TpchContract;
import dev.dbx.workloads.tpch.TpchAnswers;
import dev.dbx.workloads.tpch.TpchSuite;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/** The query capabilities against the local Neo4j holding TPC-H SF 0.01. */
class Neo4jQueriesIT extends QueriesContractIT implements TpchContract, SearchContract, GraphContract, ExplainContract {
    /** A cross product of the line items with themselves: 3.6 billion rows at SF 0.01, minutes of work. */
    private static final String RUNAWAY = "MATCH ()-[a:CONTAINS]->(), ()-[b:CONTAINS]->() RETURN count(*) AS n";

    private Driver driver;

    @Override
    public String storeId() {
        return "neo4j";
    }

    @Override
    public Set<String> unsupportedTpchQueries() {
        Set<String> out = new TreeSet<>(TpchAnswers.QUERIES);
        out.removeAll(TpchSuite.NATIVE);
        return out;
    }

    @Test
    void saysWhyAQueryHasNoCypher() {
        assertThat(analytics().unsupported("tpch", "q05"))
                .hasValueSatisfying(why -> assertThat(why).startsWith("no native version written: Q5"));
        assertThatThrownBy(() -> analytics().text("tpch", "q05"))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("no native version written");
    }

    /** The transaction's time limit is the server's: it ends the query, which no longer shows among its transactions. */
    @Test
    void theServerEndsAQueryPastItsTimeout() {
        CypherQueries queries = (CypherQueries) analytics();
        long start = System.nanoTime();
        assertThatThrownBy(() -> queries.runCypher(RUNAWAY, "running a cross product", Duration.ofSeconds(1)))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("took longer than its time limit");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        List<String> running = driver()
                .executableQuery("SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery")
                .execute()
                .records()
                .stream()
                .map(r -> r.get("currentQuery").asString(""))
                .filter(q -> q.contains("CONTAINS"))
                .toList();
        assertThat(running).isEmpty();
    }

    @Test
    void dropsTheQueryCachesAndSaysThePageCacheStays() {
        CacheDrop drop = analytics().dropCaches();
        assertThat(drop.dropped()).singleElement().asString().contains("query caches");
        assertThat(drop.kept()).singleElement().asString().contains("page cache");
    }

    private Analytics analytics() {
        return store().require(Analytics.class);
    }

    private Driver driver() {
        if (driver == null) {
            BoltTarget target = BoltTarget.parse(uri());
            driver = GraphDatabase.driver(target.driverUri(), target.authToken());
        }
        return driver;
    }

    @AfterAll
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
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
