package dev.dbx.store.jdbc;

import dev.dbx.core.capability.TextSearch;
import dev.dbx.core.query.search.SearchQuery;
import dev.dbx.core.query.search.SearchResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Full-text search in SQL: each query is one statement, made once per query and run as a prepared statement (the
 * driver keeps it prepared on the connection), returning the first {@code topK} keys in rank order with the count of
 * every match beside each ({@code count(*) OVER ()}), so one round trip gives both. A subclass says what the statement
 * is in its dialect and which parameters it takes.
 */
public abstract class SqlTextSearch implements TextSearch {
    protected final SqlConnections sql;
    private final Map<String, String> statements = new ConcurrentHashMap<>();

    protected SqlTextSearch(SqlConnections sql) {
        this.sql = sql;
    }

    /**
     * The statement for {@code query}: it selects the key and the count of all matches, in rank order, and takes the
     * {@link #parameters} and then the limit as its last parameter.
     */
    protected abstract String statement(SearchQuery query);

    /** The statement's parameters but the last (the limit). */
    protected abstract List<Object> parameters(SearchQuery query);

    @Override
    public Optional<String> unsupported(SearchQuery query) {
        return Optional.empty();
    }

    /** The statement as prepared (with its placeholders); a subclass may show it otherwise in {@link #text}. */
    @Override
    public String text(SearchQuery query) {
        return prepared(query);
    }

    private String prepared(SearchQuery query) {
        return statements.computeIfAbsent(query.name() + "/" + query.display(), k -> statement(query));
    }

    @Override
    public SearchResult search(SearchQuery query, int topK, Duration timeout) {
        String statement = prepared(query);
        try (Connection c = sql.connection();
                PreparedStatement ps = c.prepareStatement(statement)) {
            List<Object> parameters = new ArrayList<>(parameters(query));
            parameters.add(topK);
            for (int i = 0; i < parameters.size(); i++) {
                ps.setObject(i + 1, parameters.get(i));
            }
            try {
                ps.setQueryTimeout((int) Math.max(1, Math.ceil(timeout.toMillis() / 1000.0)));
            } catch (SQLFeatureNotSupportedException e) {
                // the driver cannot cancel by itself: the runner's timeout still bounds the wait
            }
            long matches = 0;
            List<Long> keys = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getLong(1));
                    matches = rs.getLong(2);
                }
            }
            return new SearchResult(matches, keys);
        } catch (SQLException e) {
            throw SqlErrors.of(sql.storeId(), "full-text query " + query, e);
        }
    }
}
