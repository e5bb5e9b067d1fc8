package dev.dbx.store.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.Explain;
import dev.dbx.core.capability.IndexAdvisor;
import dev.dbx.core.dataset.Checksum;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.query.BuiltIndex;
import dev.dbx.core.query.IndexProposal;
import dev.dbx.core.query.QueryPlan;
import dev.dbx.core.query.WriteCost;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A store with {@link IndexAdvisor}: with an index the model has dropped (orders' customer key), advice on a query
 * that filters on that column proposes it again with an estimated gain and keeps nothing; apply builds it (and the
 * plan uses it), the write cost can be measured without keeping a row, and revert drops exactly it. The dataset's
 * checksums are the same throughout. The model's index is put back at the end.
 */
public interface IndexAdvisorContract extends StoreUnderTest {
    /** Runs statements through the engine's own client (its driver, not dbx's store). */
    void executeWithOwnClient(String... statements) throws Exception;

    /** The model's index on orders (o_custkey), which the test drops. */
    default String modelIndex() {
        return "orders_custkey";
    }

    @Test
    default void advisesTheDroppedIndexAppliesItAndRevertsItLeavingTheDataAsItWas() throws Exception {
        IndexAdvisor advisor = store().require(IndexAdvisor.class);
        Explain explain = store().require(Explain.class);
        Duration timeout = Duration.ofSeconds(60);
        Map<String, String> checksums = checksums();
        String query = "SELECT o_orderkey, o_totalprice FROM orders WHERE o_custkey = 370";
        String expected = IndexAdvisor.PREFIX + "orders_o_custkey";
        executeWithOwnClient("DROP INDEX " + modelIndex());
        try {
            assertThat(advisor.added()).isEmpty();
            List<IndexProposal> proposals = advisor.advise(Map.of("by-customer", query), timeout);
            assertThat(proposals).extracting(IndexProposal::name).contains(expected);
            IndexProposal proposal = proposals.stream()
                    .filter(p -> p.name().equals(expected))
                    .findFirst()
                    .orElseThrow();
            assertThat(proposal.table()).isEqualTo("orders");
            assertThat(proposal.columns()).containsExactly("o_custkey");
            assertThat(proposal.estimates()).singleElement().satisfies(e -> {
                assertThat(e.usesIndex()).isTrue();
                assertThat(e.after()).isLessThan(e.before());
            });
            assertThat(proposal.reason()).contains("orders");

            // nothing kept: no index in the catalog, the plan still scans, the data unchanged
            assertThat(advisor.added()).as("indexes after advice alone").isEmpty();
            assertThat(explain.explain(query, false, timeout).fullScans())
                    .anyMatch(n -> "orders".equalsIgnoreCase(n.relation()));
            assertThat(checksums()).as("after advice").isEqualTo(checksums);

            WriteCost before = advisor.writeCost("orders", 200, timeout);
            assertThat(before.insertMs()).isPositive();
            BuiltIndex built = advisor.apply(proposal);
            assertThat(built.name()).isEqualTo(expected);
            assertThat(built.definition()).containsIgnoringCase("o_custkey");
            assertThat(advisor.added()).extracting(BuiltIndex::name).containsExactly(expected);
            QueryPlan after = explain.explain(query, false, timeout);
            assertThat(after.indexAccesses())
                    .as("the index used in %s", after.raw())
                    .anyMatch(n -> expected.equalsIgnoreCase(n.index()));
            WriteCost with = advisor.writeCost("orders", 200, timeout);
            assertThat(with.insertMs()).isPositive();
            assertThat(checksums()).as("after apply and the write workloads").isEqualTo(checksums);

            assertThat(advisor.revert()).containsExactly(expected);
            assertThat(advisor.added()).isEmpty();
            assertThat(explain.explain(query, false, timeout).fullScans())
                    .anyMatch(n -> "orders".equalsIgnoreCase(n.relation()));
            assertThat(checksums()).as("after revert").isEqualTo(checksums);
        } finally {
            advisor.revert();
            executeWithOwnClient("CREATE INDEX IF NOT EXISTS " + modelIndex() + " ON orders (o_custkey)");
        }
    }

    private Map<String, String> checksums() {
        DatasetModel model = store().require(DatasetModel.class);
        Map<String, String> sums = new LinkedHashMap<>();
        for (Entity entity : TpchSchema.DATASET.entities()) {
            Checksum sum = Checksum.of(model, TpchSchema.DATASET, entity);
            sums.put(entity.name(), sum.count() + ":" + sum.value());
        }
        return sums;
    }
}
