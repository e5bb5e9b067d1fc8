package dev.dbx.core.query.search;

import java.util.ArrayList;
import java.util.List;

/**
 * How an engine turns text into the words it matches, declared by the store so that a ground truth can be computed for
 * it from the canonical rows: analyzers differ (a stemmer conflates words, a stop word matches nothing), and dbx shows
 * those differences rather than calling them errors.
 *
 * @param tokenizer how text is split into words (every one lower-cases)
 * @param stemmer what the words are reduced to
 * @param stopWords words dropped from documents and queries (their positions are kept, so phrases do not bridge them)
 * @param prefix how a prefix query matches
 * @param ranking how matches are ordered, e.g. "BM25 (k1=1.2, b=0.75)", or "none: key order" for a scan
 * @param ranked whether the order is a relevance ranking (top-k overlaps are compared only between ranking engines)
 */
public record MatchingRule(
        Tokenizer tokenizer, Stemmer stemmer, StopWords stopWords, Prefix prefix, String ranking, boolean ranked) {
    public enum Tokenizer {
        /** Runs of ASCII letters and digits, lower-cased (a regular expression with word boundaries). */
        WORDS("runs of letters and digits, lower-cased"),
        /** Lucene's StandardTokenizer (Unicode word boundaries, UAX #29), English possessives removed, lower-cased. */
        LUCENE_STANDARD("Unicode word boundaries (UAX #29), possessive 's removed, lower-cased"),
        /** SQLite FTS5's unicode61: runs of letters and digits, lower-cased, diacritics removed. */
        UNICODE61("unicode61: runs of letters and digits, lower-cased, diacritics removed"),
        /** PostgreSQL's default text-search parser: words; a hyphenated word is indexed whole and as its parts. */
        POSTGRES("PostgreSQL's default parser: words, lower-cased; x-ray is 'x-ray', 'x' and 'ray'"),
        /** MongoDB's text-index tokenizer (not modelled by dbx). */
        MONGO("MongoDB's text tokenizer: words, lower-cased, diacritics removed");

        private final String description;

        Tokenizer(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public enum Stemmer {
        NONE("no stemming"),
        /** Martin Porter's 1980 algorithm (Lucene's PorterStemFilter, SQLite's porter tokenizer). */
        PORTER("Porter stemmer (1980)"),
        /** Snowball's English stemmer, "Porter2" (PostgreSQL's english_stem, MongoDB's english). */
        SNOWBALL_ENGLISH("Snowball English stemmer (Porter2)");

        private final String description;

        Stemmer(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public enum StopWords {
        NONE("no stop words"),
        /** Lucene's EnglishAnalyzer set: 33 words (a, an, and, are, as, at, be, but, by, for, if, in, into, ...). */
        LUCENE_ENGLISH("Lucene's 33 English stop words"),
        /** PostgreSQL's english.stop (Snowball's list): 127 words, prepositions such as 'above' and 'after' included. */
        POSTGRES_ENGLISH("PostgreSQL's english.stop (127 words)"),
        /** MongoDB's English list (not modelled by dbx). */
        MONGO_ENGLISH("MongoDB's English stop words");

        private final String description;

        StopWords(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public enum Prefix {
        /** A word as written (lower-cased) starts with the prefix. */
        WORD("a word as written starts with the prefix"),
        /** An indexed (stemmed) term starts with the prefix, which itself is only lower-cased (Lucene, FTS5). */
        INDEXED_TERM("an indexed (stemmed) term starts with the prefix as written"),
        /** The prefix is stemmed too, then matched against the stemmed terms (PostgreSQL's to_tsquery 'p:*'). */
        STEMMED("an indexed (stemmed) term starts with the stemmed prefix"),
        /** The engine has no prefix query. */
        NONE("no prefix queries");

        private final String description;

        Prefix(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** Exact lower-cased words, no stemming, no stop words: what a scan with word-boundary patterns matches. */
    public static MatchingRule exactWords(String ranking) {
        return new MatchingRule(Tokenizer.WORDS, Stemmer.NONE, StopWords.NONE, Prefix.WORD, ranking, false);
    }

    /** One line for reports, e.g. "Unicode word boundaries ..., Porter stemmer (1980), Lucene's 33 ...". */
    public String description() {
        List<String> parts = new ArrayList<>();
        parts.add(tokenizer.description());
        parts.add(stemmer.description());
        parts.add(stopWords.description());
        parts.add("prefix: " + prefix.description());
        parts.add("ranking: " + ranking);
        return String.join("; ", parts);
    }
}
