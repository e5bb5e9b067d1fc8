package dev.dbx.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnBatchTest {
    private static final List<Column> COLUMNS = List.of(
            Column.integer("k"),
            Column.decimal("price", 15, 2),
            Column.decimal("huge", 30, 4),
            Column.date("day"),
            Column.varchar("name", 20));

    @Test
    void holdsEachTypeInItsPrimitiveForm() {
        ColumnBatch batch = new ColumnBatch(COLUMNS, 4);
        batch.add(new Object[] {
            42L, new BigDecimal("-12.5"), new BigDecimal("12345678901234567890.1234"), LocalDate.of(1969, 12, 31), "ünï"
        });
        batch.add(new Object[] {Long.MIN_VALUE, new BigDecimal("9999999999999.99"), null, null, null});

        assertThat(batch.size()).isEqualTo(2);
        assertThat(batch.longs(0)).startsWith(42L, Long.MIN_VALUE);
        // unscaled at the column's scale: -12.5 is -1250 at scale 2
        assertThat(batch.longs(1)).startsWith(-1250L, 999999999999999L);
        assertThat(batch.decimals(2)[0]).isEqualByComparingTo("12345678901234567890.1234");
        assertThat(batch.longs(2)).isNull();
        assertThat(batch.longs(3)[0]).isEqualTo(-1L);
        assertThat(batch.texts(4)[0]).isEqualTo("ünï".getBytes(StandardCharsets.UTF_8));
        assertThat(batch.nulls(0)).isNull();
        assertThat(batch.nulls(1)).isNull();
        assertThat(batch.nulls(2)).startsWith(false, true);
        assertThat(batch.nulls(4)).startsWith(false, true);
    }

    @Test
    void aDecimalWithMoreFractionDigitsThanItsColumnFailsInsteadOfRounding() {
        ColumnBatch batch = new ColumnBatch(COLUMNS, 1);
        assertThatThrownBy(() -> batch.add(new Object[] {1L, new BigDecimal("1.005"), null, null, null}))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void clearForgetsRowsAndNulls() {
        ColumnBatch batch = new ColumnBatch(COLUMNS, 2);
        batch.add(new Object[] {1L, null, null, null, "a"});
        batch.add(new Object[] {2L, BigDecimal.ONE, null, LocalDate.EPOCH, "b"});
        assertThat(batch.isFull()).isTrue();
        assertThatThrownBy(() -> batch.add(new Object[5])).isInstanceOf(IllegalStateException.class);

        batch.clear();
        assertThat(batch.size()).isZero();
        assertThat(batch.nulls(1)).isNull();
        assertThatThrownBy(() -> batch.size(3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRowStreamFillsBatchesUntilItEnds() {
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < 5; i++) {
            rows.add(new Object[] {i, BigDecimal.valueOf(i), null, LocalDate.ofEpochDay(i), "r" + i});
        }
        RowStream stream = RowStream.of(rows.iterator());
        ColumnBatch batch = new ColumnBatch(COLUMNS, 2);
        List<Long> keys = new ArrayList<>();
        for (int n; (n = stream.nextBatch(batch)) > 0; ) {
            for (int r = 0; r < n; r++) {
                keys.add(batch.longs(0)[r]);
                assertThat(batch.longs(1)[r]).isEqualTo(batch.longs(0)[r] * 100);
                assertThat(batch.nulls(2)[r]).isTrue();
            }
        }
        assertThat(keys).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(stream.nextBatch(batch)).isZero();
        assertThat(batch.size()).isZero();
    }
}
