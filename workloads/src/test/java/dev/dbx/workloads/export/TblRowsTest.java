package dev.dbx.workloads.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.ColumnBatch;
import dev.dbx.core.dataset.Entity;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The byte-level parser on what {@link TblRoundTripTest} (whole TPC-H tables) does not reach. */
class TblRowsTest {
    private static final Entity ENTITY = new Entity(
            "t",
            List.of(
                    Column.integer("k"),
                    Column.decimal("price", 15, 2),
                    Column.date("day"),
                    Column.varchar("mode", 10),
                    Column.text("note", 200)),
            List.of("k"),
            List.of());

    @TempDir
    Path dir;

    @Test
    void readsEveryShapeOfLineAcrossBufferBoundaries() throws IOException {
        String text = "1|12.5|1998-12-01|AIR|plain\n"
                + "-7|-0.05|1992-01-02|RAIL|ünïcödé ✓ text\r\n"
                + "9223372036854775807|0|2199-02-28|AIR|a trailing bar, as dbgen writes|\n"
                + "3|1000000.00|1899-12-31||" + "x".repeat(100) + "\n"
                + "4|7|2024-02-29|AIR|no newline at the end";
        Path file = write(text);
        // 16 bytes: every line crosses the buffer's end, the 100-byte one makes it grow
        for (int buffer : new int[] {16, 64, 1 << 20}) {
            List<Object[]> rows = read(file, buffer);
            assertThat(rows).hasSize(5);
            assertThat(rows.get(0))
                    .containsExactly(1L, new BigDecimal("12.50"), LocalDate.of(1998, 12, 1), "AIR", "plain");
            assertThat(rows.get(1))
                    .containsExactly(-7L, new BigDecimal("-0.05"), LocalDate.of(1992, 1, 2), "RAIL", "ünïcödé ✓ text");
            assertThat(rows.get(2)[0]).isEqualTo(Long.MAX_VALUE);
            assertThat(rows.get(2)[1]).isEqualTo(new BigDecimal("0.00"));
            assertThat(rows.get(2)[2]).isEqualTo(LocalDate.of(2199, 2, 28));
            assertThat(rows.get(2)[4]).isEqualTo("a trailing bar, as dbgen writes");
            assertThat(rows.get(3))
                    .containsExactly(3L, new BigDecimal("1000000.00"), LocalDate.of(1899, 12, 31), "", "x".repeat(100));
            assertThat(rows.get(4)[2]).isEqualTo(LocalDate.of(2024, 2, 29));
            assertThat(rows.get(4)[4]).isEqualTo("no newline at the end");
        }
    }

