package dev.dbx.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.dataset.YcsbSchema;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.workloads.dataset.TpchSource;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The mapping of rows to keys, hashes and scores, without a server. */
class RedisModelTest {
    private static final KeyScheme KEYS = new KeyScheme("");

    private static Object[] firstRow(Entity entity) {
        try (RowStream rows = new TpchSource(0.01).rows(entity)) {
            return rows.next();
        }
    }

    @Test
    void aCompositeKeyIsJoinedIntoTheIdAndLeftOutOfTheHash() {
        EntityLayout layout = EntityLayout.of(TpchSchema.LINEITEM);
        Object[] row = firstRow(TpchSchema.LINEITEM);
        String id = layout.id(row);
        assertThat(id).isEqualTo(row[0] + ":" + row[3]);
        assertThat(KEYS.row(TpchSchema.DATASET, TpchSchema.LINEITEM, id)).isEqualTo("tpch:lineitem:" + id);
        assertThat(layout.idScore(row)).isEqualTo(((Long) row[0]).doubleValue());

        List<String> fields = List.of(layout.fieldNames());
        List<String> values = List.of(layout.values(row));
        assertThat(fields).doesNotContain("l_orderkey", "l_linenumber").hasSize(14);
        assertThat(values).hasSize(14).doesNotContainNull();
        assertThat(values.get(fields.indexOf("l_discount"))).matches("0\\.\\d\\d");

        assertThat(layout.row(id, values))
                .as("the row read back is the row written")
                .isEqualTo(row);
    }

    @Test
    void aKeyOfCanonicalValuesNamesTheSameIdAsItsRow() {
        EntityLayout lineitem = EntityLayout.of(TpchSchema.LINEITEM);
        Object[] row = firstRow(TpchSchema.LINEITEM);
        assertThat(lineitem.id(List.of(row[0], row[3]))).isEqualTo(lineitem.id(row));
        assertThat(EntityLayout.of(TpchSchema.NATION).id(List.of(7L))).isEqualTo("7");
        assertThat(EntityLayout.of(YcsbSchema.USERTABLE).id(List.of("user9"))).isEqualTo("user9");
        assertThatThrownBy(() -> lineitem.id(List.of(1L)))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("2 columns, not 1");
    }

    @Test
    void usertableFieldsAreNumberedByTheirNames() {
        for (int i = 0; i < YcsbSchema.FIELD_COUNT; i++) {
            assertThat(UserTable.fieldIndex(bytes(YcsbSchema.FIELDS.get(i)))).isEqualTo(i);
        }
        for (String other : List.of("field", "fieldA", "field10", "other0", "Field0", "field/", "field:")) {
            assertThat(UserTable.fieldIndex(bytes(other))).as(other).isEqualTo(-1);
        }
        assertThat(Stream.of(UserTable.names(dev.dbx.core.capability.FieldSet.of(0b1000000101)))
                        .map(name -> new String(name, StandardCharsets.US_ASCII)))
                .containsExactly("field0", "field2", "field9");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void durabilityIsDescribedFromTheServersSettings() {
        assertThat(RedisDurability.describe("yes", "everysec", ""))
                .startsWith("appendonly=yes, appendfsync=everysec")
                .contains("once a second");
        assertThat(RedisDurability.describe("yes", "always", "")).contains("before it is answered");
        assertThat(RedisDurability.describe("no", "everysec", "3600 1"))
                .isEqualTo("appendonly=no, save=\"3600 1\" (RDB snapshots only: a crash loses the writes since the"
                        + " last one)");
        assertThat(RedisDurability.describe("no", "everysec", "")).contains("no persistence");
    }

    @Test
    void aTextKeyScoresZeroSoTheIdSetIsInKeyOrder() {
        EntityLayout layout = EntityLayout.of(YcsbSchema.USERTABLE);
        Object[] row = new Object[11];
        row[0] = "user42";
        Arrays.fill(row, 1, 11, "x");
        assertThat(layout.id(row)).isEqualTo("user42");
        assertThat(layout.idScore(row)).isZero();
        assertThat(layout.fieldNames()).containsExactlyElementsOf(YcsbSchema.FIELDS);
        assertThat(KEYS.idSet(YcsbSchema.DATASET, YcsbSchema.USERTABLE)).isEqualTo("ycsb:usertable");
    }

    @Test
    void theTpchIndexDefinitionsNameRealColumnsAndGiveKeysAndScores() {
        SecondaryIndexes indexes = SecondaryIndexes.of(TpchSchema.DATASET);
        assertThat(indexes.all())
                .extracting(i -> i.entity().name() + ":" + i.definition())
                .containsExactly(
                        "orders:by_date",
                        "orders:by_customer:{o_custkey}",
                        "lineitem:by_shipdate",
                        "customer:by_acctbal",
                        "supplier:by_acctbal");
        Object[] order = firstRow(TpchSchema.ORDERS);
        SecondaryIndex byCustomer = indexes.of(TpchSchema.ORDERS).get(1);
        assertThat(byCustomer.key(new KeyScheme("lab:").secondaryPrefix(TpchSchema.DATASET, TpchSchema.ORDERS), order))
                .isEqualTo("lab:tpch:orders:by_customer:" + order[1]);
        assertThat(byCustomer.score(order)).isEqualTo((double) ((java.time.LocalDate) order[4]).toEpochDay());
        assertThat(SecondaryIndexes.of(YcsbSchema.DATASET).all()).isEmpty();
    }

    @Test
    void badIndexDefinitionsAreRefused() {
        assertThatThrownBy(() -> new SecondaryIndex(TpchSchema.ORDERS, "by_date", "o_nosuchcolumn"))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("o_nosuchcolumn");
        assertThatThrownBy(() -> new SecondaryIndex(TpchSchema.ORDERS, "by_clerk", "o_clerk"))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("is text");
        assertThatThrownBy(() -> new SecondaryIndex(TpchSchema.ORDERS, "date*", "o_orderdate"))
                .isInstanceOf(DbxException.class);
        Entity textKeyed =
                new Entity("t", List.of(Column.varchar("k", 10), Column.integer("v")), List.of("k"), List.of());
        assertThat(EntityLayout.of(textKeyed).integerKey()).isFalse();
        Entity compositeText = new Entity(
                "c",
                List.of(Column.varchar("a", 10), Column.integer("b"), Column.integer("v")),
                List.of("a", "b"),
                List.of());
        assertThatThrownBy(() -> EntityLayout.of(compositeText)).isInstanceOf(DbxException.class);
    }

    @Test
    void theServerIsNamedByWhatItReports() {
        assertThat(ServerInfo.identity("# Server\r\nredis_version:7.0.15\r\nredis_mode:standalone\r\n"))
                .isEqualTo(new ServerIdentity("Redis", "7.0.15"));
        assertThat(ServerInfo.identity(
                        "# Server\r\nredis_version:7.2.4\r\nserver_name:valkey\r\nvalkey_version:8.0.1\r\n"))
                .isEqualTo(new ServerIdentity("Valkey", "8.0.1"));
        assertThatThrownBy(() -> ServerInfo.identity("# Server\r\n")).isInstanceOf(DbxException.class);
    }
}
