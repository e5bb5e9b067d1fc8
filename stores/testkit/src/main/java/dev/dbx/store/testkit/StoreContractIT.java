package dev.dbx.store.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.dataset.Checksum;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.dataset.YcsbSchema;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.Stores;
import dev.dbx.engine.RunningEngine;
import dev.dbx.workloads.dataset.TpchSource;
import dev.dbx.workloads.dataset.YcsbData;
import dev.dbx.workloads.dataset.YcsbSource;
import dev.dbx.workloads.load.DatasetLoader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The contract every store passes against a real server, written once: identity, a clear and quick error from a dead
 * server, schema create/drop, TPC-H SF 0.01 row counts, checksums equal to the generator's (so equal across all
 * stores), YCSB read-your-write/update/delete/ordered scan, and refusal to load twice without replace. A store module
 * runs it with a small {@code <Store>ContractIT extends StoreContractIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class StoreContractIT {
    /** TPC-H SF 0.01 row counts, as published: region, nation, supplier, customer, part, partsupp, orders, lineitem. */
    private static final Map<String, Long> TPCH_SF001 = tpchCounts();

    private static final int YCSB_RECORDS = 1000;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private RunningEngine engine;
    private Store store;

    /** The store under test. */
    protected abstract String storeId();

    /** The product the server must report, e.g. "PostgreSQL". */
    protected abstract String expectedProduct();

    /**
     * Makes a server (or file) ready and returns the URI to open. The default starts the store's local engine; embedded
     * stores return a file URI.
     */
    protected URI start() {
        engine = RunningEngine.start(engineName());
        return engine.uri();
    }

    /** The local engine serving this store (default: the store id). */
    protected String engineName() {
        return storeId();
    }

    /** A URI of this store's kind where nothing answers (or which cannot be opened). */
    protected abstract URI deadUri();

    protected Store store() {
        return store;
    }

    @BeforeAll
    void openStore() {
        URI uri = start();
        store = Stores.open(storeId(), uri, TIMEOUT);
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
    void reportsTheIdentityOfTheServerItReached() {
        ServerIdentity identity = store.identity();
        assertThat(identity.product()).isEqualTo(expectedProduct());
        assertThat(identity.version()).isNotBlank().containsPattern("\\d");
    }

    @Test
    @Order(2)
    void aDeadServerGivesAClearErrorQuickly() {
        assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> assertThatThrownBy(() -> {
                            try (Store dead = Stores.open(storeId(), deadUri(), Duration.ofSeconds(3))) {
                                dead.identity();
                            }
                        })
                        .isInstanceOf(DbxException.class)
                        .hasMessageNotContaining("secret"));
    }

    @Test
    @Order(3)
    void schemaCreateAndDropAreHarmlessToRepeat() {
        DatasetModel model = store.require(DatasetModel.class);
        for (Dataset dataset : List.of(TpchSchema.DATASET, YcsbSchema.DATASET)) {
            model.drop(dataset);
            model.drop(dataset);
            model.create(dataset);
            model.create(dataset);
            assertThat(model.isLoaded(dataset))
                    .as("%s is empty after create", dataset.name())
                    .isFalse();
            model.drop(dataset);
            assertThat(model.isLoaded(dataset)).isFalse();
        }
    }

    @Test
    @Order(4)
    void loadsTpchWithTheRightCountsAndChecksums() {
        TpchSource source = new TpchSource(0.01);
        DatasetLoader.Result result = DatasetLoader.load(store, DatasetLoader.counting(source), true);
        DatasetModel model = store.require(DatasetModel.class);
        assertThat(model.isLoaded(source.dataset())).isTrue();
        for (Entity entity : source.dataset().entities()) {
            long expected = TPCH_SF001.get(entity.name());
            assertThat(result.rows().get(entity.name()))
                    .as("rows of %s taken from the source", entity.name())
                    .isEqualTo(expected);
            assertThat(model.count(source.dataset(), entity))
                    .as("count of %s", entity.name())
                    .isEqualTo(expected);
            assertSameChecksum(model, source, entity);
        }
    }

    @Test
    @Order(5)
    void refusesToLoadAgainWithoutReplaceAndReloadsCleanlyWithIt() {
        TpchSource source = new TpchSource(0.01);
        assertThatThrownBy(() -> DatasetLoader.load(store, DatasetLoader.counting(source), false))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("already holds the tpch dataset")
                .satisfies(e -> assertThat(((DbxException) e).hint()).contains("--replace"));

        DatasetLoader.load(store, DatasetLoader.counting(source), true);
        DatasetModel model = store.require(DatasetModel.class);
        for (Entity entity : source.dataset().entities()) {
            assertThat(model.count(source.dataset(), entity))
                    .as("count of %s after a reload", entity.name())
                    .isEqualTo(TPCH_SF001.get(entity.name()));
        }
        assertSameChecksum(model, source, TpchSchema.LINEITEM);
    }

    @Test
    @Order(6)
    void loadsYcsbWithTheRightChecksum() {
        YcsbSource source = new YcsbSource(YCSB_RECORDS);
        DatasetLoader.load(store, DatasetLoader.counting(source), true);
        DatasetModel model = store.require(DatasetModel.class);
        assertThat(model.count(source.dataset(), YcsbSchema.USERTABLE)).isEqualTo(YCSB_RECORDS);
        assertSameChecksum(model, source, YcsbSchema.USERTABLE);
    }

    @Test
    @Order(7)
    void keyValueReadsItsWritesUpdatesDeletesAndScansInKeyOrder() {
        KeyValue kv = store.require(KeyValue.class);
        String k0 = YcsbData.key(0);

        assertThat(kv.read(k0, Set.of())).contains(YcsbData.record(k0, 0));
        assertThat(kv.read(k0, Set.of("field3"))).contains(Map.of("field3", YcsbData.value(k0, "field3", 0)));
        assertThat(kv.read("user-no-such-key", Set.of())).isEmpty();

        String fresh = "user-contract-fresh";
        kv.insert(fresh, YcsbData.record(fresh, 0));
        assertThat(kv.read(fresh, Set.of())).contains(YcsbData.record(fresh, 0));

        String updated = YcsbData.value(k0, "field1", 1);
        assertThat(kv.update(k0, Map.of("field1", updated))).isTrue();
        Map<String, String> expected = new LinkedHashMap<>(YcsbData.record(k0, 0));
        expected.put("field1", updated);
        assertThat(kv.read(k0, Set.of())).contains(expected);
        assertThat(kv.update("user-no-such-key", Map.of("field1", updated))).isFalse();

        assertThat(kv.delete(fresh)).isTrue();
        assertThat(kv.read(fresh, Set.of())).isEmpty();
        assertThat(kv.delete(fresh)).isFalse();

        List<String> keys = new ArrayList<>();
        for (int i = 0; i < YCSB_RECORDS; i++) {
            keys.add(YcsbData.key(i));
        }
        keys.sort(String::compareTo);
        int from = 100;
        List<KeyValue.Record> scanned = kv.scan(keys.get(from), 10, Set.of());
        assertThat(scanned).extracting(KeyValue.Record::key).containsExactlyElementsOf(keys.subList(from, from + 10));
        for (KeyValue.Record record : scanned) {
            Map<String, String> want = record.key().equals(k0) ? expected : YcsbData.record(record.key(), 0);
            assertThat(record.fields()).isEqualTo(want);
        }
        // a start key between two stored keys begins at the next one
        String between = keys.get(from) + "0";
        assertThat(kv.scan(between, 1, Set.of("field0"))).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(keys.get(from + 1));
            assertThat(r.fields()).containsOnlyKeys("field0");
        });
    }

    @Test
    @Order(8)
    void dropRemovesTheDataset() {
        DatasetModel model = store.require(DatasetModel.class);
        model.drop(TpchSchema.DATASET);
        model.drop(YcsbSchema.DATASET);
        assertThat(model.isLoaded(TpchSchema.DATASET)).isFalse();
        assertThat(model.isLoaded(YcsbSchema.DATASET)).isFalse();
    }

    private static void assertSameChecksum(DatasetModel model, DatasetSource source, Entity entity) {
        Checksum expected = Checksum.of(entity, source.rows(entity));
        Checksum actual = Checksum.of(model, source.dataset(), entity);
        assertThat(actual.count()).as("rows of %s scanned back", entity.name()).isEqualTo(expected.count());
        assertThat(actual.value())
                .as("checksum of %s (canonical rows as the generator made them)", entity.name())
                .isEqualTo(expected.value());
    }

    private static Map<String, Long> tpchCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("region", 5L);
        counts.put("nation", 25L);
        counts.put("supplier", 100L);
        counts.put("customer", 1_500L);
        counts.put("part", 2_000L);
        counts.put("partsupp", 8_000L);
        counts.put("orders", 15_000L);
        counts.put("lineitem", 60_175L);
        return counts;
    }

    /** For subclasses whose engine is already at hand. */
    protected Optional<RunningEngine> engine() {
        return Optional.ofNullable(engine);
    }
}
