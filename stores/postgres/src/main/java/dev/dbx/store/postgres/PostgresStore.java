package dev.dbx.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.dbx.core.capability.Analytics;
import dev.dbx.core.capability.ChangeSource;
import dev.dbx.core.capability.ChangeTracking;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.Explain;
import dev.dbx.core.capability.Graph;
import dev.dbx.core.capability.IndexAdvisor;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.NativeBulkLoad;
import dev.dbx.core.capability.OrderEntry;
import dev.dbx.core.capability.Sink;
import dev.dbx.core.capability.SnapshotSource;
import dev.dbx.core.capability.TextSearch;
import dev.dbx.core.store.Capabilities;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.core.store.StoreConfig;
import dev.dbx.store.jdbc.JdbcStore;
import dev.dbx.store.jdbc.SqlGraph;

/**
 * PostgreSQL through pgjdbc and a HikariCP pool: its model of the datasets ({@link PostgresDatasetModel}), the YCSB
 * usertable ({@link PostgresKeyValue}), order entry on TPC-H ({@link PostgresOrderEntry}), {@code psql \copy} as the
 * native loader ({@link PostgresNativeLoad}), the source side of change data capture ({@link PostgresChangeSource})
 * and change events applied by key ({@link PostgresSink}), for a PostgreSQL that is a sync target.
 */
final class PostgresStore extends JdbcStore {
    private final HikariDataSource pool;
    private final Capabilities capabilities;

    PostgresStore(StoreConfig config, HikariDataSource pool) {
        super(config, pool);
        this.pool = pool;
        PostgresDatasetModel model = new PostgresDatasetModel(sql);
        this.capabilities = Capabilities.builder()
                .add(DatasetModel.class, model)
                .add(SnapshotSource.class, new PostgresSnapshotSource(sql, model))
                .add(ChangeTracking.class, new PostgresChangeTracking(sql, model))
                .add(KeyValue.class, new PostgresKeyValue(sql))
                .add(NativeBulkLoad.class, new PostgresNativeLoad(config.uri()))
                .add(Analytics.class, new PostgresAnalytics(sql))
                .add(TextSearch.class, new PostgresTextSearch(sql))
                .add(Graph.class, new SqlGraph(sql, PostgresStore.class))
                .add(Explain.class, new PostgresExplain(sql))
                .add(IndexAdvisor.class, new PostgresIndexAdvisor(sql))
                .add(Sink.class, new PostgresSink(sql, model))
                .add(ChangeSource.class, new PostgresChangeSource(sql))
                .add(OrderEntry.class, new PostgresOrderEntry(sql))
                .build();
    }

    @Override
    public ServerIdentity identity() {
        // "PostgreSQL 17.11 on x86_64-pc-linux-gnu, ..." - the product is what the server calls itself
        String version = queryString("SELECT version()");
        String product = version.split(" ", 2)[0];
        return new ServerIdentity(product, queryString("SELECT current_setting('server_version')"));
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public void close() {
        pool.close();
    }
}
