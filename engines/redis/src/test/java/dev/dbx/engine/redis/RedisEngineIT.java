package dev.dbx.engine.redis;

import dev.dbx.engine.EngineContractIT;
import dev.dbx.engine.ServerBinaries;

class RedisEngineIT extends EngineContractIT {
    @Override
    protected String engineName() {
        return "redis";
    }

    @Override
    protected String expectedProduct() {
        return "Redis";
    }

    @Override
    protected String expectedVersionPrefix() {
        // Debian 12's redis-server is 7.0; the binary in embedded-redis is 6.2
        boolean debian = ServerBinaries.onPath("redis-server").isPresent()
                && !"bundled".equals(System.getenv("DBX_REDIS_BINARY"));
        return debian ? "7." : "6.2.";
    }
}
