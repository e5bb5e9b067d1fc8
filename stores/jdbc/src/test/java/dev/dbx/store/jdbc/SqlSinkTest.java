package dev.dbx.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.sync.Change;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlSinkTest {
    private static final Entity REGION = TpchSchema.REGION;

    @Test
    void aBatchCollapsesToTheLastChangeOfEachKeyInTheOrderOfThoseLastChanges() {
        Change first = Change.upsert(REGION, new Object[] {1L, "A", "one"});
        Change other = Change.upsert(REGION, new Object[] {2L, "B", "two"});
        Change last = Change.upsert(REGION, new Object[] {1L, "A", "last"});
        Change gone = Change.delete(REGION, List.of(2L));
        Map<List<Object>, Change> rows = SqlSink.lastPerKey(TpchSchema.DATASET, List.of(first, other, last, gone))
                .get("region");
        assertThat(rows.values()).containsExactly(last, gone);
        // the same changes with the first winning would not collapse to this
        assertThat(rows.values()).doesNotContain(first, other);
    }

    @Test
    void upsertsUpdateEveryColumnOutsideTheKeyOnAConflictOfTheKey() {
        assertThat(SqlSink.upsertSql(TpchSchema.PARTSUPP))
                .isEqualTo("INSERT INTO partsupp (ps_partkey, ps_suppkey, ps_availqty, ps_supplycost, ps_comment)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (ps_partkey, ps_suppkey) DO UPDATE SET"
                        + " ps_availqty = excluded.ps_availqty, ps_supplycost = excluded.ps_supplycost,"
                        + " ps_comment = excluded.ps_comment");
        Entity keyOnly = new Entity("tag", List.of(Column.integer("t_id")), List.of("t_id"), List.of());
        assertThat(SqlSink.upsertSql(keyOnly))
                .isEqualTo("INSERT INTO tag (t_id) VALUES (?) ON CONFLICT (t_id) DO NOTHING");
    }

    @Test
    void aChangeOfAnEntityTheDatasetDoesNotHaveOrDefinesOtherwiseIsRefusedByName() {
        Entity stranger = new Entity("stranger", List.of(Column.integer("s_id")), List.of("s_id"), List.of());
        assertThatThrownBy(() -> SqlSink.lastPerKey(TpchSchema.DATASET, List.of(Change.delete(stranger, List.of(1L)))))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("no entity 'stranger'");
        Entity otherRegion =
                new Entity("region", List.of(Column.integer("r_regionkey")), List.of("r_regionkey"), List.of());
        assertThatThrownBy(
                        () -> SqlSink.lastPerKey(TpchSchema.DATASET, List.of(Change.delete(otherRegion, List.of(1L)))))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("does not match the tpch dataset's region");
        Entity keyless = new Entity("log", List.of(Column.integer("at")), List.of(), List.of());
        assertThatThrownBy(() -> SqlSink.lastPerKey(
                        new Dataset("logs", List.of(keyless)), List.of(Change.upsert(keyless, new Object[] {1L}))))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("log has no primary key");
    }
}
