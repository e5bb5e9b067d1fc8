package dev.dbx.store.redis;

import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import dev.dbx.core.store.StoreProvider;
import java.util.List;

/**
 * Redis through its official Java clients. Lettuce: one connection is thread-safe and pipelines the commands of every
 * thread using it, so the store shares one for its small commands, and a bulk load or scan opens one for its duration
 * (pipelining there turns auto-flush off, which must not stall others). Jedis: a key-value session opens one plain
 * blocking connection of its own for its life, so a benchmark thread does its own I/O instead of handing every
 * command to Lettuce's event loop. There is no pool (and {@code StoreConfig.poolSize} does not apply): each session
 * holds exactly one connection, which is what a pool of N gives N threads.
 */
public final class RedisStoreProvider implements StoreProvider {
    @Override
    public String id() {
        return "redis";
    }

    @Override
    public List<String> schemes() {
        return List.of("redis", "rediss");
    }

    @Override
    public String uriExample() {
        return RedisTarget.EXAMPLE;
    }

    @Override
    public Store open(StoreConfig config) {
        RedisConnector connector =
                new RedisConnector(RedisTarget.parse(config.uri(), config.timeout()), config.timeout());
        try {
            return new RedisStore(config, connector, connector.connect());
        } catch (RuntimeException e) {
            connector.close();
            throw e;
        }
    }
}
