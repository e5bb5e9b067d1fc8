package dev.dbx.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.Uris;
import dev.dbx.core.capability.NewOrder;
import dev.dbx.core.capability.OrderChange;
import dev.dbx.core.capability.OrderEntry;
import dev.dbx.core.capability.OrderEntryData;
import dev.dbx.core.capability.OrderEntrySession;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import dev.dbx.core.store.Stores;
import dev.dbx.engine.RunningEngine;
import dev.dbx.workloads.dataset.TpchSource;
import dev.dbx.workloads.load.DatasetLoader;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Order entry on a real PostgreSQL 17 with TPC-H SF 0.01 loaded through the store: each call changes what it says, as
 * TPC-H's rules ask (checked through pgjdbc, not through the store), and new order keys stay above every key.
 */
class PostgresOrderEntryIT {
    private static final NewOrder.Line LINE =
            new NewOrder.Line(7, 2, 10, new BigDecimal("0.05"), new BigDecimal("0.02"), 3, "AIR", "NONE", "first line");

    @Test
    void everyOperationChangesWhatItSaysAndNewKeysStayAboveTheTables() throws Exception {
        try (RunningEngine pg = RunningEngine.start("postgres");
                Store store = Stores.open(new StoreConfig("postgres", pg.uri(), Duration.ofSeconds(10)))) {
            URI uri = pg.uri();
            OrderEntry entry = store.require(OrderEntry.class);
            assertThatThrownBy(entry::prepare)
                    .isInstanceOf(DbxException.class)
                    .hasMessageContaining("postgres has no TPC-H tables")
                    .satisfies(e -> assertThat(((DbxException) e).userMessage())
                            .contains("dbx load --dataset tpch --stores postgres"));

            DatasetLoader.load(store, DatasetLoader.counting(new TpchSource(0.01)), false);
            OrderEntryData data = entry.prepare();
            assertThat(data.orders()).isEqualTo(15_000);
            assertThat(data.highestOrderKey()).isEqualTo(60_000);
            assertThat(data.customers()).isEqualTo(1_500);
            assertThat(data.nations()).isEqualTo(25);

            try (OrderEntrySession session = entry.openSession();
                    Connection jdbc = connect(uri);
                    Statement sql = jdbc.createStatement()) {
                NewOrder order = new NewOrder(
                        100,
                        LocalDate.of(1995, 3, 1),
                        "2-HIGH",
                        "Clerk#000000001",
                        "entered",
                        List.of(
                                LINE,
                                LINE,
                                new NewOrder.Line(
                                        9, 0, 1, BigDecimal.ZERO, BigDecimal.ZERO, 1, "MAIL", "NONE", "third line")));
                OrderChange entered = session.newOrder(order);
                assertThat(entered.orderKey()).isEqualTo(60_001);
                assertThat(entered).isEqualTo(new OrderChange(60_001, 1, 3));
                assertThat(long1(
                                sql,
                                "SELECT count(*) FROM lineitem l JOIN part p ON p.p_partkey = l.l_partkey"
                                        + " WHERE l_orderkey = 60001 AND l_extendedprice = l_quantity * p_retailprice"))
                        .isEqualTo(3);
                assertThat(totalPriceIsItsLines(sql, 60_001)).isTrue();
                // the part's third supplier (in key order): the foreign key to partsupp holds
                assertThat(long1(sql, "SELECT l_suppkey FROM lineitem WHERE l_orderkey = 60001 AND l_linenumber = 1"))
                        .isEqualTo(long1(
                                sql,
                                "SELECT ps_suppkey FROM partsupp WHERE ps_partkey = 7"
                                        + " ORDER BY ps_suppkey OFFSET 2 LIMIT 1"));

                // a line changed: the order's total no longer adds up (the check can say no), until updated
                OrderChange line = session.changeLine(60_001, 4, 20, new BigDecimal("0.10"));
                assertThat(line).isEqualTo(new OrderChange(60_001, 0, 1));
                assertThat(string1(
                                sql,
                                "SELECT l_quantity || ' ' || l_discount FROM lineitem"
                                        + " WHERE l_orderkey = 60001 AND l_linenumber = 2"))
                        .isEqualTo("20.00 0.10"); // 1 + 4 % 3 lines
                assertThat(totalPriceIsItsLines(sql, 60_001)).isFalse();
                assertThat(session.updateOrder(60_001, "P", "5-LOW")).isEqualTo(new OrderChange(60_001, 1, 0));
                assertThat(totalPriceIsItsLines(sql, 60_001)).isTrue();
                assertThat(string1(sql, "SELECT o_orderstatus || o_orderpriority FROM orders WHERE o_orderkey = 60001"))
                        .isEqualTo("P5-LOW");

                // keys drawn between orders: the next one at or above (TPC-H's keys 8..31 are unused)
                int linesOf32 = (int) long1(sql, "SELECT count(*) FROM lineitem WHERE l_orderkey = 32");
                assertThat(session.cancelOrder(8)).isEqualTo(new OrderChange(32, 1, linesOf32));
                assertThat(long1(
                                sql,
                                "SELECT count(*) FROM lineitem WHERE l_orderkey = 32"
                                        + " AND l_returnflag = 'R' AND l_linestatus = 'F'"))
                        .isEqualTo(linesOf32);
                assertThat(string1(sql, "SELECT o_orderstatus FROM orders WHERE o_orderkey = 32"))
                        .isEqualTo("F");
                assertThat(session.deleteOrder(32)).isEqualTo(new OrderChange(32, 1, linesOf32));
                assertThat(long1(sql, "SELECT count(*) FROM lineitem WHERE l_orderkey = 32"))
                        .isZero();
                assertThat(session.deleteOrder(32).orderKey()).isEqualTo(33);
                assertThat(session.updateOrder(60_002, "O", "1-URGENT")).isEqualTo(OrderChange.NONE);

                // a customer moved to nation 5: its phone's country code follows (15); without a nation, kept
                assertThat(session.changeCustomer(
                                10, "Somewhere 1", "123-456-7890", new BigDecimal("-12.34"), "BUILDING", 5))
                        .isTrue();
                assertThat(string1(
                                sql,
                                "SELECT c_nationkey || ' ' || c_phone || ' ' || c_acctbal || ' '"
                                        + " || c_mktsegment FROM customer WHERE c_custkey = 10"))
                        .isEqualTo("5 15-123-456-7890 -12.34 BUILDING");
                assertThat(session.changeCustomer(10, "Elsewhere", "222-333-4444", BigDecimal.ONE, "MACHINERY", null))
                        .isTrue();
                assertThat(string1(sql, "SELECT c_nationkey || ' ' || c_phone FROM customer WHERE c_custkey = 10"))
                        .isEqualTo("5 15-222-333-4444");
                assertThat(session.changeCustomer(99_999, "x", "1", BigDecimal.ONE, "BUILDING", null))
                        .isFalse();

                // an order loaded later with a higher key: the next run's new keys start above it, and a second
                // prepare while keys are taken does not move the sequence back
                sql.execute("INSERT INTO orders SELECT 70000, o_custkey, o_orderstatus, o_totalprice, o_orderdate,"
                        + " o_orderpriority, o_clerk, o_shippriority, o_comment FROM orders WHERE o_orderkey = 1");
                entry.prepare();
                assertThat(session.newOrder(order).orderKey()).isEqualTo(70_001);
                entry.prepare();
                assertThat(session.newOrder(order).orderKey()).isEqualTo(70_002);

                // a failed transaction changes nothing: an order for a customer that does not exist
                long before = long1(sql, "SELECT count(*) FROM orders");
                NewOrder orphan =
                        new NewOrder(99_999, LocalDate.of(1995, 3, 1), "2-HIGH", "Clerk#000000001", "x", List.of(LINE));
                assertThatThrownBy(() -> session.newOrder(orphan))
                        .isInstanceOf(DbxException.class)
                        .hasMessageContaining("postgres: new order failed")
                        .hasMessageContaining("orders_customer_fk");
                assertThat(long1(sql, "SELECT count(*) FROM orders")).isEqualTo(before);
                assertThat(session.newOrder(order).orderKey()).isGreaterThan(70_002);
            }
        }
    }

    private static boolean totalPriceIsItsLines(Statement sql, long order) throws SQLException {
        return long1(
                        sql,
                        "SELECT count(*) FROM orders WHERE o_orderkey = " + order
                                + " AND o_totalprice = (SELECT round(sum(l_extendedprice * (1 + l_tax) * (1 - l_discount)), 2)"
                                + " FROM lineitem WHERE l_orderkey = " + order + ")")
                == 1;
    }

    private static long long1(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            assertThat(rs.next()).as(query).isTrue();
            return rs.getLong(1);
        }
    }

    private static String string1(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            assertThat(rs.next()).as(query).isTrue();
            return rs.getString(1);
        }
    }

    /** pgjdbc straight to the server, not through dbx's store. */
    private static Connection connect(URI uri) throws SQLException {
        String url = "jdbc:postgresql://" + Uris.host(uri, "127.0.0.1") + ":" + Uris.port(uri, 5432) + "/"
                + Uris.database(uri, "postgres");
        return DriverManager.getConnection(url, Uris.user(uri, "postgres"), Uris.password(uri, null));
    }
}
