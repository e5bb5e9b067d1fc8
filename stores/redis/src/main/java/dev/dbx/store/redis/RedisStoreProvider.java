package dev.dbx.store.redis;

import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import dev.dbx.core.store.StoreProvider;
import java.util.List;

/**
 * Redis through Lettuce, the client Redis recommends for Java. One Lettuce connection is thread-safe and pipelines
 * the commands of every thread using it, so no pool is needed: the store shares one, and opens a second one only for
 * the duration of a bulk load or scan (pipelining there turns auto-flush off, which must not stall other users).
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
            return new RedisStore(config.uri(), connector, connector.connect());
        } catch (RuntimeException e) {
            connector.close();
            throw e;
        }
    }
}
