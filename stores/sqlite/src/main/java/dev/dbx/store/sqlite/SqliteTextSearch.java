package dev.dbx.store.sqlite;

import dev.dbx.core.query.CacheDrop;
import dev.dbx.core.query.search.MatchingRule;
import dev.dbx.core.query.search.SearchQuery;
import dev.dbx.store.jdbc.SqlConnections;
import dev.dbx.store.jdbc.SqlTextSearch;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Full-text search through the FTS5 table {@code orders_fts} ({@code porter unicode61}, external content: see
 * tpch-indexes.sql), ranked by {@code bm25()}. FTS5 runs a prefix through the porter tokenizer too, so
 * {@code "furiously"*} finds the stem "furious". bm25() cannot sit beside a window function, hence the subquery.
 */
final class SqliteTextSearch extends SqlTextSearch {
    private static final MatchingRule RULE = new MatchingRule(
            MatchingRule.Tokenizer.UNICODE61,
            MatchingRule.Stemmer.PORTER,
            MatchingRule.StopWords.NONE,
            MatchingRule.Prefix.STEMMED,
            "bm25() (k1=1.2, b=0.75)",
            true);

    SqliteTextSearch(SqlConnections sql) {
        super(sql);
    }

    @Override
    public MatchingRule rule() {
        return RULE;
    }

    @Override
    protected String statement(SearchQuery query) {
        return "SELECT k, count(*) OVER () FROM (SELECT rowid AS k, bm25(orders_fts) AS score FROM orders_fts"
                + " WHERE orders_fts MATCH ?) ORDER BY score, k LIMIT ?";
    }

    /** The FTS5 query: every word quoted (so no word is read as an operator), ANDed, a phrase, or a prefix. */
    @Override
    protected List<Object> parameters(SearchQuery query) {
        return List.of(
                switch (query.kind()) {
                    case TERM -> quoted(query.words().get(0));
                    case ALL ->
                        query.words().stream().map(SqliteTextSearch::quoted).collect(Collectors.joining(" AND "));
                    case PHRASE -> quoted(query.text());
                    case PREFIX -> quoted(query.words().get(0)) + "*";
                });
    }

    private static String quoted(String words) {
        return '"' + words + '"';
    }

    @Override
    public String text(SearchQuery query) {
        return super.text(query)
                .replace("MATCH ?", "MATCH '" + parameters(query).get(0) + "'");
    }

    @Override
    public CacheDrop dropCaches() {
        return CacheDrop.nothing(
                "SQLite's page cache lives in dbx's pooled connections (only closing them empties it)");
    }
}
