package dev.dbx.store.duckdb;

import dev.dbx.core.query.CacheDrop;
import dev.dbx.core.query.search.MatchingRule;
import dev.dbx.core.query.search.SearchQuery;
import dev.dbx.store.jdbc.SqlConnections;
import dev.dbx.store.jdbc.SqlTextSearch;
import java.util.ArrayList;
import java.util.List;

/**
 * The no-index baseline: DuckDB's {@code fts} extension cannot be downloaded here, so a search is a scan of every
 * comment with RE2 word-boundary patterns ({@code regexp_matches}), case-insensitive: exact words, no stemming, no stop
 * words, no ranking (matches in key order). What a search index saves is measured against this.
 */
final class DuckdbTextSearch extends SqlTextSearch {
    private static final MatchingRule RULE = MatchingRule.exactWords("none: a scan, matches in key order");

    DuckdbTextSearch(SqlConnections sql) {
        super(sql);
    }

    @Override
    public MatchingRule rule() {
        return RULE;
    }

    @Override
    protected String statement(SearchQuery query) {
        int patterns = query.kind() == SearchQuery.Kind.ALL ? query.words().size() : 1;
        List<String> where = new ArrayList<>();
        for (int i = 0; i < patterns; i++) {
            where.add("regexp_matches(o_comment, ?)");
        }
        return "SELECT o_orderkey, count(*) OVER () FROM orders WHERE " + String.join(" AND ", where)
                + " ORDER BY o_orderkey LIMIT ?";
    }

    @Override
    protected List<Object> parameters(SearchQuery query) {
        return List.copyOf(WordPatterns.of(query));
    }

    @Override
    public CacheDrop dropCaches() {
        return CacheDrop.nothing(
                "DuckDB's buffer manager lives in dbx's process (only closing the database empties it)");
    }

    /** RE2 patterns (case-insensitive, ASCII word boundaries) matching a query's words as exact words. */
    static final class WordPatterns {
        private WordPatterns() {}

        static List<String> of(SearchQuery query) {
            return switch (query.kind()) {
                case TERM -> List.of("(?i)\\b" + query.words().get(0) + "\\b");
                case ALL ->
                    query.words().stream().map(w -> "(?i)\\b" + w + "\\b").toList();
                case PHRASE -> List.of("(?i)\\b" + String.join("[^a-z0-9]+", query.words()) + "\\b");
                case PREFIX -> List.of("(?i)\\b" + query.words().get(0));
            };
        }
    }
}
