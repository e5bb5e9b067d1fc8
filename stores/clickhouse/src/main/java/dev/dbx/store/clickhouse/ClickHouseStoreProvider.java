package dev.dbx.store.clickhouse;

import com.clickhouse.client.api.Client;
import dev.dbx.core.capability.ServerResources;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import dev.dbx.core.store.StoreProvider;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** ClickHouse through the official client-v2 over the HTTP interface. */
public final class ClickHouseStoreProvider implements StoreProvider {
    /**
     * HTTP connections per store unless the configuration's pool size says otherwise: enough for a multi-threaded
     * workload, far below a server's max_connections.
     */
    private static final int MAX_CONNECTIONS = 16;

    /** Idle connections are dropped before the server's keep_alive_timeout (3 s by default) closes them. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(2);

    @Override
    public String id() {
        return "clickhouse";
    }

    @Override
    public List<String> aliases() {
        return List.of("ch");
    }

    @Override
    public List<String> schemes() {
        return List.of("clickhouse", "clickhouse+http", "clickhouse+https");
    }

    @Override
    public String uriExample() {
        return ClickHouseAddress.EXAMPLE;
    }

    @Override
    public Store open(StoreConfig config) {
        ClickHouseAddress address = ClickHouseAddress.parse(config.uri());
        Duration timeout = config.timeout();
        Duration statsTimeout = ServerResources.timeout(timeout);
        return new ClickHouseStore(
                config,
                sql(address, timeout, config.poolSize(MAX_CONNECTIONS)),
                // the server's own resource figures are read on a connection of their own, made when first asked
                new ClickHouseResources(() -> sql(address, statsTimeout, 1)));
    }

    private static ClickHouseSql sql(ClickHouseAddress address, Duration timeout, int connections) {
        long millis = Math.max(1, timeout.toMillis());
        Client client = new Client.Builder()
                .addEndpoint(address.endpoint())
                .setUsername(address.user())
                .setPassword(address.password())
                // in the Authorization header (18.x and current servers read it), never in the URL, which servers log
                .useHTTPBasicAuth(true)
                // current servers read the database from a header; 18.x only from the URL parameter
                .setDefaultDatabase(address.database())
                .serverSetting("database", address.database())
                // 18.x answers with empty or garbled bodies when it compresses: no compression either way
                .compressServerResponse(false)
                .compressClientRequest(false)
                .useHttpCompression(false)
                .setConnectTimeout(millis, ChronoUnit.MILLIS)
                .setConnectionRequestTimeout(millis, ChronoUnit.MILLIS)
                .setSocketTimeout(millis, ChronoUnit.MILLIS)
                .setExecutionTimeout(millis, ChronoUnit.MILLIS)
                .setMaxConnections(connections)
                .setKeepAliveTimeout(KEEP_ALIVE.toMillis(), ChronoUnit.MILLIS)
                // retries are the store's business: only idempotent reads are retried (ClickHouseSql)
                .setMaxRetries(0)
                // values travel as text (TabSeparated): no time zone conversion is involved
                .useServerTimeZone(false)
                .useTimeZone("UTC")
                .setClientName("dbx")
                .build();
        return new ClickHouseSql(client, new ClickHouseErrors(address, timeout), timeout);
    }
}
