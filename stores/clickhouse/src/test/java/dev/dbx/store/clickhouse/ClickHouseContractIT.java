package dev.dbx.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.dataset.Checksum;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.dataset.YcsbSchema;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.Stores;
import dev.dbx.engine.Ports;
import dev.dbx.store.testkit.StoreContractIT;
import dev.dbx.workloads.dataset.YcsbData;
import dev.dbx.workloads.dataset.YcsbSource;
import dev.dbx.workloads.load.DatasetLoader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The store contract against the local ClickHouse (Debian's 18.16 here), then what is particular to ClickHouse: the
 * usertable's versions and tombstones, values that look like SQL, the MergeTree model, the URI's database and
 * credentials.
 */
class ClickHouseContractIT extends StoreContractIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int RECORDS = 200;

    @Override
    protected String storeId() {
        return "clickhouse";
    }

    @Override
    protected String expectedProduct() {
        return "ClickHouse";
    }

    @Override
    protected URI deadUri() {
        return URI.create("clickhouse://dbx:secret@127.0.0.1:" + Ports.freeRange(1) + "/default");
    }

    private ClickHouseSql sql() {
        return ((ClickHouseStore) store()).sql();
    }

    private URI uri(String userInfo, String database) {
        URI base = engine().orElseThrow().uri();
        return URI.create("clickhouse://" + (userInfo == null ? "" : userInfo + "@") + base.getHost() + ":"
                + base.getPort() + "/" + database);
    }

    private List<String> sortedKeys() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            keys.add(YcsbData.key(i));
        }
        keys.sort(String::compareTo);
        return keys;
    }

    private void loadYcsb() {
        DatasetLoader.load(store(), DatasetLoader.counting(new YcsbSource(RECORDS)), true);
    }

    @Test
    void anUpdateIsReadBackAtOnceAndStaysAfterTheVersionsAreMerged() {
        loadYcsb();
        KeyValue kv = store().require(KeyValue.class);
        String key = YcsbData.key(7);
        Map<String, String> expected = new LinkedHashMap<>(YcsbData.record(key, 0));
        for (int version = 1; version <= 3; version++) {
            String value = YcsbData.value(key, "field4", version);
            assertThat(kv.update(key, Map.of("field4", value))).isTrue();
            expected.put("field4", value);
            assertThat(kv.read(key, Set.of()))
                    .as("read after update %d", version)
                    .contains(expected);
        }
        long parts = Long.parseLong(sql().value(
                        "counting parts",
                        "SELECT count() FROM system.parts WHERE database = currentDatabase() AND table = 'usertable'"
                                + " AND active"));
        assertThat(parts).as("the updates are separate parts, not merged yet").isGreaterThan(1);

        sql().execute("merging", "OPTIMIZE TABLE usertable FINAL", TIMEOUT);

        assertThat(kv.read(key, Set.of())).contains(expected);
        DatasetModel model = store().require(DatasetModel.class);
        assertThat(model.count(YcsbSchema.DATASET, YcsbSchema.USERTABLE)).isEqualTo(RECORDS);
        assertThat(Long.parseLong(sql().value("counting versions", "SELECT count() FROM usertable")))
                .as("the merge kept one version per key")
                .isEqualTo(RECORDS);
    }

    @Test
    void aDeletedKeyIsGoneFromReadsScansAndCountsUntilItIsInsertedAgain() {
        loadYcsb();
        KeyValue kv = store().require(KeyValue.class);
        DatasetModel model = store().require(DatasetModel.class);
        List<String> keys = sortedKeys();
        String gone = keys.get(50);

        assertThat(kv.delete(gone)).isTrue();
        assertThat(kv.delete(gone)).isFalse();
        assertThat(kv.update(gone, Map.of("field0", "x"))).isFalse();
        assertThat(kv.read(gone, Set.of())).isEmpty();
        // a scan across the tombstone still fills its page with live records
        assertThat(kv.scan(keys.get(48), 5, Set.of("field0")))
                .extracting(KeyValue.Record::key)
                .containsExactly(keys.get(48), keys.get(49), keys.get(51), keys.get(52), keys.get(53));
        assertThat(kv.scan(gone, 1, Set.of())).extracting(KeyValue.Record::key).containsExactly(keys.get(51));
        assertThat(model.count(YcsbSchema.DATASET, YcsbSchema.USERTABLE)).isEqualTo(RECORDS - 1);
        List<Object> scanned = new ArrayList<>();
        model.scan(YcsbSchema.DATASET, YcsbSchema.USERTABLE, row -> scanned.add(row[0]));
        assertThat(scanned).hasSize(RECORDS - 1).doesNotContain(gone);

        sql().execute("merging", "OPTIMIZE TABLE usertable FINAL", TIMEOUT);
        assertThat(kv.read(gone, Set.of()))
                .as("the tombstone outlives the merge")
                .isEmpty();

        kv.insert(gone, YcsbData.record(gone, 9));
        assertThat(kv.read(gone, Set.of())).contains(YcsbData.record(gone, 9));
        assertThat(model.count(YcsbSchema.DATASET, YcsbSchema.USERTABLE)).isEqualTo(RECORDS);
        assertThat(kv.scan(keys.get(keys.size() - 1), 10, Set.of()))
                .as("a scan past the last key ends with the table")
                .extracting(KeyValue.Record::key)
                .containsExactly(keys.get(keys.size() - 1));
    }

    @Test
    void keysAndValuesThatLookLikeSqlAreStoredAsTheyAre() {
        loadYcsb();
        KeyValue kv = store().require(KeyValue.class);
        String key = "user'); DROP TABLE usertable; --\\'";
        Map<String, String> fields = new LinkedHashMap<>(YcsbData.record(key, 0));
        fields.put("field0", "tab\there, new\nline, back\\slash, quote' \"double\", nul\0, ünïcödé ✓");
        fields.put("field1", "");
        fields.put("field2", "\\N");

        kv.insert(key, fields);

        assertThat(kv.read(key, Set.of())).contains(fields);
        assertThat(kv.read("x' OR '1'='1", Set.of())).isEmpty();
        assertThat(kv.scan(key, 1, Set.of("field0"))).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(key);
            assertThat(r.fields()).containsEntry("field0", fields.get("field0"));
        });
        assertThat(store().require(DatasetModel.class).count(YcsbSchema.DATASET, YcsbSchema.USERTABLE))
                .isEqualTo(RECORDS + 1);
        assertThatThrownBy(() -> kv.read(YcsbData.key(1), Set.of("field0 FROM system.users --")))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("no field");
    }

    @Test
    void theTablesAreMergeTreesSortedForTheQueries() {
        DatasetModel model = store().require(DatasetModel.class);
        model.drop(TpchSchema.DATASET);
        model.create(TpchSchema.DATASET);
        model.create(YcsbSchema.DATASET);
        Map<String, String> sortingKeys = new LinkedHashMap<>();
        Map<String, String> engines = new LinkedHashMap<>();
        sql().query(
                        "reading the model",
                        "SELECT name, engine, sorting_key FROM system.tables WHERE database = currentDatabase()",
                        3,
                        row -> {
                            engines.put(row[0], row[1]);
                            sortingKeys.put(row[0], row[2]);
                        });
        assertThat(engines).containsEntry("lineitem", "MergeTree").containsEntry("usertable", "ReplacingMergeTree");
        assertThat(sortingKeys)
                .containsEntry("lineitem", "l_shipdate, l_orderkey, l_linenumber")
                .containsEntry("orders", "o_orderdate, o_orderkey")
                .containsEntry("customer", "c_mktsegment, c_custkey")
                .containsEntry("partsupp", "ps_partkey, ps_suppkey")
                .containsEntry("usertable", "ycsb_key");
        String moneyType = sql().value(
                        "reading a column type",
                        "SELECT type FROM system.columns WHERE database = currentDatabase() AND table = 'lineitem'"
                                + " AND name = 'l_extendedprice'");
        assertThat(moneyType).isEqualTo("Decimal(15, 2)");
        model.drop(TpchSchema.DATASET);
    }

    @Test
    void theUrisDatabaseHoldsTheTables() {
        sql().execute("creating a database", "CREATE DATABASE IF NOT EXISTS dbx_other", TIMEOUT);
        try (Store other = Stores.open(storeId(), uri(null, "dbx_other"), TIMEOUT)) {
            DatasetModel model = other.require(DatasetModel.class);
            store().require(DatasetModel.class).drop(YcsbSchema.DATASET);
            DatasetLoader.load(other, DatasetLoader.counting(new YcsbSource(10)), true);

            assertThat(model.count(YcsbSchema.DATASET, YcsbSchema.USERTABLE)).isEqualTo(10);
            assertThat(store().require(DatasetModel.class).isLoaded(YcsbSchema.DATASET))
                    .as("nothing landed in the default database")
                    .isFalse();
            assertThat(sql().value("finding the table", "SELECT database FROM system.tables WHERE name = 'usertable'"))
                    .isEqualTo("dbx_other");
            Checksum expected = Checksum.of(YcsbSchema.USERTABLE, new YcsbSource(10).rows(YcsbSchema.USERTABLE));
            assertThat(Checksum.of(model, YcsbSchema.DATASET, YcsbSchema.USERTABLE)
                            .value())
                    .isEqualTo(expected.value());
        } finally {
            sql().execute("dropping a database", "DROP DATABASE IF EXISTS dbx_other", TIMEOUT);
        }
    }

    @Test
    void badCredentialsGiveAClearErrorWithoutThePassword() {
        try (Store wrong = Stores.open(storeId(), uri("nobody:secret", "default"), TIMEOUT)) {
            assertThatThrownBy(wrong::identity)
                    .isInstanceOf(DbxException.class)
                    .hasMessageContaining("refused the credentials")
                    .hasMessageNotContaining("secret")
                    .satisfies(e -> assertThat(((DbxException) e).hint()).contains("user and password"));
        }
    }

    @Test
    void anUnknownDatabaseIsNamedInTheError() {
        try (Store wrong = Stores.open(storeId(), uri(null, "no_such_db"), TIMEOUT)) {
            assertThatThrownBy(wrong::identity)
                    .isInstanceOf(DbxException.class)
                    .hasMessageContaining("has no database 'no_such_db'");
        }
    }
}
