package dev.dbx.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** Canonical values are exact: what converts loses nothing, and what would lose something is refused. */
class CanonicalTest {
    private static final Column ID = Column.integer("id");
    private static final Column PRICE = Column.decimal("price", 15, 2);
    private static final Column NAME = Column.varchar("name", 25);
    private static final Column DAY = Column.date("day");

    @Test
    void whatDriversGiveBecomesTheCanonicalType() {
        assertThat(Canonical.value(ID, 5)).isEqualTo(5L);
        assertThat(Canonical.value(ID, "5")).isEqualTo(5L);
        assertThat(Canonical.value(ID, 5.0d)).isEqualTo(5L);
        assertThat(Canonical.value(ID, new BigDecimal("5.00"))).isEqualTo(5L);
        assertThat(Canonical.value(ID, BigInteger.TEN)).isEqualTo(10L);
        assertThat(Canonical.value(PRICE, "12.3")).isEqualTo(new BigDecimal("12.30"));
        assertThat(Canonical.value(PRICE, 1234.56d)).isEqualTo(new BigDecimal("1234.56"));
        assertThat(Canonical.value(PRICE, 7L)).isEqualTo(new BigDecimal("7.00"));
        assertThat(Canonical.value(DAY, "1995-03-15")).isEqualTo(LocalDate.of(1995, 3, 15));
        assertThat(Canonical.value(DAY, LocalDateTime.of(1995, 3, 15, 0, 0))).isEqualTo(LocalDate.of(1995, 3, 15));
        assertThat(Canonical.value(
                        DAY,
                        Date.from(LocalDate.of(1995, 3, 15)
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant())))
                .isEqualTo(LocalDate.of(1995, 3, 15));
        assertThat(Canonical.value(NAME, new StringBuilder("x"))).isEqualTo("x");
        assertThat(Canonical.value(NAME, null)).isNull();
    }

    @Test
    void neverRounds() {
        assertThatThrownBy(() -> Canonical.value(PRICE, "12.345"))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("price")
                .hasMessageContaining("12.345");
        assertThatThrownBy(() -> Canonical.value(PRICE, 0.1d + 0.2d)).isInstanceOf(DbxException.class);
        assertThatThrownBy(() -> Canonical.value(ID, new BigDecimal("5.5"))).isInstanceOf(DbxException.class);
        assertThatThrownBy(() -> Canonical.value(ID, 5.5d)).isInstanceOf(DbxException.class);
    }

    @Test
    void neverStripsBlanks() {
        assertThatThrownBy(() -> Canonical.value(ID, " 5")).isInstanceOf(DbxException.class);
        assertThatThrownBy(() -> Canonical.value(PRICE, "1.00 ")).isInstanceOf(DbxException.class);
        assertThatThrownBy(() -> Canonical.value(DAY, " 1995-03-15")).isInstanceOf(DbxException.class);
        assertThat(Canonical.value(NAME, " padded ")).isEqualTo(" padded ");
    }

    @Test
    void neverTruncatesATimeToADate() {
        assertThatThrownBy(() -> Canonical.value(DAY, "1995-03-15T10:00:00")).isInstanceOf(DbxException.class);
        assertThatThrownBy(() -> Canonical.value(DAY, LocalDateTime.of(1995, 3, 15, 10, 0)))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("time of day");
        assertThatThrownBy(
                        () -> Canonical.value(DAY, OffsetDateTime.of(1995, 3, 15, 0, 0, 0, 0, ZoneOffset.ofHours(2))))
                .isInstanceOf(DbxException.class);
    }

    @Test
    void neverTakesANumberForText() {
        assertThatThrownBy(() -> Canonical.value(NAME, 1L))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("name");
    }
}
