package dev.dbx.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.capability.Sink;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.sync.Change;
import dev.dbx.store.testkit.SinkContractIT;
import dev.dbx.workloads.dataset.TpchSource;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The sink contract against a real Redis server, plus what the contract's scans cannot see: the secondary sorted sets
 * follow every change (no stale member left behind, whether or not the change carried the row as it was), and a
 * server that forgot the sink's script gets it again.
 */
class RedisSinkIT extends SinkContractIT {
    private RedisClient rawClient;
    private StatefulRedisConnection<String, String> rawConnection;

    @Override
    protected String storeId() {
        return "redis";
    }

    @AfterAll
    void closeRawConnection() {
        if (rawClient != null) {
            rawConnection.close();
            rawClient.shutdown();
        }
    }

    @Test
    @Order(4)
    void everySecondarySortedSetHoldsExactlyTheChangedRowsScores() {
        Map<String, Map<String, Double>> held = secondarySets();
        assertThat(held).isEqualTo(secondarySets(script().expected()));
        // the same comparison tells a set that did not follow the changes
        assertThat(held).isNotEqualTo(secondarySets(new TpchSource(SCALE)));
    }

    @Test
    @Order(5)
    void anOrderMovedToAnotherCustomerLeavesTheOldCustomersSetAndAKeyOnlyDeleteLeavesEverySet() {
        Entity orders = TpchSchema.ORDERS;
        Object[] order = firstOrder();
        long from = (Long) order[orders.indexOf("o_custkey")];
        long to = from == 1 ? 2 : 1;
        order[orders.indexOf("o_custkey")] = to;
        String id = order[orders.indexOf("o_orderkey")].toString();
        Sink sink = store().require(Sink.class);

        sink.apply(TpchSchema.DATASET, List.of(Change.upsert(orders, order)));
        assertThat(redis().zscore("tpch:orders:by_customer:" + from, id)).isNull();
        assertThat(redis().zscore("tpch:orders:by_customer:" + to, id)).isNotNull();

        sink.apply(TpchSchema.DATASET, List.of(Change.delete(orders, List.of(order[orders.indexOf("o_orderkey")]))));
        assertThat(redis().zscore("tpch:orders:by_customer:" + to, id)).isNull();
        assertThat(redis().zscore("tpch:orders:by_date", id)).isNull();
        assertThat(redis().zscore("tpch:orders", id)).isNull();
        assertThat(redis().exists("tpch:orders:" + id)).isZero();
    }

    @Test
    @Order(6)
    void aServerThatForgotTheScriptIsSentItAgain() {
        Entity region = TpchSchema.REGION;
        Object[] row = {4L, "REGION AFTER FLUSH", "applied after SCRIPT FLUSH"};
        redis().scriptFlush();
        store().require(Sink.class).apply(TpchSchema.DATASET, List.of(Change.upsert(region, row)));
        assertThat(redis().hget("tpch:region:4", "r_name")).isEqualTo("REGION AFTER FLUSH");
    }

    private Object[] firstOrder() {
        try (RowStream rows = script().expected().rows(TpchSchema.ORDERS)) {
            return rows.next().clone();
        }
    }

    /** Every secondary sorted set of TPC-H as the server holds it: key to member to score. */
    private Map<String, Map<String, Double>> secondarySets() {
        Map<String, Map<String, Double>> sets = new TreeMap<>();
        for (SecondaryIndex index : SecondaryIndexes.of(TpchSchema.DATASET).all()) {
            String pattern = "tpch:" + index.entity().name() + ":by_*";
            ScanIterator<String> keys =
                    ScanIterator.scan(redis(), ScanArgs.Builder.matches(pattern).limit(1_000));
            while (keys.hasNext()) {
                String key = keys.next();
                Map<String, Double> members = new TreeMap<>();
                for (ScoredValue<String> member : redis().zrangeWithScores(key, 0, -1)) {
                    members.put(member.getValue(), member.getScore());
                }
                sets.put(key, members);
            }
        }
        return sets;
    }

    /** The secondary sorted sets a load of {@code source} writes. */
    private static Map<String, Map<String, Double>> secondarySets(DatasetSource source) {
        Map<String, Map<String, Double>> sets = new TreeMap<>();
        KeyScheme keys = new KeyScheme("");
        for (SecondaryIndex index : SecondaryIndexes.of(TpchSchema.DATASET).all()) {
            Entity entity = index.entity();
            EntityLayout layout = EntityLayout.of(entity);
            String prefix = keys.secondaryPrefix(TpchSchema.DATASET, entity);
            try (RowStream rows = source.rows(entity)) {
                while (rows.hasNext()) {
                    Object[] row = rows.next();
                    sets.computeIfAbsent(index.key(prefix, row), k -> new TreeMap<>())
                            .put(layout.id(row), index.score(row));
                }
            }
        }
        return sets;
    }

    private RedisCommands<String, String> redis() {
        if (rawConnection == null) {
            rawClient = RedisClient.create(RedisURI.create(uri()));
            rawConnection = rawClient.connect();
        }
        return rawConnection.sync();
    }
}