    @Test
    void repeatedValuesAreSharedAndManyDistinctOnesStayCorrect() throws IOException {
        StringBuilder text = new StringBuilder();
        IntStream.range(0, 5000)
                .forEach(i -> text.append(i)
                        .append('|')
                        .append(i % 50)
                        .append(".00|1995-06-")
                        .append(String.format("%02d", 1 + i % 28))
                        .append('|')
                        .append(i % 3 == 0 ? "SHIP" : "MAIL")
                        .append("|note ")
                        .append(i)
                        .append('\n'));
        List<Object[]> rows = read(write(text.toString()), 1 << 12);
        assertThat(rows).hasSize(5000);
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            assertThat(row[0]).isEqualTo((long) i);
            assertThat(row[1]).isEqualTo(BigDecimal.valueOf(i % 50 * 100L, 2));
            assertThat(row[2]).isEqualTo(LocalDate.of(1995, 6, 1 + i % 28));
            assertThat(row[3]).isEqualTo(i % 3 == 0 ? "SHIP" : "MAIL");
            assertThat(row[4]).isEqualTo("note " + i);
        }
        // the few distinct values of a column are made once
        assertThat(rows.get(3)[3]).isSameAs(rows.get(0)[3]);
        assertThat(rows.get(28)[2]).isSameAs(rows.get(0)[2]);
    }

    @Test
    void batchesHoldTheSameValuesAsRows() throws IOException {
        Path file = write("1|12.5|1998-12-01|AIR|plain\n"
                + "-7|-0.05|1992-01-02|RAIL|ünïcödé ✓ text\r\n"
                + "3|1000000.00|1899-12-31||" + "x".repeat(100) + "|\n"
                + "4|7|2024-02-29|AIR|no newline at the end");
        List<Object[]> rows = read(file, 1 << 20);
        for (int buffer : new int[] {16, 1 << 20}) {
            try (TblRows in = new TblRows(ENTITY, file, buffer)) {
                ColumnBatch batch = new ColumnBatch(ENTITY.columns(), 3);
                int row = 0;
                for (int n; (n = in.nextBatch(batch)) > 0; ) {
                    assertThat(n).isEqualTo(batch.size()).isEqualTo(Math.min(3, rows.size() - row));
                    for (int r = 0; r < n; r++, row++) {
                        Object[] expected = rows.get(row);
                        assertThat(batch.longs(0)[r]).isEqualTo(expected[0]);
                        assertThat(batch.longs(1)[r])
                                .isEqualTo(((BigDecimal) expected[1])
                                        .unscaledValue()
                                        .longValueExact());
                        assertThat(batch.longs(2)[r]).isEqualTo(((LocalDate) expected[2]).toEpochDay());
                        assertThat(new String(batch.texts(3)[r], StandardCharsets.UTF_8))
                                .isEqualTo(expected[3]);
                        assertThat(new String(batch.texts(4)[r], StandardCharsets.UTF_8))
                                .isEqualTo(expected[4]);
                    }
                    assertThat(batch.nulls(0)).isNull();
                }
                assertThat(row).isEqualTo(4);
                assertThat(in.nextBatch(batch)).isZero();
            }
        }
    }

    @Test
    void aFileSplitAtByteOffsetsGivesEveryLineOnce() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            text.append(i)
                    .append("|1.00|1995-06-01|AIR|")
                    .append("n".repeat(i % 37))
                    .append('\n');
        }
        Path file = write(text.toString());
        long size = Files.size(file);
        for (int parts : new int[] {1, 2, 3, 7, 64}) {
            List<Long> keys = new ArrayList<>();
            try (TblRows whole = new TblRows(ENTITY, file, 16)) {
                List<dev.dbx.core.dataset.RowStream> split = whole.split(parts, 1);
                assertThat(split).hasSize(parts).startsWith(whole);
                for (dev.dbx.core.dataset.RowStream part : split) {
                    ColumnBatch batch = new ColumnBatch(ENTITY.columns(), 10);
                    for (int n; (n = part.nextBatch(batch)) > 0; ) {
                        for (int r = 0; r < n; r++) {
                            keys.add(batch.longs(0)[r]);
                        }
                    }
                    part.close();
                }
            }
            assertThat(keys).as("%d parts of %d bytes", parts, size).hasSize(1000);
            assertThat(keys)
                    .containsExactlyInAnyOrderElementsOf(
                            IntStream.range(0, 1000).mapToObj(i -> (long) i).toList());
        }
        // a small file, or one already being read, is not split
        try (TblRows whole = new TblRows(ENTITY, file)) {
            assertThat(whole.split(4)).containsExactly(whole);
            whole.next();
            assertThat(whole.split(4, 1)).containsExactly(whole);
        }
    }

    @Test
    void aLineWithTooFewFieldsIsNamed() throws IOException {
        Path file = write("1|2.00|1995-01-01|AIR|ok\n2|3.00|1995-01-01\n");
        try (TblRows rows = new TblRows(ENTITY, file)) {
            rows.next();
            assertThatThrownBy(rows::next)
                    .isInstanceOf(DbxException.class)
                    .hasMessageContaining("line 2 of " + file + " has 3 fields, expected 5");
        }
    }

    @Test
    void anEmptyFileHasNoRows() throws IOException {
        assertThat(read(write(""), 16)).isEmpty();
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("t.tbl"), text, StandardCharsets.UTF_8);
    }

    private static List<Object[]> read(Path file, int buffer) {
        List<Object[]> rows = new ArrayList<>();
        try (TblRows in = new TblRows(ENTITY, file, buffer)) {
            while (in.hasNext()) {
                rows.add(in.next());
            }
        }
        return rows;
    }
}
