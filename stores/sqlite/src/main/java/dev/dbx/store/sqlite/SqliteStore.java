package dev.dbx.store.sqlite;

import com.zaxxer.hikari.HikariDataSource;
import dev.dbx.core.capability.Analytics;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.Explain;
import dev.dbx.core.capability.Graph;
import dev.dbx.core.capability.IndexAdvisor;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.Sink;
import dev.dbx.core.capability.TextSearch;
import dev.dbx.core.store.Capabilities;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.core.store.StoreConfig;
import dev.dbx.store.jdbc.JdbcStore;
import dev.dbx.store.jdbc.SqlGraph;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite through sqlite-jdbc and a small HikariCP pool over one database file: its model of the datasets
 * ({@link SqliteDatasetModel}), the YCSB usertable ({@link SqliteKeyValue}) and change events applied by key
 * ({@link SqliteSink}). SQLite has no loader of its own outside its shell, so there is no native bulk load.
 */
final class SqliteStore extends JdbcStore {
    private final HikariDataSource pool;
    private final Capabilities capabilities;

    SqliteStore(StoreConfig config, HikariDataSource pool) {
        super(config, pool);
        this.pool = pool;
        SqliteDatasetModel model = new SqliteDatasetModel(sql);
        this.capabilities = Capabilities.builder()
                .add(DatasetModel.class, model)
                .add(KeyValue.class, new SqliteKeyValue(sql))
                .add(Analytics.class, new SqliteAnalytics(sql))
                .add(TextSearch.class, new SqliteTextSearch(sql))
                .add(Graph.class, new SqlGraph(sql, SqliteStore.class))
                .add(Explain.class, new SqliteExplain(sql))
                .add(IndexAdvisor.class, new SqliteIndexAdvisor(sql))
                .add(Sink.class, new SqliteSink(sql, model))
                .build();
    }

    @Override
    public ServerIdentity identity() {
        return new ServerIdentity("SQLite", queryString("SELECT sqlite_version()"));
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public void close() {
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            // fold the WAL back into the database file so the file alone is the database
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException ignored) {
            // best effort: SQLite recovers the WAL on next open
        }
        pool.close();
    }
}
