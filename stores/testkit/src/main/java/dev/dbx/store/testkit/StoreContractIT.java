package dev.dbx.store.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.FieldSet;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.KeyValueSemantics;
import dev.dbx.core.capability.KeyValueSession;
import dev.dbx.core.dataset.Checksum;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.dataset.YcsbSchema;
import dev.dbx.core.store.Capability;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import dev.dbx.core.store.Stores;
import dev.dbx.engine.RunningEngine;
import dev.dbx.sync.verify.EntityCheck;
import dev.dbx.sync.verify.StoreCheck;
import dev.dbx.sync.verify.Verifier;
import dev.dbx.sync.verify.VerifyReport;
import dev.dbx.workloads.dataset.TpchSource;
import dev.dbx.workloads.dataset.YcsbData;
import dev.dbx.workloads.dataset.YcsbSource;
import dev.dbx.workloads.load.DatasetLoader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The contract every store passes against a real server, written once: identity, a clear and quick error from a dead
 * server, the capabilities it declares (and no others), schema create/drop, TPC-H SF 0.01 row counts, checksums equal
 * to the generator's (so equal across all stores), {@code dbx verify}'s comparison catching a value changed, a row
 * deleted and a row duplicated through the engine's own client, keyed lookups, YCSB sessions (read-your-write, update,
 * delete, ordered scan, several threads at once), and refusal to load twice without replace. A store module runs it
 * with a small {@code <Store>ContractIT extends StoreContractIT}; its own tests take orders from 100 on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class StoreContractIT {
    /** TPC-H SF 0.01 row counts, as published: region, nation, supplier, customer, part, partsupp, orders, lineitem. */
    protected static final Map<String, Long> TPCH_SF001 = tpchCounts();

    protected static final double SCALE = 0.01;
    protected static final int YCSB_RECORDS = 1000;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Sessions the concurrency test runs at once; the store is opened with a pool of exactly this many. */
    private static final int SESSIONS = 4;

    private RunningEngine engine;
    private URI uri;
    private Store store;
    private final Set<String> tampered = new TreeSet<>();

    /** The store under test. */
    protected abstract String storeId();

    /** The product the server must report, e.g. "PostgreSQL". */
    protected abstract String expectedProduct();

    /**
     * The capabilities this store hands out, exactly: a store lacking an optional one says so here instead of faking
     * it, and the tests of a capability it lacks are skipped.
     */
    protected abstract Set<Class<? extends Capability>> expectedCapabilities();

    /**
     * Changes one value of one loaded TPC-H row through the engine's own client (its driver used directly, not dbx's
     * store), and returns the entity it changed. The three tampering hooks must each touch a different entity.
     */
    protected abstract Entity changeOneValue() throws Exception;

    /** Deletes one loaded TPC-H row through the engine's own client, and returns its entity. */
    protected abstract Entity deleteOneRow() throws Exception;

    /**
     * Stores one loaded TPC-H row a second time through the engine's own client (getting past a unique key if the
     * engine has one, as a faulty sync would), and returns its entity.
     */
    protected abstract Entity duplicateOneRow() throws Exception;

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

    /** Where the server under test is (for the tampering hooks, which connect with the engine's own client). */
    protected URI uri() {
        return uri;
    }

    @BeforeAll
    void openStore() {
        uri = start();
        store = Stores.open(new StoreConfig(storeId(), uri, TIMEOUT).withPoolSize(SESSIONS));
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
    void handsOutExactlyTheCapabilitiesItDeclares() {
        assertThat(store.capabilities().types()).containsExactlyInAnyOrderElementsOf(expectedCapabilities());
        for (Class<? extends Capability> type : expectedCapabilities()) {
            Object capability = store.require(type);
            assertThat(capability)
                    .as("%s is an object of its own, not the store", type.getSimpleName())
                    .isNotSameAs(store);
        }
    }

    @Test
    @Order(4)
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
    @Order(10)
    void loadsTpchWithTheRightCountsAndChecksums() {
        TpchSource source = new TpchSource(SCALE);
        DatasetLoader.Result result = DatasetLoader.load(store, DatasetLoader.counting(source), true);
        DatasetModel model = store.require(DatasetModel.class);
        assertThat(model.isLoaded(source.dataset())).isTrue();
        assertThat(result.loadMethod()).isNotBlank();
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
    @Order(11)
    void verifyFindsTheLoadedDatasetEqualToTheGeneratedOne() {
        VerifyReport report = verify();
        assertThat(report.differences()).isEmpty();
        assertThat(report.equal()).isTrue();
    }

    @Test
    @Order(12)
    void verifyCatchesAValueChangedThroughTheEnginesOwnClient() throws Exception {
        Entity entity = changeOneValue();
        assertVerifyFinds(entity, "same row count (" + TPCH_SF001.get(entity.name()) + ") but different values");
    }

    @Test
    @Order(13)
    void verifyCatchesARowDeletedThroughTheEnginesOwnClient() throws Exception {
        Entity entity = deleteOneRow();
        assertVerifyFinds(
                entity,
                (TPCH_SF001.get(entity.name()) - 1) + " rows, generated has " + TPCH_SF001.get(entity.name())
                        + " (-1)");
    }

    @Test
    @Order(14)
    void verifyCatchesARowDuplicatedThroughTheEnginesOwnClient() throws Exception {
        Entity entity = duplicateOneRow();
        assertVerifyFinds(
                entity,
                (TPCH_SF001.get(entity.name()) + 1) + " rows, generated has " + TPCH_SF001.get(entity.name())
                        + " (+1)");
    }

    @Test
    @Order(20)
    void refusesToLoadAgainWithoutReplaceAndReloadsCleanlyWithIt() {
        TpchSource source = new TpchSource(SCALE);
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
        tampered.clear();
        assertThat(verify().differences()).as("after the reload").isEmpty();
    }

    @Test
    @Order(21)
    void findsExistingKeysByLookup() {
        DatasetModel model = store.require(DatasetModel.class);
        Dataset tpch = TpchSchema.DATASET;
        assertThat(model.existingKeys(tpch, TpchSchema.CUSTOMER, List.of(List.of(1L), List.of(1500L), List.of(1501L))))
                .containsExactlyInAnyOrder(List.of(1L), List.of(1500L));
        Entity lineitem = TpchSchema.LINEITEM;
        // order 1 has six line items; order 2 has one
        assertThat(model.existingKeys(
                        tpch, lineitem, List.of(List.of(1L, 1L), List.of(1L, 6L), List.of(1L, 7L), List.of(2L, 2L))))
                .containsExactlyInAnyOrder(List.of(1L, 1L), List.of(1L, 6L));
        assertThat(model.existingKeys(tpch, TpchSchema.NATION, List.of())).isEmpty();
    }

    @Test
    @Order(30)
    void loadsYcsbWithTheRightChecksum() {
        YcsbSource source = new YcsbSource(YCSB_RECORDS);
        DatasetLoader.load(store, DatasetLoader.counting(source), true);
        DatasetModel model = store.require(DatasetModel.class);
        assertThat(model.count(source.dataset(), YcsbSchema.USERTABLE)).isEqualTo(YCSB_RECORDS);
        assertSameChecksum(model, source, YcsbSchema.USERTABLE);
    }

    @Test
    @Order(31)
    void aKeyValueSessionReadsItsWritesUpdatesDeletesAndScansInKeyOrder() {
        KeyValue kv = keyValue();
        String k0 = YcsbData.key(0);
        try (KeyValueSession session = kv.openSession()) {
            String[] values = new String[YcsbSchema.FIELD_COUNT];
            assertThat(session.read(k0, FieldSet.all(), values)).isTrue();
            assertThat(values).containsExactly(YcsbData.values(k0, 0));

            String[] one = new String[YcsbSchema.FIELD_COUNT];
            assertThat(session.read(k0, FieldSet.one(3), one)).isTrue();
            assertThat(one[3]).isEqualTo(YcsbData.value(k0, "field3", 0));
            assertThat(one[2]).as("fields not asked for stay as they were").isNull();

            String[] untouched = new String[YcsbSchema.FIELD_COUNT];
            assertThat(session.read("user-no-such-key", FieldSet.all(), untouched))
                    .isFalse();
            assertThat(untouched).containsOnlyNulls();

            String fresh = "user-contract-fresh";
            session.insert(fresh, YcsbData.values(fresh, 0));
            assertThat(session.read(fresh, FieldSet.all(), values)).isTrue();
            assertThat(values).containsExactly(YcsbData.values(fresh, 0));

            String[] update = new String[YcsbSchema.FIELD_COUNT];
            update[1] = YcsbData.value(k0, "field1", 1);
            update[8] = YcsbData.value(k0, "field8", 1);
            assertThat(session.update(k0, FieldSet.named(List.of("field1", "field8")), update))
                    .isTrue();
            String[] expected = YcsbData.values(k0, 0);
            expected[1] = update[1];
            expected[8] = update[8];
            assertThat(session.read(k0, FieldSet.all(), values)).isTrue();
            assertThat(values).containsExactly(expected);
            assertThat(session.update("user-no-such-key", FieldSet.one(1), update))
                    .isFalse();

            assertThat(session.delete(fresh)).isTrue();
            assertThat(session.read(fresh, FieldSet.all(), values)).isFalse();
            assertThat(session.delete(fresh)).isFalse();

            List<String> keys = sortedKeys();
            int from = 100;
            List<String> scanned = new ArrayList<>();
            int n = session.scan(keys.get(from), 10, FieldSet.all(), (key, fields) -> {
                scanned.add(key);
                String[] want = key.equals(k0) ? expected : YcsbData.values(key, 0);
                assertThat(fields).as("fields of %s", key).containsExactly(want);
            });
            assertThat(n).isEqualTo(10);
            assertThat(scanned).containsExactlyElementsOf(keys.subList(from, from + 10));

            // a start key between two stored keys begins at the next one
            String between = keys.get(from) + "0";
            List<String> next = new ArrayList<>();
            session.scan(between, 1, FieldSet.one(0), (key, fields) -> {
                next.add(key);
                assertThat(fields[0]).isEqualTo(YcsbData.value(key, "field0", 0));
            });
            assertThat(next).containsExactly(keys.get(from + 1));
        }
    }

    @Test
    @Order(32)
    void sessionsOnSeveralThreadsAtOnceEachSeeTheirOwnWrites() throws Exception {
        KeyValue kv = keyValue();
        List<Callable<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < SESSIONS; t++) {
            int worker = t;
            workers.add(() -> {
                int done = 0;
                try (KeyValueSession session = kv.openSession()) {
                    String[] values = new String[YcsbSchema.FIELD_COUNT];
                    for (int i = 0; i < 50; i++) {
                        String key = YcsbData.key(worker * 50 + i);
                        String[] update = new String[YcsbSchema.FIELD_COUNT];
                        update[worker] = YcsbData.value(key, YcsbSchema.FIELDS.get(worker), 2);
                        assertThat(session.update(key, FieldSet.one(worker), update))
                                .isTrue();
                        assertThat(session.read(key, FieldSet.one(worker), values))
                                .isTrue();
                        assertThat(values[worker]).isEqualTo(update[worker]);
                        done++;
                    }
                }
                return done;
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(SESSIONS)) {
            List<Future<Integer>> results = pool.invokeAll(workers);
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(50);
            }
        }
    }

    @Test
    @Order(33)
    void declaresItsKeyValueSemantics() {
        KeyValueSemantics semantics = keyValue().semantics();
        assertThat(semantics.durability()).isNotBlank();
        assertThat(semantics.conflicts()).isNotBlank();
        assertThat(semantics.update()).isNotNull();
    }

    @Test
    @Order(40)
    void dropRemovesTheDataset() {
        DatasetModel model = store.require(DatasetModel.class);
        model.drop(TpchSchema.DATASET);
        model.drop(YcsbSchema.DATASET);
        assertThat(model.isLoaded(TpchSchema.DATASET)).isFalse();
        assertThat(model.isLoaded(YcsbSchema.DATASET)).isFalse();
    }

    /** The usertable's keys, in key order. */
    protected static List<String> sortedKeys() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < YCSB_RECORDS; i++) {
            keys.add(YcsbData.key(i));
        }
        keys.sort(String::compareTo);
        return keys;
    }

    private KeyValue keyValue() {
        assumeTrue(expectedCapabilities().contains(KeyValue.class), storeId() + " has no KeyValue capability");
        return store.require(KeyValue.class);
    }

    /** What {@code dbx verify} computes, with the dataset as generated for the reference. */
    private VerifyReport verify() {
        return Verifier.verify(new TpchSource(SCALE), List.of(store));
    }

    /**
     * Verify must now find {@code entity} different in this store, with {@code detail} in its line, every entity
     * changed before still different, and every other entity still equal.
     */
    private void assertVerifyFinds(Entity entity, String detail) {
        assertThat(tampered)
                .as("each tampering hook touches an entity of its own")
                .doesNotContain(entity.name());
        tampered.add(entity.name());
        VerifyReport report = verify();
        assertThat(report.equal()).isFalse();
        StoreCheck check = report.stores().get(1);
        assertThat(check.store()).isEqualTo(storeId());
        Set<String> different = new LinkedHashSet<>();
        for (EntityCheck e : check.entities()) {
            assertThat(e.error()).as("error reading %s", e.entity()).isNull();
            if (!e.matches()) {
                different.add(e.entity());
            }
        }
        assertThat(different).containsExactlyInAnyOrderElementsOf(tampered);
        assertThat(report.differences())
                .anySatisfy(line -> assertThat(line)
                        .startsWith(storeId() + " " + entity.name() + ":")
                        .contains(detail));
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
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
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
    protected java.util.Optional<RunningEngine> engine() {
        return java.util.Optional.ofNullable(engine);
    }
}
