package dev.dbx.store.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.Explain;
import dev.dbx.core.query.PlanNode;
import dev.dbx.core.query.QueryPlan;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A store with {@link Explain} gives the engine's own plan for queries over its TPC-H tables, summarised: the relations
 * a join reads, whether a key lookup and a filter on an unindexed text column were answered by an index or a full
 * scan, actual rows or time when analyzed, the engine's raw text, and a clear error for a query it cannot plan. The
 * defaults are SQL that PostgreSQL, SQLite and DuckDB all take; other engines give theirs.
 */
public interface ExplainContract extends StoreUnderTest {
    Duration EXPLAIN_TIMEOUT = Duration.ofSeconds(60);

    /** Whether the engine can plan a query without running it (OpenSearch's Profile API cannot). */
    default boolean plansWithoutRunning() {
        return true;
    }

    /** A TPC-H Q5-like join of customer, orders, lineitem, supplier, nation and region. */
    default String joinQuery() {
        return "SELECT n_name, sum(l_extendedprice * (1 - l_discount)) AS revenue"
                + " FROM customer, orders, lineitem, supplier, nation, region"
                + " WHERE c_custkey = o_custkey AND l_orderkey = o_orderkey AND l_suppkey = s_suppkey"
                + " AND c_nationkey = s_nationkey AND s_nationkey = n_nationkey AND n_regionkey = r_regionkey"
                + " AND r_name = 'ASIA' AND o_orderdate >= '1994-01-01' AND o_orderdate < '1995-01-01'"
                + " GROUP BY n_name ORDER BY revenue DESC";
    }

    /** The relations (lower case) the join's plan must show reading. */
    default Set<String> joinRelations() {
        return Set.of("orders", "lineitem");
    }

    /** One order by its key. */
    default String keyLookup() {
        return "SELECT o_totalprice FROM orders WHERE o_orderkey = 4242";
    }

    /** The relation {@link #keyLookup} reads (a table, collection, label). */
    default String keyLookupRelation() {
        return "orders";
    }

    /** How the store answers {@link #keyLookup}: INDEX where the model has a key on orders. */
    default PlanNode.Access keyLookupAccess() {
        return PlanNode.Access.INDEX;
    }

    /** A filter no index serves. */
    default String unindexedFilter() {
        return "SELECT count(*) FROM lineitem WHERE l_comment LIKE '%carefully%'";
    }

    /** The relation {@link #unindexedFilter} reads. */
    default String unindexedRelation() {
        return "lineitem";
    }

    /** Something the engine cannot plan. */
    default String badQuery() {
        return "SELECT no_such_column FROM no_such_table";
    }

    @Test
    default void explainsAJoinWithItsOperatorsAndAccesses() {
        QueryPlan plan = store().require(Explain.class).explain(joinQuery(), false, EXPLAIN_TIMEOUT);
        assertThat(plan.store()).isEqualTo(storeId());
        assertThat(plan.analyzed()).isEqualTo(!plansWithoutRunning());
        assertThat(plan.raw()).isNotBlank();
        assertThat(plan.method()).isNotBlank();
        assertThat(plan.nodes()).hasSizeGreaterThan(1);
        Set<String> read = plan.nodes().stream()
                .filter(n -> n.access() != PlanNode.Access.OTHER && n.relation() != null)
                .map(n -> n.relation().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        assertThat(read).as("relations read in %s", plan.raw()).containsAll(joinRelations());
    }

    @Test
    default void analyzeRunsTheQueryForItsTimeAndRows() {
        QueryPlan plan = store().require(Explain.class).explain(joinQuery(), true, EXPLAIN_TIMEOUT);
        assertThat(plan.analyzed()).isTrue();
        boolean timed = plan.totalMs() != null || plan.nodes().stream().anyMatch(n -> n.timeMs() != null);
        assertThat(timed)
                .as("a time, overall or per operator, in %s", plan.raw())
                .isTrue();
        boolean counted = plan.nodes().stream().anyMatch(n -> n.rowsOut() != null);
        assertThat(counted).as("actual rows somewhere in %s", plan.raw()).isTrue();
    }

    @Test
    default void aKeyLookupAndAnUnindexedFilterSayHowTheyReadTheirTable() {
        Explain explain = store().require(Explain.class);
        QueryPlan lookup = explain.explain(keyLookup(), false, EXPLAIN_TIMEOUT);
        assertThat(lookup.nodes())
                .as("%s read by %s in %s", keyLookupRelation(), keyLookupAccess(), lookup.raw())
                .anyMatch(n ->
                        n.access() == keyLookupAccess() && keyLookupRelation().equalsIgnoreCase(n.relation()));
        QueryPlan scan = explain.explain(unindexedFilter(), false, EXPLAIN_TIMEOUT);
        assertThat(scan.fullScans())
                .as("a full scan of %s in %s", unindexedRelation(), scan.raw())
                .anyMatch(n -> unindexedRelation().equalsIgnoreCase(n.relation()));
    }

    @Test
    default void aQueryItCannotPlanIsAClearError() {
        assertThatThrownBy(() -> store().require(Explain.class).explain(badQuery(), false, EXPLAIN_TIMEOUT))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining(storeId());
    }
}
