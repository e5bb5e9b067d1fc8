package dev.dbx.store.clickhouse;

import dev.dbx.core.capability.Analytics;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.ServerResources;
import dev.dbx.core.capability.Sink;
import dev.dbx.core.capability.TextSearch;
import dev.dbx.core.store.Capabilities;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;

/**
 * ClickHouse through its HTTP interface (client-v2, one client with a pool of HTTP connections). The store hands out
 * the dataset model ({@link ClickHouseDatasetModel}: ReplacingMergeTree tables of row versions sorted by key), the
 * change sink ({@link ClickHouseSink}: changes as new versions), the YCSB usertable ({@link UserTable}, used through
 * sessions), and the server's own CPU and memory figures ({@link ClickHouseResources}, on a client of their own).
 * Tables live in the URI's database.
 */
final class ClickHouseStore implements Store {
    private final StoreConfig config;
    private final ClickHouseSql sql;
    private final ClickHouseResources resources;
    private final Capabilities capabilities;

    ClickHouseStore(StoreConfig config, ClickHouseSql sql, ClickHouseResources resources) {
        this.config = config;
        this.sql = sql;
        this.resources = resources;
        UserTable users = new UserTable(sql);
        this.capabilities = Capabilities.builder()
                .add(DatasetModel.class, new ClickHouseDatasetModel(sql, users))
                .add(KeyValue.class, users)
                .add(ServerResources.class, resources)
                .add(Analytics.class, new ClickHouseAnalytics(sql))
                .add(TextSearch.class, new ScanTextSearch(sql))
                .add(Sink.class, new ClickHouseSink(sql, new VersionClock()))
                .build();
    }

    @Override
    public StoreConfig config() {
        return config;
    }

    @Override
    public ServerIdentity identity() {
        return new ServerIdentity("ClickHouse", sql.value("asking for its version", "SELECT version()"));
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    /** The statement runner, for tests that look at the server's side. */
    ClickHouseSql sql() {
        return sql;
    }

    @Override
    public void close() {
        try {
            resources.close();
        } finally {
            sql.close();
        }
    }
}
