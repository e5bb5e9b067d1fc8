package dev.dbx.store.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.store.Stores;
import dev.dbx.engine.RunningEngine;
import dev.dbx.workloads.dataset.TpchSource;
import dev.dbx.workloads.load.DatasetLoader;
import java.time.Duration;

/**
 * The local mongo engine with TPC-H loaded by dbx, plus a driver client of the test's own to look at what the store
 * wrote. Closing stops everything, also when the start or the load failed half way.
 */
final class LoadedMongo implements AutoCloseable {
    private RunningEngine engine;
    private MongoStore store;
    private MongoClient client;

    LoadedMongo(TpchSource tpch, Duration timeout) {
        try {
            engine = RunningEngine.start("mongo");
            store = (MongoStore) Stores.open("mongo", engine.uri(), timeout);
            DatasetLoader.load(store, DatasetLoader.counting(tpch), true);
            client = MongoClients.create(engine.uri().toString());
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    MongoStore store() {
        return store;
    }

    /** The store's dataset model. */
    DocumentModel model() {
        return (DocumentModel) store.require(DatasetModel.class);
    }

    /** The database the store writes to, read through the test's own client. */
    MongoDatabase database() {
        return client.getDatabase(model().databaseName());
    }

    @Override
    public void close() {
        try {
            if (client != null) {
                client.close();
            }
            if (store != null) {
                store.close();
            }
        } finally {
            if (engine != null) {
                engine.close();
            }
        }
    }
}
