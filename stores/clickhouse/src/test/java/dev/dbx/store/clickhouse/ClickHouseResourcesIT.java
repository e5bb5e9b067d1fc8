package dev.dbx.store.clickhouse;

import dev.dbx.store.testkit.ServerResourcesIT;

/**
 * ClickHouse's CPU and memory from its own system tables, sampled during a run against the local server opened by URI.
 * 18.16 (Debian's) computes its memory figure once a minute, first a minute after it started: a short run may see none.
 */
class ClickHouseResourcesIT extends ServerResourcesIT {
    @Override
    protected String storeId() {
        return "clickhouse";
    }

    @Override
    protected String api() {
        return "ClickHouse system tables";
    }

    @Override
    protected boolean reportsMemoryAtOnce() {
        return false;
    }
}
