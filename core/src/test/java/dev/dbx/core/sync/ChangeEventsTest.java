package dev.dbx.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.TpchSchema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeEventsTest {
    private static final Object[] LINE = {
        1L,
        155_190L,
        7_706L,
        1L,
        new BigDecimal("17.00"),
        new BigDecimal("21168.23"),
        new BigDecimal("0.04"),
        new BigDecimal("0.02"),
        "N",
        "O",
        LocalDate.parse("1996-03-13"),
        LocalDate.parse("1996-02-12"),
        LocalDate.parse("1996-03-22"),
        "DELIVER IN PERSON",
        "TRUCK",
        "egular courts \"above\" the"
    };

    @Test
    void anUpsertAndADeleteComeBackEqual() {
        ChangeEvent upsert =
                new ChangeEvent("tpch", Change.upsert(TpchSchema.LINEITEM, LINE), 1_764_720_000_123L, "0/1");
        assertThat(ChangeEvents.decode(ChangeEvents.encode(upsert))).isEqualTo(upsert);
        ChangeEvent delete = new ChangeEvent("tpch", Change.delete(TpchSchema.LINEITEM, List.of(1L, 1L)), 0, "0/2");
        ChangeEvent back = ChangeEvents.decode(ChangeEvents.encode(delete));
        assertThat(back).isEqualTo(delete);
        assertThat(back.change().key()).containsExactly(1L, 1L);
    }

    @Test
    void aLineItemIsKeyedByItsOrderAndAnOfferByItsPart() {
        assertThat(new ChangeEvent("tpch", Change.upsert(TpchSchema.LINEITEM, LINE), 0, "").key())
                .isEqualTo("orders:1");
        assertThat(new ChangeEvent("tpch", Change.delete(TpchSchema.PARTSUPP, List.of(5L, 7L)), 0, "").key())
                .isEqualTo("part:5");
        assertThat(new ChangeEvent("tpch", Change.delete(TpchSchema.CUSTOMER, List.of(9L)), 0, "").key())
                .isEqualTo("customer:9");
    }

    @Test
    void whatIsNotAChangeIsRefusedSayingWhy() {
        assertThatThrownBy(() -> ChangeEvents.decode("nope".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("not JSON");
        String badPrice = "{\"dataset\":\"tpch\",\"entity\":\"region\",\"op\":\"u\",\"row\":{\"r_regionkey\":\"x\"}}";
        assertThatThrownBy(() -> ChangeEvents.decode(badPrice.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("region.r_regionkey");
        String noKey = "{\"dataset\":\"tpch\",\"entity\":\"region\",\"op\":\"d\",\"row\":{}}";
        assertThatThrownBy(() -> ChangeEvents.decode(noKey.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("key column r_regionkey");
        String badOp = "{\"dataset\":\"tpch\",\"entity\":\"region\",\"op\":\"x\",\"row\":{\"r_regionkey\":1}}";
        assertThatThrownBy(() -> ChangeEvents.decode(badOp.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("op 'x'");
    }
}
