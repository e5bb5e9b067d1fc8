package dev.dbx.store.neo4j;

import dev.dbx.core.capability.TextSearch;
import dev.dbx.core.query.CacheDrop;
import dev.dbx.core.query.search.MatchingRule;
import dev.dbx.core.query.search.SearchQuery;
import dev.dbx.core.query.search.SearchResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Full-text search through the {@code order_comment} FULLTEXT index (the {@code english} analyzer: Lucene's
 * EnglishAnalyzer; see indexes.cypher), queried with {@code db.index.fulltext.queryNodes} and Lucene's classic query
 * syntax: {@code +a +b} for all words, a quoted phrase, {@code p*} for a prefix (not stemmed, only lower-cased). Lucene
 * scores BM25; Cypher orders every match by score, then key, so one statement returns the count and the top keys.
 */
final class FulltextSearch implements TextSearch {
    private static final MatchingRule RULE = new MatchingRule(
            MatchingRule.Tokenizer.LUCENE_STANDARD,
            MatchingRule.Stemmer.PORTER,
            MatchingRule.StopWords.LUCENE_ENGLISH,
            MatchingRule.Prefix.INDEXED_TERM,
            "Lucene BM25 (k1=1.2, b=0.75); a prefix query scores every match alike",
            true);

    static final String INDEX = "order_comment";

    private static final String CYPHER = "CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score"
            + " WITH node.o_orderkey AS key, score ORDER BY score DESC, key ASC"
            + " WITH collect(key) AS keys RETURN size(keys) AS matches, keys[0..$topK] AS top";

    private final Bolt bolt;

    FulltextSearch(Bolt bolt) {
        this.bolt = bolt;
    }

    @Override
    public MatchingRule rule() {
        return RULE;
    }

    @Override
    public Optional<String> unsupported(SearchQuery query) {
        return Optional.empty();
    }

    /** The query in Lucene's classic syntax. */
    static String luceneQuery(SearchQuery query) {
        return switch (query.kind()) {
            case TERM -> query.words().get(0);
            case ALL -> "+" + String.join(" +", query.words());
            case PHRASE -> '"' + query.text() + '"';
            case PREFIX -> query.words().get(0) + "*";
        };
    }

    @Override
    public String text(SearchQuery query) {
        return CYPHER.replace("$index", "'" + INDEX + "'")
                .replace("$query", "'" + luceneQuery(query).replace("\"", "\\\"") + "'");
    }

    @Override
    public SearchResult search(SearchQuery query, int topK, Duration timeout) {
        List<Record> records = bolt.autoCommit(
                CYPHER,
                Map.of("index", INDEX, "query", luceneQuery(query), "topK", topK),
                timeout,
                "full-text query " + query);
        if (records.isEmpty()) {
            return new SearchResult(0, List.of());
        }
        Record r = records.get(0);
        return new SearchResult(r.get("matches").asLong(), r.get("top").asList(Value::asLong));
    }

    @Override
    public CacheDrop dropCaches() {
        return CacheDrop.nothing("Neo4j's page cache and query caches (only a restart empties them)");
    }
}
