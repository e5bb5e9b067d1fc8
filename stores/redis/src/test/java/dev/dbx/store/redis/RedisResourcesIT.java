package dev.dbx.store.redis;

import dev.dbx.store.testkit.ServerResourcesIT;

/** Redis's CPU and memory from its own INFO, sampled during a run against a real server opened by URI. */
class RedisResourcesIT extends ServerResourcesIT {
    @Override
    protected String storeId() {
        return "redis";
    }

    @Override
    protected String api() {
        return "Redis INFO";
    }
}
