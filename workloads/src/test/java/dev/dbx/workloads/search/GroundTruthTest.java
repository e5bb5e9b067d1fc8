package dev.dbx.workloads.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.query.search.MatchingRule;
import dev.dbx.core.query.search.MatchingRule.Prefix;
import dev.dbx.core.query.search.MatchingRule.Stemmer;
import dev.dbx.core.query.search.MatchingRule.StopWords;
import dev.dbx.core.query.search.MatchingRule.Tokenizer;
import dev.dbx.core.query.search.SearchQuery;
import dev.dbx.core.query.search.SearchQuery.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroundTruthTest {
    static final MatchingRule WORDS = MatchingRule.exactWords("none");
    static final MatchingRule LUCENE = new MatchingRule(
            Tokenizer.LUCENE_STANDARD, Stemmer.PORTER, StopWords.LUCENE_ENGLISH, Prefix.INDEXED_TERM, "BM25", true);
    static final MatchingRule POSTGRES = new MatchingRule(
            Tokenizer.POSTGRES, Stemmer.SNOWBALL_ENGLISH, StopWords.POSTGRES_ENGLISH, Prefix.STEMMED, "ts_rank", true);
    static final MatchingRule SQLITE =
            new MatchingRule(Tokenizer.UNICODE61, Stemmer.PORTER, StopWords.NONE, Prefix.STEMMED, "bm25", true);

    static final List<String> TEXTS = List.of(
            "sly final accounts boost. carefully regular ideas cajole quickly.", // 0
            "Quick packages x-ray the special requests", // 1
            "special, requests are against the furiously pending pack", // 2
            "special the requests sleep quickl", // 3: a stop word between, a word cut short
            "ironic deposits wake; ironic requests", // 4
            "deposits nag. ironic theodolites haggle above the packa", // 5
            "finally final: packages"); // 6

    static Map<String, GroundTruth.Answer> truth(MatchingRule rule, SearchQuery... queries) {
        return GroundTruth.compute(TEXTS.iterator(), TextAnalyzer.forRule(rule), List.of(queries));
    }

    static SearchQuery q(String name, Kind kind, String... words) {
        return new SearchQuery(name, kind, List.of(words));
    }

    @Test
    void exactWordsMatchLowerCasedWordsOnly() {
        var t = truth(
                WORDS, q("quick", Kind.TERM, "quick"), q("final", Kind.TERM, "final"), q("the", Kind.TERM, "the"));
        assertThat(t.get("quick").matches()).isEqualTo(1); // "Quick", not "quickly" nor "quickl"
        assertThat(t.get("quick").words()).containsExactly("quick");
        assertThat(t.get("final").matches()).isEqualTo(2);
        assertThat(t.get("the").matches()).isEqualTo(4);
        assertThat(t.get("the").note()).isNull();
    }

    @Test
    void stemmersDifferOnQuickly() {
        // Porter: quickly -> quickli (kept apart from quick); Snowball's Porter2: quickly -> quick
        assertThat(TextAnalyzer.forRule(LUCENE).term("quickly")).contains("quickli");
        assertThat(TextAnalyzer.forRule(POSTGRES).term("quickly")).contains("quick");
        assertThat(truth(LUCENE, q("quick", Kind.TERM, "quick")).get("quick").matches())
                .isEqualTo(1);
        var pg = truth(POSTGRES, q("quick", Kind.TERM, "quick")).get("quick");
        assertThat(pg.matches()).isEqualTo(2);
        assertThat(pg.words()).containsExactly("quick", "quickly");
        // both stemmers conflate finally with final
        assertThat(truth(SQLITE, q("final", Kind.TERM, "final")).get("final").words())
                .containsExactly("final", "finally");
    }

    @Test
    void aStopWordMatchesNothingAndSaysWhy() {
        var lucene = truth(LUCENE, q("the", Kind.TERM, "the")).get("the");
        assertThat(lucene.matches()).isZero();
        assertThat(lucene.note()).contains("'the' is a stop word");
        assertThat(truth(SQLITE, q("the", Kind.TERM, "the")).get("the").matches())
                .isEqualTo(4);
        // 'above' is a stop word for PostgreSQL, not for Lucene
        assertThat(truth(POSTGRES, q("above", Kind.TERM, "above")).get("above").matches())
                .isZero();
        assertThat(truth(LUCENE, q("above", Kind.TERM, "above")).get("above").matches())
                .isEqualTo(1);
    }

    @Test
    void phrasesNeedAdjacentWordsAndDoNotBridgeStopWords() {
        SearchQuery phrase = q("phrase", Kind.PHRASE, "special", "requests");
        for (MatchingRule rule : List.of(WORDS, LUCENE, POSTGRES, SQLITE)) {
            // text 2's comma does not separate them; text 3's removed stop word still does
            assertThat(truth(rule, phrase).get("phrase").matches())
                    .as(rule.toString())
                    .isEqualTo(2);
        }
    }

    @Test
    void allWordsAnywhere() {
        SearchQuery and = q("and", Kind.ALL, "ironic", "deposits");
        assertThat(truth(WORDS, and).get("and").matches()).isEqualTo(2);
        assertThat(truth(LUCENE, and).get("and").matches()).isEqualTo(2);
    }

    @Test
    void prefixesMatchWordsOrStemmedTerms() {
        SearchQuery pack = q("prefix", Kind.PREFIX, "pack");
        assertThat(truth(WORDS, pack).get("prefix").words()).containsExactly("pack", "packa", "packages");
        assertThat(truth(WORDS, pack).get("prefix").matches()).isEqualTo(4);
        assertThat(truth(LUCENE, pack).get("prefix").matches()).isEqualTo(4);
        // a prefix of a word that its stem cuts short: "furiously" is indexed as "furious" by Porter
        SearchQuery furiously = q("f", Kind.PREFIX, "furiously");
        assertThat(truth(WORDS, furiously).get("f").matches()).isEqualTo(1);
        assertThat(truth(LUCENE, furiously).get("f").matches()).isZero();
        // PostgreSQL stems the prefix too, so it finds it again
        assertThat(truth(POSTGRES, furiously).get("f").matches()).isEqualTo(1);
    }

    @Test
    void postgresIndexesAHyphenatedWordWholeAndInParts() {
        var tokens = TextAnalyzer.forRule(POSTGRES).tokens("x-ray the special requests");
        assertThat(tokens.stream().map(TextAnalyzer.Token::word))
                .containsExactly("x-ray", "x", "ray", "the", "special", "requests");
        assertThat(tokens.get(3).term()).isNull();
        assertThat(tokens.get(5).position()).isEqualTo(5);
        assertThat(TextAnalyzer.forRule(LUCENE).tokens("x-ray").stream().map(TextAnalyzer.Token::word))
                .containsExactly("x", "ray");
    }

    @Test
    void mongoRulesAreNotModelled() {
        MatchingRule mongo = new MatchingRule(
                Tokenizer.MONGO, Stemmer.SNOWBALL_ENGLISH, StopWords.MONGO_ENGLISH, Prefix.NONE, "textScore", true);
        assertThat(TextAnalyzer.unmodelled(mongo)).isPresent();
        assertThat(TextAnalyzer.unmodelled(LUCENE)).isEmpty();
    }
}
