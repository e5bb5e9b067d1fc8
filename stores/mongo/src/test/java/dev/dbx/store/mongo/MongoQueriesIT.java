package dev.dbx.store.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.Analytics;
import dev.dbx.core.capability.Graph;
import dev.dbx.core.capability.TextSearch;
import dev.dbx.core.query.CacheDrop;
import dev.dbx.store.testkit.GraphContract;
import dev.dbx.store.testkit.QueriesContractIT;
import dev.dbx.store.testkit.SearchContract;
import dev.dbx.store.testkit.TpchContract;
import dev.dbx.workloads.search.SearchQueries;
import dev.dbx.workloads.tpch.TpchAnswers;
import dev.dbx.workloads.tpch.TpchSuite;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The query capabilities against the local engine, mongo-java-server (MongoDB wire-compatible; not MongoDB), holding
 * TPC-H SF 0.01. mongo-java-server runs all six pipelines (Q1, Q3, Q6, Q10, Q12, Q14) as written for MongoDB, with
 * two adaptations that are the same pipeline on a real MongoDB: Q1's charge multiplies two products (its
 * {@code $multiply} takes exactly two operands: "Expression $multiply takes exactly 2 arguments. 3 were passed in."),
 * and Q14's {@code $lookup} of parts has no projection pipeline (it refuses {@code localField} next to {@code pipeline}:
 * "FailedToParse (9): unknown argument to $lookup: localField"). So the n/a queries are exactly the sixteen that have no
 * pipeline.
 */
class MongoQueriesIT extends QueriesContractIT implements TpchContract, SearchContract, GraphContract {
    @Override
    public String storeId() {
        return "mongo";
    }

    @Override
    public Set<String> unsupportedTpchQueries() {
        Set<String> out = new TreeSet<>(TpchAnswers.QUERIES);
        out.removeAll(TpchSuite.NATIVE);
        return out;
    }

    @Test
    void saysWhyAQueryHasNoPipeline() {
        assertThat(analytics().unsupported("tpch", "q13"))
                .hasValueSatisfying(why -> assertThat(why).startsWith("no native version written: Q13"));
        assertThatThrownBy(() -> analytics().run("tpch", "q13", Duration.ofSeconds(5)))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("no native version written");
    }

    @Test
    void showsTheAggregateCommandItSends() {
        Document command = Document.parse(analytics().text("tpch", "q06"));
        assertThat(command.getString("aggregate")).isEqualTo("orders");
        assertThat(command.getList("pipeline", Document.class)).hasSize(5);
        assertThat(analytics().text("tpch", "q06")).contains("\"$numberDecimal\": \"0.05\"");
    }

    /**
     * The driver's operation timeout ends the wait on the client and sends {@code maxTimeMS} with the command; a real
     * MongoDB stops the pipeline there, mongo-java-server ignores {@code maxTimeMS} and finishes it in the background.
     */
    @Test
    void aQueryPastItsTimeoutFailsWithinIt() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> analytics().run("tpch", "q01", Duration.ofMillis(50)))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("Q01")
                .hasMessageContaining("took longer than its time limit");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void hasNoCachesToDropOnMongoJavaServer() {
        CacheDrop drop = analytics().dropCaches();
        assertThat(drop.dropped()).isEmpty();
        assertThat(drop.kept()).singleElement().asString().contains("no plan cache");
    }

    private Analytics analytics() {
        return store().require(Analytics.class);
    }

    @Override
    public Set<String> unsupportedSearchQueries() {
        return SearchQueries.ALL.stream().map(q -> q.name()).collect(Collectors.toSet());
    }

    @Override
    public boolean searchIsChecked() {
        return false;
    }

    @Test
    void mongoJavaServerSaysPlainlyThatItHasNoTextSearch() {
        String why = store().require(TextSearch.class)
                .unsupported(SearchQueries.named("term"))
                .orElseThrow();
        assertThat(why).startsWith("mongo-java-server (MongoDB wire-compatible), not MongoDB, has no text search");
    }

    /** See {@link MongoGraph#REACH_NOT_APPLICABLE}. */
    @Override
    public Set<Graph.Query> unsupportedGraphQueries() {
        return Set.of(Graph.Query.REACHABLE);
    }
}
