package dev.dbx.workloads.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.capability.Graph.Reach;
import dev.dbx.core.capability.Graph.Recommendation;
import dev.dbx.workloads.query.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphSuiteTest {
    private final GraphTruth truth = GraphTruthTest.small();

    @Test
    void theRightAnswerIsRight() {
        assertThat(GraphSuite.checkCoPurchase(truth.coPurchase(1, 10), truth.coPurchase(1, 10)))
                .isEqualTo(Verdict.right());
        assertThat(GraphSuite.checkReach(truth.reachable(1, 2), new Reach(2, 3, 9)))
                .isEqualTo(Verdict.right());
    }

    @Test
    void aDifferentAnswerIsWrongWithTheFirstDifference() {
        List<Recommendation> expected = truth.coPurchase(1, 10);
        List<Recommendation> swapped = List.of(expected.get(1), expected.get(0));
        Verdict verdict = GraphSuite.checkCoPurchase(expected, swapped);
        assertThat(verdict.isWrong()).isTrue();
        assertThat(verdict.reason())
                .isEqualTo("recommendation 1 is part 13 (1 customers), expected part 12 (2 customers)"
                        + " (2 returned, 2 expected)");

        List<Recommendation> shorter = new ArrayList<>(expected.subList(0, 1));
        assertThat(GraphSuite.checkCoPurchase(expected, shorter).reason()).startsWith("recommendation 2 is missing");
        List<Recommendation> longer = new ArrayList<>(expected);
        longer.add(new Recommendation(20, 1));
        assertThat(GraphSuite.checkCoPurchase(expected, longer).isWrong()).isTrue();
        List<Recommendation> wrongScore = List.of(new Recommendation(12, 3), expected.get(1));
        assertThat(GraphSuite.checkCoPurchase(expected, wrongScore).isWrong()).isTrue();

        assertThat(GraphSuite.checkReach(new Reach(2, 3, 9), new Reach(2, 3, 8)).reason())
                .isEqualTo("reached 3 customers (key sum 8) within 2 hops, expected 3 (key sum 9) within 2");
    }

    @Test
    void theSuiteHasAFixedDocumentedSetOfQueries() {
        GraphSuite suite = GraphSuite.of(0.01, () -> truth);
        assertThat(suite.name()).isEqualTo("graph");
        assertThat(suite.comparesAcrossStores()).isTrue();
        assertThat(suite.parameters())
                .containsEntry("co-purchase customers", "1,74,148")
                .containsEntry("hops", "1,2,3,4");
        assertThat(suite.truth()).isSameAs(truth);
    }
}
