package dev.dbx.store.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.dataset.Canonical;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.ColumnType;
import dev.dbx.core.dataset.Datasets;
import dev.dbx.core.dataset.Entity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Values;

/** Canonical values survive the trip through Neo4j's property types exactly. */
class PropertyValuesTest {
    @Test
    void everyDecimalColumnFitsTheDigitsADoubleKeeps() {
        for (var dataset : Datasets.all()) {
            for (Entity entity : dataset.entities()) {
                for (Column column : entity.columns()) {
                    if (column.type() == ColumnType.DECIMAL) {
                        assertThat(column.length())
                                .as("precision of %s", column.name())
                                .isLessThanOrEqualTo(PropertyValues.EXACT_DECIMAL_DIGITS);
                    }
                }
            }
        }
    }

    @Test
    void decimalsOfFifteenDigitsComeBackExactly() {
        Column money = Column.decimal("m", 15, 2);
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            long cents = random.nextLong(-999_999_999_999_999L, 1_000_000_000_000_000L);
            BigDecimal value = BigDecimal.valueOf(cents, 2);
            Object stored = PropertyValues.toProperty(value);
            Object back = Canonical.value(money, PropertyValues.fromProperty(Values.value(stored)));
            assertThat(back).isEqualTo(value);
        }
    }

    @Test
    void aRowBecomesAMapOfPropertiesByColumnName() {
        Map<String, Object> row = PropertyValues.row(
                List.of("k", "price", "day", "text", "none"),
                new Object[] {7L, new BigDecimal("12.30"), LocalDate.of(1995, 3, 15), "x", null});
        assertThat(row)
                .containsEntry("k", 7L)
                .containsEntry("price", 12.3)
                .containsEntry("day", LocalDate.of(1995, 3, 15))
                .containsEntry("text", "x")
                .containsEntry("none", null);
        assertThat(PropertyValues.fromProperty(Values.NULL)).isNull();
        assertThat(PropertyValues.fromProperty(Values.value(LocalDate.of(1998, 12, 1))))
                .isEqualTo(LocalDate.of(1998, 12, 1));
    }
}
