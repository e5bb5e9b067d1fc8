package dev.dbx.store.redis;

import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.NativeBulkLoad;
import dev.dbx.core.capability.ServerResources;
import dev.dbx.core.capability.Sink;
import dev.dbx.core.store.Capabilities;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Redis, modelled the way a Redis expert keeps relational data: a hash per row, a sorted set of every entity's ids
 * (exact counts and scans without KEYS), and sorted sets for the ranges and top-N the workloads ask for, all under
 * one namespace per dataset. The key scheme is documented in {@code KEYSPACE.md} next to this class. The store hands
 * out the dataset model ({@link RedisDatasetModel}), the usertable ({@link UserTable}, sessions with a connection each)
 * {@code redis-cli --pipe} ({@link RedisCliLoad}) and the sync sink ({@link RedisSink}); they share one thread-safe Lettuce connection for their own
 * small commands, and open connections of their own for pipelines (Lettuce: loads, scans, the sink's batches) and key-value sessions (a blocking Jedis
 * connection each).
 */
final class RedisStore implements Store {
    private final StoreConfig config;
    private final RedisConnector connector;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisResources resources;
    private final RedisSink sink;
    private final Capabilities capabilities;

    RedisStore(StoreConfig config, RedisConnector connector, StatefulRedisConnection<String, String> connection) {
        this.config = config;
        this.connector = connector;
        this.connection = connection;
        KeyScheme keys = new KeyScheme(connector.target().prefix());
        this.resources = new RedisResources(connector);
        this.sink = new RedisSink(connector, keys);
        this.capabilities = Capabilities.builder()
                .add(DatasetModel.class, new RedisDatasetModel(connector, connection, keys))
                .add(KeyValue.class, new UserTable(connector, connection, keys))
                .add(NativeBulkLoad.class, new RedisCliLoad(connector, connection, keys))
                .add(ServerResources.class, resources)
                .add(Sink.class, sink)
                .build();
    }

    @Override
    public StoreConfig config() {
        return config;
    }

    @Override
    public ServerIdentity identity() {
        return RedisErrors.call(
                "asking the server who it is",
                () -> ServerInfo.identity(connection.sync().info("server")));
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public void close() {
        try {
            sink.close();
            resources.close();
        } finally {
            try {
                connection.close();
            } finally {
                connector.close();
            }
        }
    }
}
