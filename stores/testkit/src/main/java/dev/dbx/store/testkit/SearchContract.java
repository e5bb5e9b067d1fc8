package dev.dbx.store.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.capability.TextSearch;
import dev.dbx.core.query.search.SearchQuery;
import dev.dbx.workloads.query.QueryResult;
import dev.dbx.workloads.query.QueryRunConfig;
import dev.dbx.workloads.query.QueryRunner;
import dev.dbx.workloads.query.SuiteRun;
import dev.dbx.workloads.search.SearchQueries;
import dev.dbx.workloads.search.SearchSuite;
import java.time.Duration;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A store with {@link TextSearch} matches, for every query of dbx's full-text set at SF 0.01, exactly as many order
 * comments as dbx's ground truth says its declared matching rule should (stemming and stop words as the engine
 * declares them), returns that many keys up to ten, and declares n/a exactly the queries it says it cannot run.
 */
public interface SearchContract extends StoreUnderTest {
    /** The search queries this store cannot run (each with its reason in {@link TextSearch#unsupported}). */
    default Set<String> unsupportedSearchQueries() {
        return Set.of();
    }

    /** Whether dbx can check this store's counts (false where dbx does not model its matching rule). */
    default boolean searchIsChecked() {
        return true;
    }

    @Test
    default void declaresExactlyTheSearchQueriesItCannotRun() {
        TextSearch search = store().require(TextSearch.class);
        Set<String> unsupported = new TreeSet<>();
        for (SearchQuery query : SearchQueries.ALL) {
            search.unsupported(query).ifPresent(why -> {
                assertThat(why).as("the reason %s is n/a", query).isNotBlank();
                unsupported.add(query.name());
            });
            assertThat(search.text(query)).isNotBlank();
        }
        assertThat(unsupported).isEqualTo(new TreeSet<>(unsupportedSearchQueries()));
        assertThat(search.rule().description()).isNotBlank();
    }

    @Test
    default void everySearchMatchesTheGroundTruthOfItsRule() {
        SuiteRun run = new QueryRunner()
                .run(
                        SearchSuite.create(scale()),
                        store(),
                        new QueryRunConfig(2, 1, Duration.ofMinutes(1), false),
                        QueryRunner.Listener.NONE);
        assertThat(run.status()).as(run.reason()).isEqualTo(SuiteRun.Status.COMPLETE);
        TreeMap<String, String> wrong = new TreeMap<>();
        for (QueryResult result : run.queries()) {
            if (unsupportedSearchQueries().contains(result.query())) {
                assertThat(result.ran()).isFalse();
                continue;
            }
            Boolean expected = searchIsChecked() ? Boolean.TRUE : null;
            if (!java.util.Objects.equals(expected, result.correct()) || !result.ran()) {
                wrong.put(result.query(), result.correct() + ": " + result.reason());
            }
        }
        assertThat(wrong).as("queries answered wrongly or not at all").isEmpty();
        assertThat(run.queries()).hasSize(SearchQueries.ALL.size());
    }
}
