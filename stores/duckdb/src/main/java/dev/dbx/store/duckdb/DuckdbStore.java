package dev.dbx.store.duckdb;

import dev.dbx.core.capability.Analytics;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.Explain;
import dev.dbx.core.capability.Graph;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.NativeBulkLoad;
import dev.dbx.core.capability.Sink;
import dev.dbx.core.capability.TextSearch;
import dev.dbx.core.store.Capabilities;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.core.store.StoreConfig;
import dev.dbx.store.jdbc.JdbcStore;
import dev.dbx.store.jdbc.SqlGraph;

/**
 * DuckDB, embedded through its official JDBC driver: one database file ({@link DuckdbDatabase}), its model of the
 * datasets ({@link DuckdbDatasetModel}), the YCSB usertable ({@link DuckdbKeyValue}) and DuckDB's own CSV reader as
 * the native loader ({@link DuckdbNativeLoad}), and change events applied by key ({@link DuckdbSink}). DuckDB's {@code fts} extension has to be downloaded, which dbx does not
 * do: full-text search is a scan with word patterns ({@link DuckdbTextSearch}), the no-index baseline.
 */
final class DuckdbStore extends JdbcStore {
    private final DuckdbDatabase database;
    private final Capabilities capabilities;

    DuckdbStore(StoreConfig config, DuckdbDatabase database) {
        super(config, database.dataSource());
        this.database = database;
        DuckdbDatasetModel model = new DuckdbDatasetModel(sql);
        this.capabilities = Capabilities.builder()
                .add(DatasetModel.class, model)
                .add(KeyValue.class, new DuckdbKeyValue(sql, config.timeout()))
                .add(NativeBulkLoad.class, new DuckdbNativeLoad(sql))
                .add(Analytics.class, new DuckdbAnalytics(sql, DuckdbLocation.parse(config.uri())))
                .add(TextSearch.class, new DuckdbTextSearch(sql))
                .add(Graph.class, new SqlGraph(sql, DuckdbStore.class))
                .add(Explain.class, new DuckdbExplain(sql))
                .add(Sink.class, new DuckdbSink(sql, model))
                .build();
    }

    @Override
    public ServerIdentity identity() {
        return new ServerIdentity("DuckDB", queryString("SELECT version()"));
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public void close() {
        database.close();
    }
}
