package dev.dbx.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.query.CacheDrop;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Finding a query's text and turning values plain, without an engine (the stores' QueriesITs run them for real). */
class SqlAnalyticsTest {
    /** Queries from src/test/resources/dev/dbx/store/jdbc/demo: q01.sql, and q02.na with its reason. */
    private final SqlAnalytics analytics =
            new SqlAnalytics(new SqlConnections("demo-store", URI.create("demo:x"), null), Set.of("demo")) {
                @Override
                public CacheDrop dropCaches() {
                    return CacheDrop.nothing("nothing to drop");
                }
            };

    @Test
    void aQueryWithAResourceFileIsSupportedAndItsTextIsTheFile() {
        assertThat(analytics.unsupported("demo", "q01")).isEmpty();
        assertThat(analytics.text("demo", "q01")).isEqualTo("select 1 as one\n");
    }

    @Test
    void aQueryTheEngineCannotExpressIsNaWithTheReasonFromItsFile() {
        assertThat(analytics.unsupported("demo", "q02")).contains("this engine has no window functions");
        assertThatThrownBy(() -> analytics.text("demo", "q02"))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("n/a on demo-store: this engine has no window functions");
    }

    @Test
    void unknownSuitesQueriesAndNamesThatLeaveTheFolderAreNa() {
        assertThat(analytics.unsupported("tpch", "q01")).get().asString().contains("no query suite 'tpch'");
        assertThat(analytics.unsupported("demo", "q03")).contains("demo-store has no query 'q03' in suite demo");
        assertThat(analytics.unsupported("demo", "../demo/q01")).isPresent();
        assertThat(analytics.unsupported("demo", "Q01")).isPresent();
    }

    @Test
    void valuesArePlain() {
        assertThat(SqlAnalytics.plain(7)).isEqualTo(7L);
        assertThat(SqlAnalytics.plain((short) 7)).isEqualTo(7L);
        assertThat(SqlAnalytics.plain(BigInteger.valueOf(42))).isEqualTo(42L);
        assertThat(SqlAnalytics.plain(BigInteger.TWO.pow(70))).isEqualTo(new BigDecimal(BigInteger.TWO.pow(70)));
        assertThat(SqlAnalytics.plain(new BigDecimal("1.50"))).isEqualTo(new BigDecimal("1.50"));
        assertThat(SqlAnalytics.plain(1.5f)).isEqualTo(1.5d);
        assertThat(SqlAnalytics.plain(Date.valueOf("1995-03-15"))).isEqualTo(LocalDate.of(1995, 3, 15));
        assertThat(SqlAnalytics.plain(Timestamp.valueOf("1995-03-15 00:00:00"))).isEqualTo(LocalDate.of(1995, 3, 15));
        assertThat(SqlAnalytics.plain(LocalDateTime.of(1995, 3, 15, 12, 0))).isEqualTo("1995-03-15T12:00");
        assertThat(SqlAnalytics.plain(Boolean.TRUE)).isEqualTo("true");
        assertThat(SqlAnalytics.plain(null)).isNull();
    }
}
