package dev.dbx.workloads.churn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.capability.OrderChange;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeCountsTest {
    @Test
    void rowCountsThatMovedAsCountedPassAndOneRowOffIsNamed() {
        ChangeCounts changes = new ChangeCounts();
        changes.add(ChurnOperation.NEW_ORDER, new OrderChange(6_000_001, 1, 4));
        changes.add(ChurnOperation.NEW_ORDER, new OrderChange(6_000_002, 1, 2));
        changes.add(ChurnOperation.DELETE_ORDER, new OrderChange(7, 1, 3));
        changes.add(ChurnOperation.CANCEL_ORDER, new OrderChange(32, 1, 5));
        changes.add("customer", ChangeCounts.Kind.UPDATED, 1);
        Map<String, Long> before = Map.of("orders", 100L, "lineitem", 400L, "customer", 50L);

        assertThat(changes.checkRowCounts(before, Map.of("orders", 101L, "lineitem", 403L, "customer", 50L)))
                .isEmpty();
        assertThat(changes.checkRowCounts(before, Map.of("orders", 101L, "lineitem", 402L, "customer", 50L)))
                .containsExactly("lineitem: 400 rows before + 6 inserted - 3 deleted = 403 expected, 402 found");
        assertThat(changes.checkRowCounts(before, Map.of("orders", 101L, "lineitem", 403L)))
                .containsExactly("customer: no row count after the run");
        assertThat(changes.asMap())
                .containsEntry("orders.inserted", 2L)
                .containsEntry("orders.updated", 1L)
                .containsEntry("orders.deleted", 1L)
                .containsEntry("lineitem.updated", 5L)
                .containsEntry("customer.updated", 1L)
                .containsEntry("customer.inserted", 0L);
    }

    @Test
    void tpchOrderKeysAreTheFirstEightOfEvery32() {
        assertThat(OrderKeys.sparse(1)).isEqualTo(1);
        assertThat(OrderKeys.sparse(7)).isEqualTo(7);
        assertThat(OrderKeys.sparse(8)).isEqualTo(32);
        assertThat(OrderKeys.sparse(15)).isEqualTo(39);
        assertThat(OrderKeys.sparse(16)).isEqualTo(64);
    }
}
