package dev.dbx.workloads.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.capability.Graph.Reach;
import dev.dbx.core.capability.Graph.Recommendation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GraphTruthTest {
    /** SF 0.01's truth, built once for the tests that need it (generating TPC-H's text pool takes seconds). */
    private static final class Sf001 {
        static final GraphTruth TRUTH = GraphTruth.of(0.01);
    }

    /**
     * customer 1 bought parts 10, 11 (10 twice, in two orders); 2 bought 10, 12; 3 bought 11, 12, 13; 4 bought 13; 5
     * bought 20 alone; 6 placed no order. Orders arrive out of key order.
     */
    static GraphTruth small() {
        List<Object[]> orders = List.of(row(4, 1), row(1, 1), row(2, 2), row(3, 3), row(6, 5), row(5, 4));
        List<Object[]> lines = List.of(
                row(1, 10),
                row(1, 11),
                row(2, 10),
                row(2, 12),
                row(3, 11),
                row(3, 12),
                row(3, 13),
                row(4, 10),
                row(5, 13),
                row(6, 20));
        return GraphTruth.of(orders.iterator(), lines.iterator());
    }

    private static Object[] row(long a, long b) {
        return new Object[] {a, b, "rest of the row"};
    }

    @Test
    void boughtIsOneFactPerCustomerAndPart() {
        GraphTruth g = small();
        assertThat(g.boughtPairs()).isEqualTo(9);
        assertThat(g.partsOf(1)).containsExactly(10, 11);
        assertThat(g.buyersOf(12)).containsExactly(2, 3);
        assertThat(g.partsOf(6)).isEmpty();
        assertThat(g.partsOf(999)).isEmpty();
    }

    @Test
    void coPurchaseScoresPartsByTheOtherCustomersWhoBoughtThemAndLeavesOutTheCustomersOwn() {
        GraphTruth g = small();
        // others of 1: 2 (part 10) and 3 (part 11); 12 bought by both, 13 by 3; 10 and 11 are 1's own
        assertThat(g.coPurchase(1, 10)).containsExactly(new Recommendation(12, 2), new Recommendation(13, 1));
        assertThat(g.coPurchase(1, 1)).containsExactly(new Recommendation(12, 2));
        // ties: 4's others are 3 alone, who bought 11 and 12 besides 13: the smaller key first
        assertThat(g.coPurchase(4, 10)).containsExactly(new Recommendation(11, 1), new Recommendation(12, 1));
        assertThat(g.coPurchase(5, 10)).as("nobody else bought part 20").isEmpty();
        assertThat(g.coPurchase(6, 10)).as("no orders").isEmpty();
    }

    @Test
    void reachCountsTheOtherCustomersWithinKHops() {
        GraphTruth g = small();
        assertThat(g.reachable(1, 1)).isEqualTo(new Reach(1, 2, 2 + 3));
        assertThat(g.reachableKeys(1, 2)).containsExactly(2, 3, 4);
        assertThat(g.reachable(1, 4)).isEqualTo(new Reach(4, 3, 9));
        assertThat(g.reachableKeys(4, 1)).containsExactly(3);
        assertThat(g.reachableKeys(4, 2)).containsExactly(1, 2, 3);
        assertThat(g.reachable(5, 3)).isEqualTo(new Reach(3, 0, 0));
        assertThat(g.reachable(6, 1)).isEqualTo(new Reach(1, 0, 0));
    }

    /** The breadth-first search against the definition applied literally: R(k) = buyers(parts(R(k-1))). */
    @Test
    void reachAtSf001MatchesTheDefinitionAppliedNaively() {
        GraphTruth g = Sf001.TRUTH;
        assertThat(g.partsOf(3))
                .as("TPC-H gives customers that are multiples of 3 no orders")
                .isEmpty();
        for (long start : GraphSuite.CO_PURCHASE_CUSTOMERS) {
            assertThat(g.partsOf(start))
                    .as("start customer %s has orders", start)
                    .isNotEmpty();
        }
        Set<Integer> reached = new HashSet<>(Set.of((int) GraphSuite.REACH_CUSTOMER));
        for (int k = 1; k <= 4; k++) {
            Set<Integer> next = new HashSet<>(reached);
            for (int c : reached) {
                for (int p : g.partsOf(c)) {
                    for (int b : g.buyersOf(p)) {
                        next.add(b);
                    }
                }
            }
            reached = next;
            List<Integer> expected = new ArrayList<>(reached);
            expected.remove(Integer.valueOf((int) GraphSuite.REACH_CUSTOMER));
            expected.sort(null);
            int[] keys = g.reachableKeys(GraphSuite.REACH_CUSTOMER, k);
            assertThat(Arrays.stream(keys).boxed().toList()).as("k=%d", k).isEqualTo(expected);
        }
    }

    @Test
    void coPurchaseAtSf001MatchesTheDefinitionAppliedNaively() {
        GraphTruth g = Sf001.TRUTH;
        long c = GraphSuite.CO_PURCHASE_CUSTOMERS.get(0);
        Set<Integer> mine = new HashSet<>();
        Arrays.stream(g.partsOf(c)).forEach(mine::add);
        Set<Integer> others = new HashSet<>();
        for (int p : mine) {
            Arrays.stream(g.buyersOf(p)).filter(b -> b != c).forEach(others::add);
        }
        java.util.Map<Integer, Long> score = new java.util.HashMap<>();
        for (int o : others) {
            for (int q : g.partsOf(o)) {
                if (!mine.contains(q)) {
                    score.merge(q, 1L, Long::sum);
                }
            }
        }
        List<Recommendation> expected = score.entrySet().stream()
                .map(e -> new Recommendation(e.getKey(), e.getValue()))
                .sorted(java.util.Comparator.comparingLong(Recommendation::customers)
                        .reversed()
                        .thenComparingLong(Recommendation::part))
                .limit(10)
                .toList();
        assertThat(g.coPurchase(c, 10)).isEqualTo(expected).hasSize(10);
    }
}
