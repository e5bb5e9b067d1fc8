package dev.dbx.store.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.capability.TextSearch;
import dev.dbx.store.testkit.QueriesContractIT;
import dev.dbx.store.testkit.SearchContract;
import dev.dbx.workloads.search.SearchQueries;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The query capabilities against the local engine, mongo-java-server (MongoDB wire-compatible), holding TPC-H SF 0.01.
 * It has no text search: every search query is n/a, with the server's own refusal as the reason.
 */
class MongoQueriesIT extends QueriesContractIT implements SearchContract {
    @Override
    public String storeId() {
        return "mongo";
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
}
