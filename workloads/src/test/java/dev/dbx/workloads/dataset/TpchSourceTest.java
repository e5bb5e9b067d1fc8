package dev.dbx.workloads.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.dataset.TpchSchema;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The generator against rows published by TPC-H's dbgen, so a conversion slip cannot hide behind self-comparison. */
class TpchSourceTest {
    @Test
    void theFirstLineitemAtSf1IsDbgens() {
        // lineitem.tbl at SF 1, line 1:
        // 1|155190|7706|1|17|21168.23|0.04|0.02|N|O|1996-03-13|1996-02-12|1996-03-22|DELIVER IN PERSON|TRUCK|egular
        // courts above the|
        assertThat(first(new TpchSource(1), TpchSchema.LINEITEM))
                .containsExactly(
                        1L,
                        155190L,
                        7706L,
                        1L,
                        new BigDecimal("17.00"),
                        new BigDecimal("21168.23"),
                        new BigDecimal("0.04"),
                        new BigDecimal("0.02"),
                        "N",
                        "O",
                        LocalDate.of(1996, 3, 13),
                        LocalDate.of(1996, 2, 12),
                        LocalDate.of(1996, 3, 22),
                        "DELIVER IN PERSON",
                        "TRUCK",
                        "egular courts above the");
    }

    @Test
    void theFirstOrderAtSf1IsDbgens() {
        // orders.tbl at SF 1, line 1:
        // 1|36901|O|173665.47|1996-01-02|5-LOW|Clerk#000000951|0|nstructions sleep furiously among |
        assertThat(first(new TpchSource(1), TpchSchema.ORDERS))
                .containsExactly(
                        1L,
                        36901L,
                        "O",
                        new BigDecimal("173665.47"),
                        LocalDate.of(1996, 1, 2),
                        "5-LOW",
                        "Clerk#000000951",
                        0L,
                        "nstructions sleep furiously among ");
    }

    @Test
    void sf001HasThePublishedRowCounts() {
        TpchSource source = new TpchSource(0.01);
        long[] expected = {5, 25, 100, 1_500, 2_000, 8_000, 15_000, 60_175};
        for (int i = 0; i < expected.length; i++) {
            Entity entity = source.dataset().entities().get(i);
            long n = 0;
            try (RowStream rows = source.rows(entity)) {
                while (rows.hasNext()) {
                    rows.next();
                    n++;
                }
            }
            assertThat(n).as(entity.name()).isEqualTo(expected[i]);
        }
    }

    @Test
    void parallelGenerationGivesTheSameRowsInTheSameOrder() {
        TpchSource source = new TpchSource(0.05);
        try (RowStream serial = source.rows(TpchSchema.LINEITEM, 1, 1);
                RowStream parallel = new ParallelRows(7, 3, i -> source.rows(TpchSchema.LINEITEM, i + 1, 7))) {
            long n = 0;
            while (serial.hasNext()) {
                assertThat(parallel.hasNext()).isTrue();
                assertThat(parallel.next()).as("row %d", n).isEqualTo(serial.next());
                n++;
            }
            assertThat(parallel.hasNext()).isFalse();
            assertThat(n).isGreaterThan(290_000);
        }
    }

    @Test
    void closingAParallelStreamEarlyStopsItsWorkers() {
        TpchSource source = new TpchSource(0.05);
        RowStream parallel = new ParallelRows(8, 2, i -> source.rows(TpchSchema.LINEITEM, i + 1, 8));
        parallel.next();
        parallel.close();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (Thread.getAllStackTraces().keySet().stream()
                        .anyMatch(t -> t.getName().startsWith("dbx-tpch-"))
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().startsWith("dbx-tpch-"));
    }

    @Test
    void aNonsenseScaleIsRefused() {
        assertThatThrownBy(() -> new TpchSource(0)).isInstanceOf(DbxException.class);
        assertThatThrownBy(() -> new TpchSource(-1)).isInstanceOf(DbxException.class);
    }

    private static Object[] first(TpchSource source, Entity entity) {
        try (RowStream rows = source.rows(entity)) {
            return rows.next();
        }
    }
}
