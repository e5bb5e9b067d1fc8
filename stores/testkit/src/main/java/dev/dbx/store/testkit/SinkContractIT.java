package dev.dbx.store.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.capability.Sink;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import dev.dbx.core.store.Stores;
import dev.dbx.engine.RunningEngine;
import dev.dbx.sync.verify.Verifier;
import dev.dbx.sync.verify.VerifyReport;
import dev.dbx.workloads.dataset.TpchSource;
import dev.dbx.workloads.load.DatasetLoader;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The {@link Sink} contract against a real server holding TPC-H SF 0.01: the {@link ChangeScript}'s upserts and deletes
 * of every entity, each batch applied twice (Kafka delivers at least once), leave exactly the rows the script says, as
 * {@code dbx verify} sees them through the store's own scan; and the same verify finds the store different from the
 * unchanged dataset. A store module runs it with a small {@code <Store>SinkIT extends SinkContractIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class SinkContractIT {
    protected static final double SCALE = 0.01;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private RunningEngine engine;
    private URI uri;
    private Store store;
    private final TpchSource generated = new TpchSource(SCALE);
    private final ChangeScript script = new ChangeScript(generated);

    /** The store under test, e.g. "mongo". */
    protected abstract String storeId();

    /** Makes a server (or file) ready and returns the URI to open; the default starts the store's local engine. */
    protected URI start() {
        engine = RunningEngine.start(engineName());
        return engine.uri();
    }

    /** The local engine serving this store (default: the store id). */
    protected String engineName() {
        return storeId();
    }

    protected Store store() {
        return store;
    }

    protected URI uri() {
        return uri;
    }

    protected ChangeScript script() {
        return script;
    }

    @BeforeAll
    void openAndLoad() {
        uri = start();
        store = Stores.open(new StoreConfig(storeId(), uri, TIMEOUT));
        DatasetLoader.load(store, DatasetLoader.counting(generated), true);
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

    @Test
    @Order(1)
    void saysHowItApplies() {
        assertThat(store.require(Sink.class).method()).isNotBlank();
    }

    @Test
    @Order(2)
    void everyEntityTakesUpsertsAndDeletesAppliedTwiceAndHoldsExactlyTheChangedRows() {
        Sink sink = store.require(Sink.class);
        sink.apply(TpchSchema.DATASET, script.first());
        sink.apply(TpchSchema.DATASET, script.first());
        sink.apply(TpchSchema.DATASET, script.second());
        sink.apply(TpchSchema.DATASET, script.second());
        VerifyReport report = Verifier.verify(script.expected(), List.of(store));
        assertThat(report.differences()).as("what verify found different").isEmpty();
        assertThat(report.equal()).isTrue();
    }

    @Test
    @Order(3)
    void verifyFindsEveryChangedEntityDifferentFromTheUnchangedDataset() {
        VerifyReport report = Verifier.verify(generated, List.of(store));
        assertThat(report.equal()).isFalse();
        for (String entity : TpchSchema.DATASET.entityNames()) {
            assertThat(report.differences())
                    .as("verify names %s as changed", entity)
                    .anySatisfy(line -> assertThat(line).startsWith(storeId() + " " + entity + ":"));
        }
    }
}
