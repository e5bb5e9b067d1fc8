package dev.dbx.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.FieldSet;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.KeyValueSemantics;
import dev.dbx.core.capability.KeyValueSession;
import dev.dbx.core.capability.NativeBulkLoad;
import dev.dbx.core.capability.ServerResources;
import dev.dbx.core.capability.Sink;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.dataset.YcsbSchema;
import dev.dbx.core.store.Capability;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.Stores;
import dev.dbx.engine.Ports;
import dev.dbx.store.testkit.StoreContractIT;
import dev.dbx.workloads.dataset.TpchSource;
import dev.dbx.workloads.dataset.YcsbData;
import dev.dbx.workloads.dataset.YcsbSource;
import dev.dbx.workloads.load.DatasetLoader;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.File;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store contract against a real Redis server (Debian's redis-server 7.0 when installed, else the 6.2 binary from
 * embedded-redis), plus what is Redis's own: the documented key scheme, the secondary sorted sets giving exactly the
 * rows a scan of the generator gives, and a drop that removes every dbx key and nothing else.
 */
class RedisContractIT extends StoreContractIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private RedisClient rawClient;
    private StatefulRedisConnection<String, String> rawConnection;

    @Override
    protected String storeId() {
        return "redis";
    }

    @Override
    protected String expectedProduct() {
        return "Redis";
    }

    @Override
    protected Set<Class<? extends Capability>> expectedCapabilities() {
        return Set.of(DatasetModel.class, KeyValue.class, NativeBulkLoad.class, ServerResources.class, Sink.class);
    }

    /** Customer 1's comment rewritten in its hash, as any client could. */
    @Override
    protected Entity changeOneValue() {
        assertThat(redis().hset("tpch:customer:1", "c_comment", "changed behind dbx's back"))
                .as("the field existed")
                .isFalse();
        return TpchSchema.CUSTOMER;
    }

    /** Order 1's hash deleted and its id taken out of the orders' id set. */
    @Override
    protected Entity deleteOneRow() {
        assertThat(redis().del("tpch:orders:1")).isEqualTo(1);
        assertThat(redis().zrem("tpch:orders", "1")).isEqualTo(1);
        return TpchSchema.ORDERS;
    }

    /**
     * Supplier 7's hash copied to a second key whose id is written {@code 07}, and that id added to the id set: a
     * sorted set cannot hold one member twice, so a faulty writer doubles a row by spelling its key differently. The
     * id reads back as the integer 7, so a scan gives the same canonical row twice.
     */
    @Override
    protected Entity duplicateOneRow() {
        Map<String, String> row = redis().hgetall("tpch:supplier:7");
        assertThat(row).isNotEmpty();
        redis().hset("tpch:supplier:07", row);
        assertThat(redis().zadd("tpch:supplier", 7, "07")).isEqualTo(1);
        return TpchSchema.SUPPLIER;
    }

    @Override
    protected URI deadUri() {
        return URI.create("redis://:secret@127.0.0.1:" + Ports.freeRange(1) + "/0");
    }

    /** A plain Lettuce connection to the test server, to look at the keys as any other client would. */
    private RedisCommands<String, String> redis() {
        if (rawConnection == null) {
            rawClient = RedisClient.create(RedisURI.create(serverUri()));
            rawConnection = rawClient.connect();
        }
        return rawConnection.sync();
    }

    private URI serverUri() {
        return engine().orElseThrow().uri();
    }

    @AfterAll
    void closeRawConnection() {
        if (rawClient != null) {
            rawConnection.close();
            rawClient.shutdown();
        }
    }

    /** Loads TPC-H unless it is there already (the tests from 100 on do not rely on the contract's state). */
    private void loadTpch() {
        if (!store().require(DatasetModel.class).isLoaded(TpchSchema.DATASET)) {
            DatasetLoader.load(store(), DatasetLoader.counting(new TpchSource(0.01)), true);
        }
    }

    private static void forEachRow(Entity entity, Consumer<Object[]> action) {
        try (RowStream rows = new TpchSource(0.01).rows(entity)) {
            rows.forEachRemaining(action);
        }
    }

    @Test
    @Order(100)
    void dateRangeSortedSetsGiveExactlyTheRowsOfTheRange() {
        loadTpch();
        LocalDate from = LocalDate.parse("1995-01-01");
        LocalDate to = LocalDate.parse("1995-03-31");
        Range<Number> days = Range.create(from.toEpochDay(), to.toEpochDay());

        Set<String> orders = new HashSet<>();
        int date = TpchSchema.ORDERS.indexOf("o_orderdate");
        forEachRow(TpchSchema.ORDERS, row -> {
            LocalDate d = (LocalDate) row[date];
            if (!d.isBefore(from) && !d.isAfter(to)) {
                orders.add(row[0].toString());
            }
        });
        assertThat(orders).hasSizeGreaterThan(100);
        assertThat(redis().zrangebyscore("tpch:orders:by_date", days)).containsExactlyInAnyOrderElementsOf(orders);

        Set<String> lines = new HashSet<>();
        int shipdate = TpchSchema.LINEITEM.indexOf("l_shipdate");
        forEachRow(TpchSchema.LINEITEM, row -> {
            LocalDate d = (LocalDate) row[shipdate];
            if (!d.isBefore(from) && !d.isAfter(to)) {
                lines.add(row[0] + ":" + row[3]);
            }
        });
        assertThat(redis().zrangebyscore("tpch:lineitem:by_shipdate", days)).containsExactlyInAnyOrderElementsOf(lines);
    }

    @Test
    @Order(101)
    void topCustomersByBalanceMatchAScanOfTheCustomers() {
        loadTpch();
        List<BigDecimal> balances = new ArrayList<>();
        int acctbal = TpchSchema.CUSTOMER.indexOf("c_acctbal");
        forEachRow(TpchSchema.CUSTOMER, row -> balances.add((BigDecimal) row[acctbal]));
        balances.sort(Comparator.reverseOrder());

        List<ScoredValue<String>> top = redis().zrevrangeWithScores("tpch:customer:by_acctbal", 0, 9);
        assertThat(top).hasSize(10);
        for (int i = 0; i < top.size(); i++) {
            ScoredValue<String> customer = top.get(i);
            assertThat(BigDecimal.valueOf(customer.getScore()).setScale(2))
                    .as("balance of the number %d customer", i + 1)
                    .isEqualByComparingTo(balances.get(i));
            // the member is a customer id whose hash holds the exact balance
            assertThat(redis().hget("tpch:customer:" + customer.getValue(), "c_acctbal"))
                    .isEqualTo(balances.get(i).toPlainString());
        }
    }

    @Test
    @Order(102)
    void aCustomersOrdersAndAnOrdersLinesComeFromTheirSortedSets() {
        loadTpch();
        Map<Long, List<String>> ordersOfCustomer = new LinkedHashMap<>();
        forEachRow(
                TpchSchema.ORDERS,
                row -> ordersOfCustomer
                        .computeIfAbsent((Long) row[1], k -> new ArrayList<>())
                        .add(row[0].toString()));
        long customer = ordersOfCustomer.keySet().iterator().next();
        assertThat(redis().zrange("tpch:orders:by_customer:" + customer, 0, -1))
                .containsExactlyInAnyOrderElementsOf(ordersOfCustomer.get(customer));
        assertThat(redis().zcard("tpch:orders:by_customer:0"))
                .as("customer 0 does not exist")
                .isZero();

        List<String> linesOfOrder7 = new ArrayList<>();
        forEachRow(TpchSchema.LINEITEM, row -> {
            if ((Long) row[0] == 7L) {
                linesOfOrder7.add("7:" + row[3]);
            }
        });
        assertThat(linesOfOrder7).isNotEmpty();
        assertThat(redis().zrangebyscore("tpch:lineitem", Range.create(7, 7))).containsExactlyElementsOf(linesOfOrder7);
    }

    @Test
    @Order(103)
    void rowsAreHashesOfCanonicalTextUnderTheDocumentedKeys() {
        loadTpch();
        Object[][] first = new Object[1][];
        try (RowStream rows = new TpchSource(0.01).rows(TpchSchema.LINEITEM)) {
            first[0] = rows.next();
        }
        Object[] line = first[0];
        String key = "tpch:lineitem:" + line[0] + ":" + line[3];
        assertThat(redis().type(key)).isEqualTo("hash");
        Map<String, String> hash = redis().hgetall(key);
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < line.length; i++) {
            String column = TpchSchema.LINEITEM.columns().get(i).name();
            if (!TpchSchema.LINEITEM.primaryKey().contains(column)) {
                expected.put(column, line[i] instanceof BigDecimal d ? d.toPlainString() : line[i].toString());
            }
        }
        assertThat(hash).isEqualTo(expected);
        assertThat(hash.get("l_quantity")).matches("\\d+\\.\\d\\d");
        assertThat(hash.get("l_shipdate")).matches("\\d{4}-\\d\\d-\\d\\d");

        for (Entity entity : TpchSchema.DATASET.entities()) {
            assertThat(redis().type("tpch:" + entity.name()))
                    .as("id set of %s", entity.name())
                    .isEqualTo("zset");
        }
        assertThat(redis().zscore("tpch:lineitem", line[0] + ":" + line[3])).isEqualTo(((Long) line[0]).doubleValue());

        DatasetLoader.load(store(), DatasetLoader.counting(new YcsbSource(20)), true);
        String ycsbKey = YcsbData.key(0);
        assertThat(redis().zscore("ycsb:usertable", ycsbKey)).isZero();
        assertThat(redis().hgetall("ycsb:usertable:" + ycsbKey)).isEqualTo(YcsbData.record(ycsbKey, 0));
    }

    @Test
    @Order(104)
    void sessionWritesKeepTheHashAndTheKeySetTogether() {
        DatasetLoader.load(store(), DatasetLoader.counting(new YcsbSource(20)), true);
        KeyValue kv = store().require(KeyValue.class);
        try (KeyValueSession session = kv.openSession()) {
            String[] values = new String[YcsbSchema.FIELD_COUNT];
            values[0] = "x";
            assertThat(session.update("user-missing", FieldSet.one(0), values)).isFalse();
            assertThat(redis().exists("ycsb:usertable:user-missing"))
                    .as("an update creates nothing")
                    .isZero();

            session.insert("user-new", YcsbData.values("user-new", 0));
            assertThat(redis().zscore("ycsb:usertable", "user-new")).isZero();
            assertThat(redis().hgetall("ycsb:usertable:user-new")).isEqualTo(YcsbData.record("user-new", 0));
            assertThat(session.delete("user-new")).isTrue();
            assertThat(redis().zscore("ycsb:usertable", "user-new")).isNull();
            assertThat(redis().exists("ycsb:usertable:user-new")).isZero();

            // keys are binary-safe in RESP: a key holding a protocol line ending stays one key
            String odd = "user\r\nFLUSHALL\r\n";
            session.insert(odd, YcsbData.values(odd, 0));
            String[] read = new String[YcsbSchema.FIELD_COUNT];
            assertThat(session.read(odd, FieldSet.all(), read)).isTrue();
            assertThat(read).containsExactly(YcsbData.values(odd, 0));
            assertThat(redis().zcard("ycsb:usertable")).isEqualTo(21);
            assertThat(session.delete(odd)).isTrue();

            String[] missing = new String[YcsbSchema.FIELD_COUNT];
            missing[3] = null;
            assertThatThrownBy(() -> session.insert("user-null", missing))
                    .isInstanceOf(DbxException.class)
                    .hasMessageContaining("insert of user-null");
            assertThat(redis().exists("ycsb:usertable:user-null")).isZero();

            String first = redis().zrange("ycsb:usertable", 0, 0).get(0);
            session.scan(
                    first,
                    1,
                    FieldSet.all(),
                    (key, fields) -> assertThat(fields).doesNotContainNull());
            session.scan(first, 1, FieldSet.one(0), (key, fields) -> {
                assertThat(fields[0]).isEqualTo(YcsbData.value(key, "field0", 0));
                assertThat(fields[1])
                        .as("not asked for, and not the previous scan's")
                        .isNull();
            });
        }
    }

    @Test
    @Order(108)
    void theSemanticsAreTheServersOwnPersistenceSettings() {
        KeyValueSemantics semantics = store().require(KeyValue.class).semantics();
        assertThat(semantics.update()).isEqualTo(KeyValueSemantics.Update.ATOMIC);
        String appendonly = redis().configGet("appendonly").get("appendonly");
        String appendfsync = redis().configGet("appendfsync").get("appendfsync");
        assertThat(semantics.durability()).startsWith("appendonly=" + appendonly);
        if (appendonly.equals("yes")) {
            assertThat(semantics.durability()).contains("appendfsync=" + appendfsync);
        }
        // the setting cannot be changed here to see it asked again (RedisDurabilityTest does that): the lab's Redis
        // denies CONFIG SET to dbx's user
        assertThatThrownBy(() -> redis().configSet("appendfsync", "always")).hasMessageContaining("NOPERM");
    }

    @Test
    @Order(109)
    void existingKeysAreLookedUpInTheIdSetsWithCompositeAndTextKeys() {
        loadTpch();
        DatasetLoader.load(store(), DatasetLoader.counting(new YcsbSource(20)), true);
        DatasetModel model = store().require(DatasetModel.class);
        List<List<Object>> keys = new ArrayList<>();
        for (long part = 1; part <= 2_500; part++) {
            keys.add(List.of(part, part % 100 + 1));
        }
        // partsupp of part p holds suppliers (p + i * (S/4 + (p-1)/S)) % S + 1 for i 0..3: p % 100 + 1 is i = 0
        assertThat(model.existingKeys(TpchSchema.DATASET, TpchSchema.PARTSUPP, keys))
                .as("more keys than one batch, the parts past 2,000 missing")
                .hasSize(2_000)
                .allMatch(k -> (Long) k.get(0) <= 2_000);
        assertThat(model.existingKeys(
                        YcsbSchema.DATASET,
                        YcsbSchema.USERTABLE,
                        List.of(List.of(YcsbData.key(3)), List.of("user-not-there"))))
                .containsExactly(List.of(YcsbData.key(3)));
    }

    @Test
    @Order(105)
    void dropRemovesEveryDbxKeyAndNothingElse() {
        loadTpch();
        DatasetLoader.load(store(), DatasetLoader.counting(new YcsbSource(100)), true);
        RedisCommands<String, String> redis = redis();
        Set<String> foreign = Set.of("tpch", "ycsb", "tpchx:orders", "app:tpch:orders:1", "usertable:user1");
        for (String key : foreign) {
            redis.set(key, "another application's");
        }
        redis.select(1);
        redis.set("tpch:orders:1", "another database's");
        redis.select(0);

        DatasetModel model = store().require(DatasetModel.class);
        model.drop(TpchSchema.DATASET);
        model.drop(YcsbSchema.DATASET);

        assertThat(allKeys(redis)).containsExactlyInAnyOrderElementsOf(foreign);
        assertThat(model.isLoaded(TpchSchema.DATASET)).isFalse();
        redis.select(1);
        assertThat(redis.get("tpch:orders:1")).isEqualTo("another database's");
        redis.del("tpch:orders:1");
        redis.select(0);
        redis.del(foreign.toArray(String[]::new));
    }

    @Test
    @Order(106)
    void aPrefixAndADatabaseNumberKeepTheDatasetApart() {
        URI uri = URI.create(serverUri() + "/2?prefix=lab1:");
        try (Store other = Stores.open("redis", uri, TIMEOUT)) {
            DatasetLoader.load(other, DatasetLoader.counting(new YcsbSource(50)), true);
            DatasetModel model = other.require(DatasetModel.class);
            assertThat(model.count(YcsbSchema.DATASET, YcsbSchema.USERTABLE)).isEqualTo(50);
            assertThat(model.isLoaded(YcsbSchema.DATASET)).isTrue();
            assertThat(store().require(DatasetModel.class).isLoaded(YcsbSchema.DATASET))
                    .as("database 0 without prefix does not see it")
                    .isFalse();
            RedisCommands<String, String> redis = redis();
            redis.select(2);
            try {
                assertThat(allKeys(redis)).hasSize(51).allMatch(k -> k.startsWith("lab1:ycsb:usertable"));
                model.drop(YcsbSchema.DATASET);
                assertThat(allKeys(redis)).isEmpty();
            } finally {
                redis.select(0);
            }
        }
    }

    @Test
    @Order(107)
    void badCredentialsAndAMissingDatabaseGetClearErrors() {
        URI server = serverUri();
        String hostPort = server.getHost() + ":" + server.getPort();
        String secret = server.getUserInfo().substring(server.getUserInfo().indexOf(':') + 1);
        assertThatThrownBy(() -> Stores.open("redis", URI.create(server + "/99999"), TIMEOUT))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("has no such database")
                .hasMessageNotContaining(secret);

        for (String refused : List.of(
                "redis://dbx:not-the-lab-secret@" + hostPort, // wrong password
                "redis://" + hostPort, // none: NOAUTH
                "redis://:" + secret + "@" + hostPort, // the default user, which is off
                "redis://default:" + secret + "@" + hostPort)) {
            assertThatThrownBy(() -> Stores.open("redis", URI.create(refused), TIMEOUT))
                    .as(refused.replace(secret, "<secret>"))
                    .isInstanceOf(DbxException.class)
                    .hasMessageContaining("refused the credentials")
                    .hasMessageNotContaining(secret)
                    .hasMessageNotContaining("not-the-lab-secret");
        }
        try (Store authenticated = Stores.open("redis", server, TIMEOUT)) {
            assertThat(authenticated.identity().product()).isEqualTo("Redis");
        }
    }

    /**
     * redis-cli --pipe logs in as the URI's user with the password in REDISCLI_AUTH (not on its command line, where
     * {@code ps} would show it), and the benchmark's preparation works on a server that denies CONFIG SET.
     */
    @Test
    @Order(110)
    void theNativeLoaderLogsInAndTheBenchmarkPreparationNeedsNoConfigSet(@TempDir Path work) {
        assumeTrue(
                Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                        .anyMatch(dir -> Files.isExecutable(Path.of(dir, "redis-cli"))),
                "redis-cli is not installed (Debian: redis-tools)");
        NativeBulkLoad bulk = store().require(NativeBulkLoad.class);
        DatasetModel model = store().require(DatasetModel.class);
        model.drop(TpchSchema.DATASET);
        bulk.beforeRun();
        assertThat(redis().configGet("auto-aof-rewrite-percentage"))
                .as("the lab's Redis runs with automatic rewrites off")
                .containsEntry("auto-aof-rewrite-percentage", "0");
        model.create(TpchSchema.DATASET);
        Path file;
        try (RowStream rows = new TpchSource(0.01).rows(TpchSchema.NATION)) {
            file = bulk.prepareNative(TpchSchema.DATASET, TpchSchema.NATION, work.resolve("nation.tbl"), rows, work);
        }
        bulk.loadNative(TpchSchema.DATASET, TpchSchema.NATION, file);
        assertThat(model.count(TpchSchema.DATASET, TpchSchema.NATION)).isEqualTo(25);
        bulk.afterRuns();
        model.drop(TpchSchema.DATASET);
    }

    private static Set<String> allKeys(RedisCommands<String, String> redis) {
        Set<String> keys = new TreeSet<>();
        ScanIterator.scan(redis, ScanArgs.Builder.limit(1000)).forEachRemaining(keys::add);
        return keys;
    }
}
