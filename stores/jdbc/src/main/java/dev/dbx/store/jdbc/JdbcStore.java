package dev.dbx.store.jdbc;

import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import javax.sql.DataSource;

/**
 * What a SQL store (PostgreSQL, SQLite, DuckDB) is itself: how it was opened and where its connections come from. What
 * it can do is handed out as objects of their own ({@link SqlDatasetModel}, {@link SqlKeyValue}, a native bulk
 * loader), each built on the same {@link SqlConnections}.
 */
public abstract class JdbcStore implements Store {
    private final StoreConfig config;
    protected final SqlConnections sql;

    protected JdbcStore(StoreConfig config, DataSource dataSource) {
        this.config = config;
        this.sql = new SqlConnections(config.storeId(), config.uri(), dataSource);
    }

    @Override
    public final StoreConfig config() {
        return config;
    }

    /** The first column of the first row of {@code query}, as text (for identity and settings). */
    protected String queryString(String query) {
        return sql.queryString(query);
    }
}
