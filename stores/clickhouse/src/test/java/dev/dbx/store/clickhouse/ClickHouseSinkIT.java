package dev.dbx.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.Sink;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.dataset.YcsbSchema;
import dev.dbx.core.sync.Change;
import dev.dbx.store.testkit.SinkContractIT;
import dev.dbx.sync.verify.Verifier;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The sink contract against the local ClickHouse (Debian's 18.16 here): changes land as row versions and tombstones
 * that the model's scan collapses with FINAL; then what is particular to ClickHouse: {@code index()} merges them away,
 * so the tables hold only live rows for the queries that read without FINAL.
 */
class ClickHouseSinkIT extends SinkContractIT {
    @Override
    protected String storeId() {
        return "clickhouse";
    }

    private ClickHouseSql sql() {
        return ((ClickHouseStore) store()).sql();
    }

    @Test
    @Order(4)
    void indexLeavesOnlyTheLiveRowsSoReadsWithoutFinalSeeThem() {
        DatasetModel model = store().require(DatasetModel.class);
        Map<String, Long> stored = new LinkedHashMap<>();
        Map<String, Long> live = new LinkedHashMap<>();
        for (Entity entity : TpchSchema.DATASET.entities()) {
            stored.put(entity.name(), rawCount(entity.name(), ""));
            live.put(entity.name(), model.count(TpchSchema.DATASET, entity));
        }
        assertThat(stored)
                .as("before index(): old versions and tombstones are stored")
                .isNotEqualTo(live);
        assertThat(rawCount("lineitem", " WHERE _deleted = 1")).isPositive();

        model.index(TpchSchema.DATASET);

        for (Entity entity : TpchSchema.DATASET.entities()) {
            assertThat(rawCount(entity.name(), ""))
                    .as("%s read without FINAL", entity.name())
                    .isEqualTo(live.get(entity.name()));
            assertThat(rawCount(entity.name(), " WHERE _deleted = 1"))
                    .as("%s tombstones", entity.name())
                    .isZero();
        }
        assertThat(Verifier.verify(script().expected(), List.of(store())).equal())
                .isTrue();
    }

    @Test
    @Order(5)
    void aChangeOfAnEntityTheDatasetLacksIsRefusedByName() {
        Object[] row = new Object[YcsbSchema.USERTABLE.columns().size()];
        row[0] = "user1";
        Change stray = Change.upsert(YcsbSchema.USERTABLE, row);
        assertThatThrownBy(() -> store().require(Sink.class).apply(TpchSchema.DATASET, List.of(stray)))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("has no entity 'usertable'");
    }

    @Test
    @Order(6)
    void aValueItsColumnCannotHoldExactlyIsRefusedByNameAndNothingOfTheBatchIsWritten() {
        long before = rawCount("region", "");
        Change fine = Change.upsert(TpchSchema.REGION, new Object[] {7L, "NEW", "a new region"});
        Change inexact = Change.upsert(TpchSchema.SUPPLIER, new Object[] {
            1L, "Supplier", "address", 1L, "10-000-000-0000", new java.math.BigDecimal("12.345"), "comment"
        });
        assertThatThrownBy(() -> store().require(Sink.class).apply(TpchSchema.DATASET, List.of(fine, inexact)))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("column s_acctbal")
                .hasMessageContaining("12.345");
        assertThat(rawCount("region", "")).as("checked before anything is sent").isEqualTo(before);
    }

    /** Last: it replaces region with a table of the layout before the sink. */
    @Test
    @Order(7)
    void tablesWithoutTheSyncColumnsAreNamedWithTheWayOut() {
        sql().execute("dropping region", "DROP TABLE region", Duration.ofSeconds(30));
        sql().execute(
                        "creating region as before the sink",
                        "CREATE TABLE region (r_regionkey Int32, r_name String, r_comment String) ENGINE = MergeTree"
                                + " ORDER BY r_regionkey",
                        Duration.ofSeconds(30));
        DatasetModel model = store().require(DatasetModel.class);
        assertThatThrownBy(() -> model.count(TpchSchema.DATASET, TpchSchema.REGION))
                .isInstanceOf(DbxException.class)
                .satisfies(e -> assertThat(((DbxException) e).hint()).contains("--replace"));
        Change change = Change.upsert(TpchSchema.REGION, new Object[] {1L, "AMERICA", "a comment"});
        assertThatThrownBy(() -> store().require(Sink.class).apply(TpchSchema.DATASET, List.of(change)))
                .isInstanceOf(DbxException.class)
                .satisfies(e -> assertThat(((DbxException) e).hint()).contains("--replace"));
    }

    private long rawCount(String table, String where) {
        return Long.parseLong(sql().value("counting stored rows", "SELECT count() FROM " + table + where));
    }
}
