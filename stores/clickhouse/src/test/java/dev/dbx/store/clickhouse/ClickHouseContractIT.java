package dev.dbx.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.Analytics;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.FieldSet;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.KeyValueSemantics;
import dev.dbx.core.capability.KeyValueSession;
import dev.dbx.core.capability.ServerResources;
import dev.dbx.core.capability.Sink;
import dev.dbx.core.capability.TextSearch;
import dev.dbx.core.dataset.Checksum;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.dataset.YcsbSchema;
import dev.dbx.core.store.Capability;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import dev.dbx.core.store.Stores;
import dev.dbx.engine.Ports;
import dev.dbx.store.testkit.StoreContractIT;
import dev.dbx.workloads.dataset.YcsbData;
import dev.dbx.workloads.dataset.YcsbSource;
import dev.dbx.workloads.load.DatasetLoader;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The store contract against the local ClickHouse (Debian's 18.16 here), with rows changed, deleted and doubled through
 * ClickHouse's HTTP interface directly (mutations and an INSERT ... SELECT), then what is particular to ClickHouse: the
 * usertable's versions and tombstones, values that look like SQL, the MergeTree model, the semantics and pool it
 * declares, the URI's database and credentials.
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
    protected Set<Class<? extends Capability>> expectedCapabilities() {
        return Set.of(
                DatasetModel.class,
                KeyValue.class,
                ServerResources.class,
                Analytics.class,
                TextSearch.class,
                Sink.class);
    }

    /** Customer 1's comment rewritten by a mutation (ALTER TABLE ... UPDATE, awaited). */
    @Override
    protected Entity changeOneValue() throws Exception {
        mutate("customer", "UPDATE c_comment = 'changed behind dbx''s back' WHERE c_custkey = 1");
        return TpchSchema.CUSTOMER;
    }

    /** Order 1 deleted by a mutation (ALTER TABLE ... DELETE, awaited). */
    @Override
    protected Entity deleteOneRow() throws Exception {
        mutate("orders", "DELETE WHERE o_orderkey = 1");
        return TpchSchema.ORDERS;
    }

    /**
     * Part 7 copied under a key no part has. Part 7 inserted again under its own key is stored twice, yet read once:
     * the tables are ReplacingMergeTrees sorted by the key and the scan reads with FINAL (one version per key), so
     * under its own key a row cannot be doubled in what verify reads; an extra row is what it can meet.
     */
    @Override
    protected Entity duplicateOneRow() throws Exception {
        post("INSERT INTO part SELECT * FROM part WHERE p_partkey = 7 LIMIT 1");
        assertThat(post("SELECT count() FROM part WHERE p_partkey = 7").strip())
                .as("stored twice")
                .isEqualTo("2");
        assertThat(post("SELECT count() FROM part FINAL WHERE p_partkey = 7").strip())
                .as("read once")
                .isEqualTo("1");
        post("INSERT INTO part SELECT p_partkey + 1000000, p_name, p_mfgr, p_brand, p_type, p_size, p_container,"
                + " p_retailprice, p_comment, _version, _deleted FROM part WHERE p_partkey = 7 LIMIT 1");
        return TpchSchema.PART;
    }

    /** Runs a mutation of {@code table} and waits until system.mutations says it is done (they run in the background). */
    private void mutate(String table, String command) throws Exception {
        post("ALTER TABLE " + table + " " + command);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!post("SELECT count() FROM system.mutations WHERE database = currentDatabase() AND table = '" + table
                        + "' AND is_done = 0")
                .strip()
                .equals("0")) {
            assertThat(System.nanoTime())
                    .as("mutation of %s done in time", table)
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** One statement POSTed to the server's HTTP interface with the JDK's client: ClickHouse's own way in. */
    private String post(String statement) throws IOException, InterruptedException {
        URI server = uri();
        String database = server.getPath().replaceAll("^/+|/+$", "");
        String credentials = URLDecoder.decode(server.getRawUserInfo(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://" + server.getHost() + ":" + server.getPort() + "/?database=" + database))
                .timeout(TIMEOUT)
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(statement, StandardCharsets.UTF_8))
                .build();
        try (HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode())
                    .as("%s: %s", statement, response.body())
                    .isEqualTo(200);
            return response.body();
        }
    }

    @Override
    protected URI deadUri() {
        return URI.create("clickhouse://dbx:secret@127.0.0.1:" + Ports.freeRange(1) + "/default");
    }

    private ClickHouseSql sql() {
        return ((ClickHouseStore) store()).sql();
    }

    /** The server with {@code userInfo} ("user:password"; the engine's own, dbx and the lab's secret, when null). */
    private URI uri(String userInfo, String database) {
        URI base = engine().orElseThrow().uri();
        if (userInfo == null) {
            userInfo = base.getRawUserInfo();
        }
        return URI.create("clickhouse://" + (userInfo == null ? "" : userInfo + "@") + base.getHost() + ":"
                + base.getPort() + "/" + database);
    }

    private List<String> sortedYcsbKeys() {
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

    private static String[] values(String key, int version) {
        return YcsbData.values(key, version);
    }

    @Test
    @Order(100)
    void anUpdateIsReadBackAtOnceAndStaysAfterTheVersionsAreMerged() {
        loadYcsb();
        String key = YcsbData.key(7);
        String[] expected = values(key, 0);
        String[] read = new String[YcsbSchema.FIELD_COUNT];
        try (KeyValueSession session = store().require(KeyValue.class).openSession()) {
            for (int version = 1; version <= 3; version++) {
                String[] update = new String[YcsbSchema.FIELD_COUNT];
                update[4] = YcsbData.value(key, "field4", version);
                assertThat(session.update(key, FieldSet.one(4), update)).isTrue();
                expected[4] = update[4];
                assertThat(session.read(key, FieldSet.all(), read)).isTrue();
                assertThat(read).as("read after update %d", version).containsExactly(expected);
            }
            long parts = Long.parseLong(sql().value(
                            "counting parts",
                            "SELECT count() FROM system.parts WHERE database = currentDatabase() AND table ="
                                    + " 'usertable' AND active"));
            assertThat(parts)
                    .as("the updates are separate parts, not merged yet")
                    .isGreaterThan(1);

            sql().execute("merging", "OPTIMIZE TABLE usertable FINAL", TIMEOUT);

            assertThat(session.read(key, FieldSet.all(), read)).isTrue();
            assertThat(read).containsExactly(expected);
        }
        DatasetModel model = store().require(DatasetModel.class);
        assertThat(model.count(YcsbSchema.DATASET, YcsbSchema.USERTABLE)).isEqualTo(RECORDS);
        assertThat(Long.parseLong(sql().value("counting versions", "SELECT count() FROM usertable")))
                .as("the merge kept one version per key")
                .isEqualTo(RECORDS);
    }

    @Test
    @Order(101)
    void aDeletedKeyIsGoneFromReadsScansCountsAndLookupsUntilItIsInsertedAgain() {
        loadYcsb();
        DatasetModel model = store().require(DatasetModel.class);
        List<String> keys = sortedYcsbKeys();
        String gone = keys.get(50);
        try (KeyValueSession session = store().require(KeyValue.class).openSession()) {
            String[] values = new String[YcsbSchema.FIELD_COUNT];
            assertThat(session.delete(gone)).isTrue();
            assertThat(session.delete(gone)).isFalse();
            values[0] = "x";
            assertThat(session.update(gone, FieldSet.one(0), values)).isFalse();
            assertThat(session.read(gone, FieldSet.all(), new String[YcsbSchema.FIELD_COUNT]))
                    .isFalse();
            // a scan across the tombstone still fills its page with live records
            assertThat(scanKeys(session, keys.get(48), 5))
                    .containsExactly(keys.get(48), keys.get(49), keys.get(51), keys.get(52), keys.get(53));
            assertThat(scanKeys(session, gone, 1)).containsExactly(keys.get(51));
            assertThat(model.count(YcsbSchema.DATASET, YcsbSchema.USERTABLE)).isEqualTo(RECORDS - 1);
            assertThat(model.existingKeys(
                            YcsbSchema.DATASET, YcsbSchema.USERTABLE, List.of(List.of(gone), List.of(keys.get(49)))))
                    .as("a tombstone is no key")
                    .containsExactly(List.of(keys.get(49)));
            List<Object> scanned = new ArrayList<>();
            model.scan(YcsbSchema.DATASET, YcsbSchema.USERTABLE, row -> scanned.add(row[0]));
            assertThat(scanned).hasSize(RECORDS - 1).doesNotContain(gone);

            sql().execute("merging", "OPTIMIZE TABLE usertable FINAL", TIMEOUT);
            assertThat(session.read(gone, FieldSet.all(), values))
                    .as("the tombstone outlives the merge")
                    .isFalse();

            session.insert(gone, values(gone, 9));
            assertThat(session.read(gone, FieldSet.all(), values)).isTrue();
            assertThat(values).containsExactly(values(gone, 9));
            assertThat(model.count(YcsbSchema.DATASET, YcsbSchema.USERTABLE)).isEqualTo(RECORDS);
            assertThat(scanKeys(session, keys.get(keys.size() - 1), 10))
                    .as("a scan past the last key ends with the table")
                    .containsExactly(keys.get(keys.size() - 1));
        }
    }

    private static List<String> scanKeys(KeyValueSession session, String from, int count) {
        List<String> keys = new ArrayList<>();
        session.scan(from, count, FieldSet.one(0), (key, fields) -> keys.add(key));
        return keys;
    }

    @Test
    @Order(102)
    void keysAndValuesThatLookLikeSqlAreStoredAsTheyAre() {
        loadYcsb();
        String key = "user'); DROP TABLE usertable; --\\'";
        String[] fields = values(key, 0);
        fields[0] = "tab\there, new\nline, back\\slash, quote' \"double\", nul\0, ünïcödé ✓";
        fields[1] = "";
        fields[2] = "\\N";
        try (KeyValueSession session = store().require(KeyValue.class).openSession()) {
            session.insert(key, fields);

            String[] read = new String[YcsbSchema.FIELD_COUNT];
            assertThat(session.read(key, FieldSet.all(), read)).isTrue();
            assertThat(read).containsExactly(fields);
            assertThat(session.read("x' OR '1'='1", FieldSet.all(), new String[YcsbSchema.FIELD_COUNT]))
                    .isFalse();
            List<String> scanned = new ArrayList<>();
            session.scan(key, 1, FieldSet.one(0), (k, values) -> {
                scanned.add(k);
                assertThat(values[0]).isEqualTo(fields[0]);
            });
            assertThat(scanned).containsExactly(key);
            session.scan(
                    key, 1, FieldSet.all(), (k, values) -> assertThat(values).containsExactly(fields));
            session.scan(
                    key,
                    1,
                    FieldSet.one(0),
                    (k, values) -> assertThat(values[1])
                            .as("not asked for, and not the previous scan's")
                            .isNull());
        }
        DatasetModel model = store().require(DatasetModel.class);
        assertThat(model.count(YcsbSchema.DATASET, YcsbSchema.USERTABLE)).isEqualTo(RECORDS + 1);
        assertThat(model.existingKeys(YcsbSchema.DATASET, YcsbSchema.USERTABLE, List.of(List.of(key))))
                .containsExactly(List.of(key));
    }

    @Test
    @Order(103)
    void declaresReadThenWriteAndTheServersOwnFsyncSettings() {
        KeyValueSemantics semantics = store().require(KeyValue.class).semantics();
        assertThat(semantics.update()).isEqualTo(KeyValueSemantics.Update.READ_THEN_WRITE);
        assertThat(semantics.conflicts()).startsWith("last version wins");
        List<String[]> afterInsert = sql().rows(
                        "reading a setting",
                        "SELECT value FROM system.merge_tree_settings WHERE name = 'fsync_after_insert'",
                        1);
        if (afterInsert.isEmpty()) {
            assertThat(semantics.durability()).startsWith("no fsync_after_insert setting on this server");
        } else {
            assertThat(semantics.durability())
                    .startsWith("fsync_after_insert=" + afterInsert.get(0)[0]);
        }
        String metadata =
                sql().value("reading a setting", "SELECT value FROM system.settings WHERE name = 'fsync_metadata'");
        assertThat(semantics.durability()).contains("fsync_metadata=" + metadata);
    }

    @Test
    @Order(104)
    void theHttpPoolIsAsLargeAsTheConfigurationAsks() {
        assertThat(sql().maxConnections())
                .as("the contract opens its store with a pool of 4")
                .isEqualTo(4);
        URI uri = uri(null, "default");
        try (Store other = Stores.open(new StoreConfig(storeId(), uri, TIMEOUT))) {
            assertThat(((ClickHouseStore) other).sql().maxConnections())
                    .as("the default")
                    .isEqualTo(16);
        }
        try (Store other = Stores.open(new StoreConfig(storeId(), uri, TIMEOUT).withPoolSize(40))) {
            assertThat(((ClickHouseStore) other).sql().maxConnections()).isEqualTo(40);
        }
    }

    @Test
    @Order(105)
    void theTablesAreReplacingMergeTreesSortedByTheirKeys() {
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
        assertThat(engines)
                .containsEntry("lineitem", "ReplacingMergeTree")
                .containsEntry("region", "ReplacingMergeTree")
                .containsEntry("usertable", "ReplacingMergeTree");
        assertThat(sortingKeys)
                .containsEntry("lineitem", "l_orderkey, l_linenumber")
                .containsEntry("orders", "o_orderkey")
                .containsEntry("customer", "c_custkey")
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
    @Order(106)
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
    @Order(107)
    void badCredentialsGiveAClearErrorWithoutThePassword() {
        URI server = engine().orElseThrow().uri();
        String secret = server.getUserInfo().substring(server.getUserInfo().indexOf(':') + 1);
        List<URI> refused = List.of(
                uri("nobody:secret", "default"),
                uri("dbx:not-the-lab-secret", "default"),
                uri("default:", "default"), // the local engine has no default user
                uri("default:" + secret, "default"),
                URI.create("clickhouse://" + server.getHost() + ":" + server.getPort() + "/default")); // none
        for (URI uri : refused) {
            try (Store wrong = Stores.open(storeId(), uri, TIMEOUT)) {
                assertThatThrownBy(wrong::identity)
                        .as(
                                "%s",
                                uri.getUserInfo() == null
                                        ? "no credentials"
                                        : uri.getUserInfo().replace(secret, "<secret>"))
                        .isInstanceOf(DbxException.class)
                        .hasMessageContaining("refused the credentials")
                        .hasMessageNotContaining("secret")
                        .hasMessageNotContaining(secret)
                        .satisfies(e -> assertThat(((DbxException) e).hint()).contains("user and password"));
            }
        }
    }

    @Test
    @Order(108)
    void anUnknownDatabaseIsNamedInTheError() {
        try (Store wrong = Stores.open(storeId(), uri(null, "no_such_db"), TIMEOUT)) {
            assertThatThrownBy(wrong::identity)
                    .isInstanceOf(DbxException.class)
                    .hasMessageContaining("has no database 'no_such_db'");
        }
    }
}
