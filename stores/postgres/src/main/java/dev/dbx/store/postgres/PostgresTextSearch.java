package dev.dbx.store.postgres;

import dev.dbx.core.query.CacheDrop;
import dev.dbx.core.query.search.MatchingRule;
import dev.dbx.core.query.search.SearchQuery;
import dev.dbx.store.jdbc.SqlConnections;
import dev.dbx.store.jdbc.SqlTextSearch;
import java.util.List;

/**
 * Full-text search through the English GIN expression index on {@code to_tsvector('english', o_comment)} (see
 * tpch-indexes.sql): {@code plainto_tsquery} for terms (ANDed), {@code phraseto_tsquery} for a phrase,
 * {@code to_tsquery('p:*')} for a prefix (PostgreSQL stems the prefix too), ranked by {@code ts_rank}. The index stores
 * no tsvector, so ranking recomputes {@code to_tsvector} for every match: the cost of keeping the load lean.
 */
final class PostgresTextSearch extends SqlTextSearch {
    private static final MatchingRule RULE = new MatchingRule(
            MatchingRule.Tokenizer.POSTGRES,
            MatchingRule.Stemmer.SNOWBALL_ENGLISH,
            MatchingRule.StopWords.POSTGRES_ENGLISH,
            MatchingRule.Prefix.STEMMED,
            "ts_rank (frequency of the query's terms in the comment; no inverse document frequency)",
            true);

    PostgresTextSearch(SqlConnections sql) {
        super(sql);
    }

    @Override
    public MatchingRule rule() {
        return RULE;
    }

    @Override
    protected String statement(SearchQuery query) {
        String tsquery = switch (query.kind()) {
            case TERM, ALL -> "plainto_tsquery('english', ?)";
            case PHRASE -> "phraseto_tsquery('english', ?)";
            case PREFIX -> "to_tsquery('english', ? || ':*')";
        };
        return "SELECT o_orderkey, count(*) OVER () FROM orders WHERE to_tsvector('english', o_comment) @@ " + tsquery
                + " ORDER BY ts_rank(to_tsvector('english', o_comment), " + tsquery + ") DESC, o_orderkey LIMIT ?";
    }

    @Override
    protected List<Object> parameters(SearchQuery query) {
        return List.of(query.text(), query.text());
    }

    @Override
    public CacheDrop dropCaches() {
        return CacheDrop.nothing("PostgreSQL's shared buffers (only a restart empties them)");
    }
}
