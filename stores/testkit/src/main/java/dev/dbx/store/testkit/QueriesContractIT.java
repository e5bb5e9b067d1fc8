package dev.dbx.store.testkit;

import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import dev.dbx.core.store.Stores;
import dev.dbx.engine.RunningEngine;
import dev.dbx.workloads.dataset.TpchSource;
import dev.dbx.workloads.load.DatasetLoader;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The query capabilities' contract against a real server holding TPC-H SF 0.01, loaded once and left untouched (the
 * store contract tampers with its data; these tests need it exact). Each capability's tests live in an interface of
 * their own ({@link TpchContract}...) that a store's {@code <Store>QueriesIT extends QueriesContractIT} implements for
 * the capabilities it has.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class QueriesContractIT implements StoreUnderTest {
    protected static final double SCALE = 0.01;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private RunningEngine engine;
    private URI uri;
    private Store store;

    /** Makes a server (or file) ready and returns the URI to open; the default starts the store's local engine. */
    protected URI start() {
        engine = RunningEngine.start(engineName());
        return engine.uri();
    }

    /** The local engine serving this store (default: the store id). */
    protected String engineName() {
        return storeId();
    }

    @Override
    public Store store() {
        return store;
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public double scale() {
        return SCALE;
    }

    @BeforeAll
    void openAndLoad() {
        uri = start();
        store = Stores.open(new StoreConfig(storeId(), uri, TIMEOUT));
        DatasetLoader.load(store, DatasetLoader.counting(new TpchSource(SCALE)), true);
    }

    @AfterAll
    void closeStore() {
        try {
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
