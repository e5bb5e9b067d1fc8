package dev.dbx.store.clickhouse;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.TextSearch;
import dev.dbx.core.query.CacheDrop;
import dev.dbx.core.query.search.MatchingRule;
import dev.dbx.core.query.search.SearchQuery;
import dev.dbx.core.query.search.SearchResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The no-index baseline on ClickHouse: a scan of every comment with {@code match()} and RE2 word-boundary patterns
 * over {@code lower(o_comment)} — exact words, no stemming, no stop words, no ranking (the first keys in key order).
 * Not {@code (?i)}: until mid-2020 (PR 11649) ClickHouse's required-substring prefilter ignored that flag (issue 11101),
 * and 18.16 found none of the 51 comments holding "Tiresias" at SF 0.01. ClickHouse 18.16 has neither
 * {@code hasToken} (19.x) nor a full-text index. One statement returns the count and the first keys; the server stops
 * it after the store's timeout ({@code max_execution_time}).
 */
final class ScanTextSearch implements TextSearch {
    private static final MatchingRule RULE = MatchingRule.exactWords("none: a scan, matches in key order");

    private final ClickHouseSql sql;

    ScanTextSearch(ClickHouseSql sql) {
        this.sql = sql;
    }

    @Override
    public MatchingRule rule() {
        return RULE;
    }

    @Override
    public Optional<String> unsupported(SearchQuery query) {
        return Optional.empty();
    }

    /** RE2 patterns matching the query's (lower-case) words as exact words in lower-cased text. */
    static List<String> patterns(SearchQuery query) {
        return switch (query.kind()) {
            case TERM -> List.of("\\b" + query.words().get(0) + "\\b");
            case ALL -> query.words().stream().map(w -> "\\b" + w + "\\b").toList();
            case PHRASE -> List.of("\\b" + String.join("[^a-z0-9]+", query.words()) + "\\b");
            case PREFIX -> List.of("\\b" + query.words().get(0));
        };
    }

    static String statement(SearchQuery query, int topK) {
        List<String> where = new ArrayList<>();
        for (String pattern : patterns(query)) {
            // the words are lower-case letters (SearchQuery checks), so the pattern needs only its backslashes doubled
            where.add("match(lower(o_comment), '" + pattern.replace("\\", "\\\\") + "')");
        }
        return "SELECT count(), arraySlice(arraySort(groupArray(o_orderkey)), 1, " + topK + ") FROM orders WHERE "
                + String.join(" AND ", where);
    }

    @Override
    public String text(SearchQuery query) {
        return statement(query, 10);
    }

    @Override
    public SearchResult search(SearchQuery query, int topK, Duration timeout) {
        List<String[]> rows = sql.rows("full-text query " + query, statement(query, topK), 2);
        if (rows.size() != 1) {
            throw new DbxException("clickhouse: full-text query " + query + " answered " + rows.size() + " rows");
        }
        String array = rows.get(0)[1].strip();
        List<Long> keys = new ArrayList<>();
        String inner = array.substring(1, array.length() - 1);
        if (!inner.isEmpty()) {
            for (String key : inner.split(",")) {
                keys.add(Long.parseLong(key.strip()));
            }
        }
        return new SearchResult(Long.parseLong(rows.get(0)[0]), keys);
    }

    @Override
    public CacheDrop dropCaches() {
        sql.execute("dropping ClickHouse's mark cache", "SYSTEM DROP MARK CACHE", sql.timeout());
        return new CacheDrop(List.of("ClickHouse's mark cache"), List.of());
    }
}
