package dev.dbx.sync.capture.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.sync.ChangeEvent;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/** Debezium's record shapes (as its PostgreSQL connector builds them with these settings) turned into change events. */
class RecordTranslatorTest {
    private static final Schema SOURCE = SchemaBuilder.struct()
            .field("schema", Schema.STRING_SCHEMA)
            .field("table", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.INT64_SCHEMA)
            .field("lsn", Schema.OPTIONAL_INT64_SCHEMA)
            .build();
    private static final Schema ORDER_KEY =
            SchemaBuilder.struct().field("o_orderkey", Schema.INT64_SCHEMA).build();
    private static final Schema ORDER = SchemaBuilder.struct()
            .optional()
            .field("o_orderkey", Schema.INT64_SCHEMA)
            .field("o_custkey", Schema.INT32_SCHEMA)
            .field("o_orderstatus", Schema.STRING_SCHEMA)
            // decimal.handling.mode=string
            .field("o_totalprice", Schema.STRING_SCHEMA)
            // io.debezium.time.Date: days since the epoch
            .field(
                    "o_orderdate",
                    SchemaBuilder.int32().name("io.debezium.time.Date").build())
            .field("o_orderpriority", Schema.STRING_SCHEMA)
            .field("o_clerk", Schema.STRING_SCHEMA)
            .field("o_shippriority", Schema.INT32_SCHEMA)
            .field("o_comment", Schema.STRING_SCHEMA)
            .build();
    private static final Schema ENVELOPE = SchemaBuilder.struct()
            .field("op", Schema.STRING_SCHEMA)
            .field("source", SOURCE)
            .field("before", ORDER)
            .field("after", ORDER)
            .build();

    private final RecordTranslator translator = new RecordTranslator(TpchSchema.DATASET, "public.dbx_heartbeat");

    @Test
    void anInsertBecomesAnUpsertWithExactValuesItsCommitTimeAndLsn() {
        ChangeEvent event = translator
                .translate(record("c", "orders", order("21168.23", 10_440), 1_764_720_000_123L))
                .orElseThrow();
        assertThat(event.dataset()).isEqualTo("tpch");
        assertThat(event.change().isDelete()).isFalse();
        assertThat(event.change().value("o_orderkey")).isEqualTo(42L);
        assertThat(event.change().value("o_custkey")).isEqualTo(7L);
        assertThat(event.change().value("o_totalprice")).isEqualTo(new BigDecimal("21168.23"));
        assertThat(event.change().value("o_orderdate")).isEqualTo(LocalDate.of(1998, 8, 2));
        assertThat(event.change().value("o_orderdate")).isNotEqualTo(LocalDate.of(1998, 8, 1));
        assertThat(event.committedAtMillis()).isEqualTo(1_764_720_000_123L);
        assertThat(event.position()).isEqualTo("0/16B3748");
        assertThat(event.key()).isEqualTo("orders:42");
    }

    @Test
    void aSnapshotReadHasNoCommitTime() {
        ChangeEvent event = translator
                .translate(record("r", "orders", order("1.00", 0), 1_764_720_000_123L))
                .orElseThrow();
        assertThat(event.committedAtMillis()).isZero();
    }

    @Test
    void aDeleteCarriesTheKeyOfTheRecordKey() {
        Struct value = new Struct(ENVELOPE).put("op", "d").put("source", source("orders", 5L));
        SourceRecord record = new SourceRecord(
                null, null, "t", null, ORDER_KEY, new Struct(ORDER_KEY).put("o_orderkey", 42L), ENVELOPE, value);
        ChangeEvent event = translator.translate(record).orElseThrow();
        assertThat(event.change().isDelete()).isTrue();
        assertThat(event.change().key()).containsExactly(42L);
    }

    @Test
    void heartbeatsAndTheHeartbeatTableGiveNothing() {
        Schema beat = SchemaBuilder.struct().field("ts_ms", Schema.INT64_SCHEMA).build();
        SourceRecord heartbeat =
                new SourceRecord(null, null, "__debezium-heartbeat.dbx_tpch", beat, new Struct(beat).put("ts_ms", 1L));
        assertThat(translator.translate(heartbeat)).isEmpty();
        Struct value = new Struct(ENVELOPE).put("op", "u").put("source", source("dbx_heartbeat", 5L));
        assertThat(translator.translate(new SourceRecord(null, null, "t", ENVELOPE, value)))
                .isEmpty();
    }

    @Test
    void aValueThatDoesNotFitItsColumnOrAnUnknownTableIsAnError() {
        assertThatThrownBy(() -> translator.translate(record("c", "orders", order("1.005", 0), 1L)))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("o_totalprice");
        assertThatThrownBy(() -> translator.translate(record("c", "invoices", order("1.00", 0), 1L)))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("invoices");
    }

    @Test
    void lsnsAreWrittenAsPostgresWritesThem() {
        assertThat(RecordTranslator.lsnText(0x1_0000_00A0L)).isEqualTo("1/A0");
        assertThat(RecordTranslator.lsnText(0x16B3748L)).isEqualTo("0/16B3748");
    }

    private static Struct order(String price, int days) {
        return new Struct(ORDER)
                .put("o_orderkey", 42L)
                .put("o_custkey", 7)
                .put("o_orderstatus", "O")
                .put("o_totalprice", price)
                .put("o_orderdate", days)
                .put("o_orderpriority", "1-URGENT")
                .put("o_clerk", "Clerk#000000001")
                .put("o_shippriority", 0)
                .put("o_comment", "new");
    }

    private static Struct source(String table, long tsMs) {
        return new Struct(SOURCE)
                .put("schema", "public")
                .put("table", table)
                .put("ts_ms", tsMs)
                .put("lsn", 0x16B3748L);
    }

    private static SourceRecord record(String op, String table, Struct after, long tsMs) {
        Struct value = new Struct(ENVELOPE)
                .put("op", op)
                .put("source", source(table, tsMs))
                .put("after", after);
        return new SourceRecord(
                null, null, "t", null, ORDER_KEY, new Struct(ORDER_KEY).put("o_orderkey", 42L), ENVELOPE, value);
    }
}
