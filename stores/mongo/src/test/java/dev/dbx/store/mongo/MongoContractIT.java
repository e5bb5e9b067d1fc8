package dev.dbx.store.mongo;

import dev.dbx.engine.Ports;
import dev.dbx.store.testkit.StoreContractIT;
import java.net.URI;

/** The store contract against the local engine: mongo-java-server (MongoDB wire-compatible; not MongoDB). */
class MongoContractIT extends StoreContractIT {
    @Override
    protected String storeId() {
        return "mongo";
    }

    @Override
    protected String engineName() {
        return "mongo";
    }

    @Override
    protected String expectedProduct() {
        return "mongo-java-server (MongoDB wire-compatible)";
    }

    @Override
    protected URI deadUri() {
        return URI.create("mongodb://dbx:secret@127.0.0.1:" + Ports.freeRange(1) + "/dbx");
    }
}
