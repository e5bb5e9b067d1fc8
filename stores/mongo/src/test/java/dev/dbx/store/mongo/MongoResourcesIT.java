package dev.dbx.store.mongo;

import dev.dbx.store.testkit.ServerResourcesIT;

/**
 * serverStatus against the local mongo-java-server opened by URI: it reports neither CPU nor memory, so a run gets no
 * server figures, and its placement says where they would have come from. A real MongoDB reports mem.resident (see
 * MongoResourcesTest for the reading of its answer).
 */
class MongoResourcesIT extends ServerResourcesIT {
    @Override
    protected String storeId() {
        return "mongo";
    }

    @Override
    protected String api() {
        return "MongoDB serverStatus";
    }

    @Override
    protected boolean reportsCpu() {
        return false;
    }

    @Override
    protected boolean reportsMemory() {
        return false;
    }
}
