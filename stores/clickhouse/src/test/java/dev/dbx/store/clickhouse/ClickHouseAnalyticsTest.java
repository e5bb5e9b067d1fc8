package dev.dbx.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.query.ResultTable;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** TabSeparatedWithNamesAndTypes answers as plain values, by the types the server names. */
class ClickHouseAnalyticsTest {
    private static ResultTable read(String text) throws Exception {
        return ClickHouseAnalytics.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void valuesFollowTheColumnTypes() throws Exception {
        ResultTable table = read("k\tsum\tavg\tday\tname\tmissing\tflag\n"
                + "UInt64\tDecimal(38, 4)\tFloat64\tDate\tString\tNullable(Decimal(38, 2))\tLowCardinality(String)\n"
                + "7\t267010.5894\t0.05008133906964238\t1995-03-11\ta\\tb\\\\c\\n\t\\N\tN\n"
                + "8\t-1.0000\tinf\t1998-12-01\t\\\\N\t12.50\t\n");
        assertThat(table.columns()).containsExactly("k", "sum", "avg", "day", "name", "missing", "flag");
        assertThat(table.rows().get(0))
                .containsExactly(
                        7L,
                        new BigDecimal("267010.5894"),
                        0.05008133906964238,
                        LocalDate.of(1995, 3, 11),
                        "a\tb\\c\n",
                        null,
                        "N");
        assertThat(table.rows().get(1))
                .containsExactly(
                        8L,
                        new BigDecimal("-1.0000"),
                        Double.POSITIVE_INFINITY,
                        LocalDate.of(1998, 12, 1),
                        "\\N",
                        new BigDecimal("12.50"),
                        "");
    }

    @Test
    void anEmptyAnswerHasItsColumnsAndNoRows() throws Exception {
        ResultTable table = read("revenue\nDecimal(38, 4)\n");
        assertThat(table.columns()).containsExactly("revenue");
        assertThat(table.rows()).isEmpty();
    }

    @Test
    void aMalformedAnswerIsAClearError() {
        assertThatThrownBy(() -> read("a\tb\nInt32\tInt32\n1\n"))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("a row of 1 fields where 2 were expected");
        assertThatThrownBy(() -> read("a\nInt32\nx\n"))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("'x' for a column of type Int32");
        assertThatThrownBy(() -> read(""))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("without the names and types");
    }
}
