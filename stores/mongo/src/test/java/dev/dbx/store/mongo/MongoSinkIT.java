package dev.dbx.store.mongo;

import dev.dbx.store.testkit.SinkContractIT;

/** The sink contract against the local engine, mongo-java-server (MongoDB wire-compatible; not MongoDB). */
class MongoSinkIT extends SinkContractIT {
    @Override
    protected String storeId() {
        return "mongo";
    }
}
