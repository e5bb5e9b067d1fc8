package dev.dbx.store.redis;

import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import dev.dbx.core.store.StoreProvider;
import java.util.List;

/**
 * Redis through Lettuce, the client Redis recommends for Java. One Lettuce connection is thread-safe and pipelines
 * the commands of every thread using it, so there is no pool (and {@code StoreConfig.poolSize} does not apply): the
 * store shares one connection for its small commands, a key-value session opens one of its own for its life, and a
 * bulk load or scan opens one for its duration (pipelining there turns auto-flush off, which must not stall others).
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
