package dev.dbx.workloads.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.query.CacheDrop;
import dev.dbx.core.query.search.MatchingRule;
import dev.dbx.core.query.search.SearchQuery;
import dev.dbx.core.query.search.SearchResult;
import dev.dbx.workloads.query.QueryResult;
import dev.dbx.workloads.query.SuiteRun;
import dev.dbx.workloads.query.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchSuiteTest {
    private final SearchSuite suite = new SearchSuite(
            0.01,
            List.of(
                    new SearchQuery("term", SearchQuery.Kind.TERM, List.of("quick")),
                    new SearchQuery("stopword", SearchQuery.Kind.TERM, List.of("the"))),
            GroundTruthTest.TEXTS::iterator);

    private final SearchQuery term = suite.searchQueries().get(0);

    @Test
    void theQuerySetIsFixedAndDocumented() {
        assertThat(SearchQueries.ALL.stream().map(SearchQuery::name))
                .containsExactly("term", "frequent", "rare", "and", "phrase", "prefix", "stopword");
        assertThat(SearchQueries.named("phrase").display()).isEqualTo("\"special requests\"");
    }

    @Test
    void theRightCountIsCorrectAndTheStemmingDifferenceIsSaid() {
        Verdict verdict = suite.check(term, GroundTruthTest.POSTGRES, new SearchResult(2, List.of(6L, 7L)));
        assertThat(verdict.correct()).isTrue();
        assertThat(verdict.reason())
                .contains("exact words would match 1, not 2")
                .contains("Snowball")
                .contains("'quickly'");
        assertThat(suite.check(term, GroundTruthTest.LUCENE, new SearchResult(1, List.of(2L))))
                .isEqualTo(Verdict.right());
    }

    @Test
    void aCountThatDiffersIsWrong() {
        Verdict verdict = suite.check(term, GroundTruthTest.LUCENE, new SearchResult(2, List.of(1L, 2L)));
        assertThat(verdict.isWrong()).isTrue();
        assertThat(verdict.reason()).startsWith("2 matches, expected 1 under its rule");
        // the right count with too few keys is wrong too
        assertThat(suite.check(term, GroundTruthTest.LUCENE, new SearchResult(1, List.of()))
                        .isWrong())
                .isTrue();
    }

    @Test
    void aStopWordsEmptyAnswerIsRightAndExplained() {
        SearchQuery stop = suite.searchQueries().get(1);
        Verdict verdict = suite.check(stop, GroundTruthTest.LUCENE, new SearchResult(0, List.of()));
        assertThat(verdict.correct()).isTrue();
        assertThat(verdict.reason()).contains("'the' is a stop word").contains("as exact words: 4 matches");
    }

    @Test
    void anUnmodelledRuleIsUnchecked() {
        MatchingRule mongo = new MatchingRule(
                MatchingRule.Tokenizer.MONGO,
                MatchingRule.Stemmer.SNOWBALL_ENGLISH,
                MatchingRule.StopWords.MONGO_ENGLISH,
                MatchingRule.Prefix.NONE,
                "textScore",
                true);
        Verdict verdict = suite.check(term, mongo, new SearchResult(5, List.of()));
        assertThat(verdict.correct()).isNull();
        assertThat(verdict.reason()).contains("MongoDB");
    }

    @Test
    void overlapsCompareRankingStoresWithTheReference() {
        SuiteRun es = run("elasticsearch", "matches=20 ranked top=1,2,3,4,5,6,7,8,9,10");
        SuiteRun pg = run("postgres", "matches=20 ranked top=1,2,3,11,12,13,14,15,16,17");
        SuiteRun duck = run("duckdb", "matches=20 key-order top=1,2,3,4,5,6,7,8,9,10");
        List<SearchSuite.Overlap> overlaps = SearchSuite.overlaps(List.of(es, pg, duck));
        assertThat(overlaps).containsExactly(new SearchSuite.Overlap("postgres", "term", 3, 10));
        List<SuiteRun> marked = SearchSuite.withOverlaps(List.of(es, pg, duck));
        assertThat(marked.get(1).queries().get(0).reason()).isEqualTo("top-10 overlap with elasticsearch: 3/10");
        assertThat(marked.get(2).queries().get(0).reason()).isNull();
        assertThat(SearchSuite.overlaps(List.of(pg, duck))).isEmpty();
        // nothing to compare with when the reference matched nothing (a stop word)
        assertThat(SearchSuite.overlaps(List.of(run("elasticsearch", "matches=0 ranked top="), pg)))
                .isEmpty();
    }

    private static SuiteRun run(String store, String digest) {
        return new SuiteRun(
                SearchSuite.NAME,
                store,
                store,
                "local engine",
                SuiteRun.Status.COMPLETE,
                null,
                Instant.now(),
                List.of(new QueryResult("term", 1.0, 1.0, List.of(1.0, 1.0), true, null, digest)),
                CacheDrop.nothing("test"),
                1,
                null,
                0,
                0,
                List.of(),
                null);
    }

    @Test
    void theTruthAtSf001IsComputedFromTheGeneratorsRows() {
        SearchSuite real = SearchSuite.create(0.01);
        Map<String, GroundTruth.Answer> words = real.truth(MatchingRule.exactWords("none"));
        assertThat(words.get("stopword").matches()).isEqualTo(6093);
        assertThat(words.get("term").matches()).isEqualTo(127);
        for (MatchingRule rule : List.of(
                GroundTruthTest.WORDS, GroundTruthTest.LUCENE, GroundTruthTest.POSTGRES, GroundTruthTest.SQLITE)) {
            Map<String, GroundTruth.Answer> t = real.truth(rule);
            StringBuilder line = new StringBuilder(rule.tokenizer() + "/" + rule.stemmer() + ":");
            t.forEach((q, a) -> line.append(' ').append(q).append('=').append(a.matches()));
            System.out.println(line);
        }
    }
}
