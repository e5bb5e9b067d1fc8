package dev.dbx.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.Analytics;
import dev.dbx.core.query.CacheDrop;
import dev.dbx.store.testkit.QueriesContractIT;
import dev.dbx.store.testkit.SearchContract;
import dev.dbx.store.testkit.TpchContract;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The query capabilities against the local ClickHouse (Debian's 18.16 here) holding TPC-H SF 0.01: all 22 queries,
 * rewritten where 18.16 needs it, answer as published; then what is particular to ClickHouse: the server itself stops
 * a query at the timeout, and which caches a cold run empties.
 */
class ClickHouseQueriesIT extends QueriesContractIT implements TpchContract, SearchContract {
    @Override
    public String storeId() {
        return "clickhouse";
    }

    @Override
    public Set<String> unsupportedTpchQueries() {
        return Set.of();
    }

    private ClickHouseAnalytics analytics() {
        return (ClickHouseAnalytics) store().require(Analytics.class);
    }

    private ClickHouseSql sql() {
        return ((ClickHouseStore) store()).sql();
    }

    @Test
    void theServerStopsAQueryAtTheTimeout() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> analytics()
                        .query("an endless count", "SELECT count() FROM system.numbers", Duration.ofSeconds(1)))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("stopped an endless count at its max_execution_time of 1 s");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(seconds)
                .as("stopped by the server, not the client's socket timeout")
                .isLessThan(4);
        assertThat(sql().value(
                                "counting running queries",
                                "SELECT count() FROM system.processes WHERE query LIKE '%system.numbers%'"
                                        + " AND query NOT LIKE '%system.processes%'"))
                .isEqualTo("0");
    }

    @Test
    void valuesComeBackAsPlainTypesWithNulls() {
        var table = analytics()
                .query(
                        "a row of every type",
                        "SELECT toInt32(-7) AS i, toUInt64(8) AS u, toDecimal64('12.34', 2) AS d, toFloat64(0.5) AS f,"
                                + " toDate('1995-03-15') AS day, 'tab\\there' AS s, if(1 = 0, 1, NULL) AS missing,"
                                + " toNullable('N') AS n",
                        Duration.ofSeconds(10));
        assertThat(table.columns()).containsExactly("i", "u", "d", "f", "day", "s", "missing", "n");
        assertThat(table.rows())
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsExactly(
                                -7L,
                                8L,
                                new java.math.BigDecimal("12.34"),
                                0.5,
                                java.time.LocalDate.of(1995, 3, 15),
                                "tab\there",
                                null,
                                "N"));
    }

    @Test
    void aColdRunReadsTheMarksFromDiskAgain() {
        analytics().run("tpch", "q06", Duration.ofSeconds(30));
        long misses = markCacheMisses();
        analytics().run("tpch", "q06", Duration.ofSeconds(30));
        assertThat(markCacheMisses()).as("a hot run finds its marks cached").isEqualTo(misses);

        CacheDrop drop = analytics().dropCaches();
        assertThat(drop.dropped()).contains("ClickHouse's mark cache", "ClickHouse's uncompressed block cache");
        assertThat(drop.kept()).anyMatch(k -> k.startsWith("ClickHouse's primary indexes"));
        analytics().run("tpch", "q06", Duration.ofSeconds(30));
        assertThat(markCacheMisses())
                .as("after the drop, the marks are read again")
                .isGreaterThan(misses);
    }

    private long markCacheMisses() {
        java.util.List<String[]> rows = sql().rows(
                        "reading the mark cache's misses",
                        "SELECT value FROM system.events WHERE event = 'MarkCacheMisses'",
                        1);
        return rows.isEmpty() ? 0 : Long.parseLong(rows.get(0)[0]);
    }

    @Test
    void everyQueryTextSaysHowItWasRewritten() {
        for (int i = 1; i <= 22; i++) {
            String query = String.format("q%02d", i);
            assertThat(analytics().text("tpch", query)).as(query).startsWith("-- TPC-H Q" + i + ",");
        }
        assertThat(analytics().unsupported("tpch", "q23")).isPresent();
    }
}
