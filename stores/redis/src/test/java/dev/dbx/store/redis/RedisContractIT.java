package dev.dbx.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.dataset.YcsbSchema;
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
import java.math.BigDecimal;
import java.net.URI;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

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

    private void loadTpch() {
        DatasetLoader.load(store(), DatasetLoader.counting(new TpchSource(0.01)), true);
    }

    private static void forEachRow(Entity entity, Consumer<Object[]> action) {
        try (RowStream rows = new TpchSource(0.01).rows(entity)) {
            rows.forEachRemaining(action);
        }
    }

    @Test
    @Order(20)
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
    @Order(21)
    void topCustomersByBalanceMatchAScanOfTheCustomers() {
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
    @Order(22)
    void aCustomersOrdersAndAnOrdersLinesComeFromTheirSortedSets() {
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
    @Order(23)
    void rowsAreHashesOfCanonicalTextUnderTheDocumentedKeys() {
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
    @Order(24)
    void keyValueWritesKeepTheHashAndTheKeySetTogether() {
        KeyValue kv = store().require(KeyValue.class);
        assertThat(kv.update("user-missing", Map.of("field0", "x"))).isFalse();
        assertThat(redis().exists("ycsb:usertable:user-missing"))
                .as("an update creates nothing")
                .isZero();

        kv.insert("user-new", YcsbData.record("user-new", 0));
        assertThat(redis().zscore("ycsb:usertable", "user-new")).isZero();
        assertThat(kv.delete("user-new")).isTrue();
        assertThat(redis().zscore("ycsb:usertable", "user-new")).isNull();
        assertThat(redis().exists("ycsb:usertable:user-new")).isZero();

        assertThatThrownBy(() -> kv.read(YcsbData.key(0), Set.of("field0\r\nFLUSHALL")))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("usertable has no field");
        assertThatThrownBy(() -> kv.update(YcsbData.key(0), Map.of("nofield", "x")))
                .isInstanceOf(DbxException.class);
    }

    @Test
    @Order(25)
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
        redis.flushdb();
        redis.select(0);
        redis.del(foreign.toArray(String[]::new));
    }

    @Test
    @Order(26)
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
    @Order(27)
    void badCredentialsAndAMissingDatabaseGetClearErrors() {
        String hostPort = serverUri().getAuthority();
        assertThatThrownBy(() -> Stores.open("redis", URI.create("redis://" + hostPort + "/99999"), TIMEOUT))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("has no such database");

        RedisCommands<String, String> redis = redis();
        redis.configSet("requirepass", "right-one");
        try {
            assertThatThrownBy(() -> Stores.open("redis", URI.create("redis://:secret@" + hostPort), TIMEOUT))
                    .isInstanceOf(DbxException.class)
                    .hasMessageContaining("refused the credentials")
                    .hasMessageNotContaining("secret");
            assertThatThrownBy(() -> Stores.open("redis", URI.create("redis://" + hostPort), TIMEOUT))
                    .isInstanceOf(DbxException.class)
                    .hasMessageNotContaining("right-one");
            try (Store authenticated = Stores.open("redis", URI.create("redis://:right-one@" + hostPort), TIMEOUT)) {
                assertThat(authenticated.identity().product()).isEqualTo("Redis");
            }
        } finally {
            redis.configSet("requirepass", "");
        }
    }

    private static Set<String> allKeys(RedisCommands<String, String> redis) {
        Set<String> keys = new TreeSet<>();
        ScanIterator.scan(redis, ScanArgs.Builder.limit(1000)).forEachRemaining(keys::add);
        return keys;
    }
}
