package dev.dbx.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
        Set<String> held = secondaryMembers();
        assertThat(difference(held, secondaryMembers(script().expected())))
                .as("members held that should not be, and members missing")
                .isEmpty();
        // the same comparison tells sets that did not follow the changes
        assertThat(difference(held, secondaryMembers(new TpchSource(SCALE)))).isNotEmpty();
    }

    /** What only one side holds, each member marked with the side: "+" held only, "-" missing. */
    private static Set<String> difference(Set<String> held, Set<String> expected) {
        Set<String> difference = new TreeSet<>();
        held.stream().filter(m -> !expected.contains(m)).forEach(m -> difference.add("+ " + m));
        expected.stream().filter(m -> !held.contains(m)).forEach(m -> difference.add("- " + m));
        return difference;
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

    @Test
    @Order(7)
    void anOrderWithoutTheCustomerItsSetIsNamedByIsRefusedBeforeAnythingOfTheBatchIsSent() {
        Entity region = TpchSchema.REGION;
        Entity orders = TpchSchema.ORDERS;
        Object[] renamed = {3L, "NOT APPLIED", "refused with its batch"};
        Object[] order = firstOrder();
        order[orders.indexOf("o_custkey")] = null;
        assertThatThrownBy(() -> store().require(Sink.class)
                        .apply(
                                TpchSchema.DATASET,
                                List.of(Change.upsert(region, renamed), Change.upsert(orders, order))))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("orders")
                .hasMessageContaining("o_custkey");
        assertThat(redis().hget("tpch:region:3", "r_name")).isNotEqualTo("NOT APPLIED");
    }

    private Object[] firstOrder() {
        try (RowStream rows = script().expected().rows(TpchSchema.ORDERS)) {
            return rows.next().clone();
        }
    }

    /** Every member of TPC-H's secondary sorted sets as the server holds it: "key member score". */
    private Set<String> secondaryMembers() {
        Set<String> members = new HashSet<>();
        for (SecondaryIndex index : SecondaryIndexes.of(TpchSchema.DATASET).all()) {
            String pattern = "tpch:" + index.entity().name() + ":by_*";
            ScanIterator<String> keys =
                    ScanIterator.scan(redis(), ScanArgs.Builder.matches(pattern).limit(1_000));
            while (keys.hasNext()) {
                String key = keys.next();
                for (ScoredValue<String> member : redis().zrangeWithScores(key, 0, -1)) {
                    members.add(key + " " + member.getValue() + " " + member.getScore());
                }
            }
        }
        return members;
    }

    /** The members of the secondary sorted sets a load of {@code source} writes. */
    private static Set<String> secondaryMembers(DatasetSource source) {
        Set<String> members = new HashSet<>();
        KeyScheme keys = new KeyScheme("");
        for (SecondaryIndex index : SecondaryIndexes.of(TpchSchema.DATASET).all()) {
            Entity entity = index.entity();
            EntityLayout layout = EntityLayout.of(entity);
            String prefix = keys.secondaryPrefix(TpchSchema.DATASET, entity);
            try (RowStream rows = source.rows(entity)) {
                while (rows.hasNext()) {
                    Object[] row = rows.next();
                    members.add(index.key(prefix, row) + " " + layout.id(row) + " " + index.score(row));
                }
            }
        }
        return members;
    }

    private RedisCommands<String, String> redis() {
        if (rawConnection == null) {
            rawClient = RedisClient.create(RedisURI.create(uri()));
            rawConnection = rawClient.connect();
        }
        return rawConnection.sync();
    }
}
