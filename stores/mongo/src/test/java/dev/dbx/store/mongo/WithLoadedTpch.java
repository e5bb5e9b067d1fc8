package dev.dbx.store.mongo;

import com.mongodb.client.MongoDatabase;
import dev.dbx.workloads.dataset.TpchSource;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Tests against the local engine (mongo-java-server) with TPC-H SF 0.001 loaded by dbx once per class: the store, its
 * model, and the database as the test's own driver client sees it (see {@link LoadedMongo}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WithLoadedTpch {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    final TpchSource tpch = new TpchSource(0.001);
    LoadedMongo mongo;
    MongoStore store;
    DocumentModel model;
    MongoDatabase database;

    @BeforeAll
    void load() {
        mongo = new LoadedMongo(tpch, TIMEOUT);
        store = mongo.store();
        model = mongo.model();
        database = mongo.database();
    }

    @AfterAll
    void stop() {
        if (mongo != null) {
            mongo.close();
        }
    }
}
