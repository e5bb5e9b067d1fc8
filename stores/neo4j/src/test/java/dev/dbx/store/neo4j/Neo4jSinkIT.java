package dev.dbx.store.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.Sink;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.sync.Change;
import dev.dbx.store.testkit.SinkContractIT;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.neo4j.driver.summary.Plan;

/**
 * The sink contract against a real Neo4j server, plus what is the graph's own: every sink statement finds its nodes
 * through the unique-key indexes (MERGE never scans a label), a row arriving before the row it references links to a
 * placeholder that is no row until that row arrives, and a deleted row still referenced stays a placeholder its
 * referrers read their key from.
 */
class Neo4jSinkIT extends SinkContractIT {
    private static final Dataset TPCH = TpchSchema.DATASET;

    private Driver driver;

    @Override
    protected String storeId() {
        return "neo4j";
    }

    @AfterAll
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    @Order(4)
    void everySinkStatementSeeksItsNodesByUniqueKeyAndScansNoLabel() {
        DatasetGraph graph = DatasetGraph.of(TPCH);
        for (Entity entity : TPCH.entities()) {
            Map<String, Object> row = new HashMap<>();
            entity.columnNames().forEach(name -> row.put(name, 1L));
            Map<String, Object> params = Map.of("rows", List.of(row));
            for (String statement : List.of(graph.upsertStatement(entity), graph.deleteStatement(entity))) {
                List<String> operators = operators(statement, params);
                // a unique index seek, or the operator that merges through the unique index (Neo4j 2025+)
                assertThat(operators)
                        .as(statement)
                        .anyMatch(op -> op.contains("UniqueIndexSeek") || op.startsWith("MergeUniqueNode"));
                assertThat(operators).as(statement).noneMatch(op -> op.contains("Scan"));
            }
        }
        // the same check tells a MERGE on a property no range or unique index has
        assertThat(operators(
                        "UNWIND $rows AS row MERGE (x:Region {r_comment: row.r_comment})", Map.of("rows", List.of())))
                .anyMatch(op -> op.contains("Scan"));
    }

    @Test
    @Order(5)
    void theChangeScriptLeavesNoPlaceholder() {
        assertThat(placeholders()).isZero();
    }

    @Test
    @Order(6)
    void aLineItemBeforeItsOrderLinksToAPlaceholderThatIsNoRowUntilTheOrderArrives() {
        Sink sink = store().require(Sink.class);
        DatasetModel model = store().require(DatasetModel.class);
        Entity orders = TpchSchema.ORDERS;
        Entity lineitem = TpchSchema.LINEITEM;
        long orderKey = 9_100_000L;
        Object[] order = first(orders);
        order[orders.indexOf("o_orderkey")] = orderKey;
        Object[] item = first(lineitem);
        item[lineitem.indexOf("l_orderkey")] = orderKey;
        long ordersBefore = model.count(TPCH, orders);

        sink.apply(TPCH, List.of(Change.upsert(lineitem, item)));
        assertThat(model.existingKeys(TPCH, lineitem, List.of(key(lineitem, item))))
                .hasSize(1);
        assertThat(model.existingKeys(TPCH, orders, List.of(List.of(orderKey)))).isEmpty();
        assertThat(model.count(TPCH, orders)).isEqualTo(ordersBefore);
        // the same count straight from the label tells the placeholder
        assertThat(rawCount("MATCH (o:Order) RETURN count(o)")).isEqualTo(ordersBefore + 1);
        assertThat(placeholders()).isOne();

        sink.apply(TPCH, List.of(Change.upsert(orders, order)));
        assertThat(model.existingKeys(TPCH, orders, List.of(List.of(orderKey)))).hasSize(1);
        assertThat(model.count(TPCH, orders)).isEqualTo(ordersBefore + 1);
        assertThat(placeholders()).isZero();

        sink.apply(
                TPCH, List.of(Change.delete(lineitem, key(lineitem, item)), Change.delete(orders, List.of(orderKey))));
        assertThat(rawCount("MATCH (o:Order) RETURN count(o)")).isEqualTo(ordersBefore);
        assertThat(placeholders()).isZero();
    }

    @Test
    @Order(7)
    void aRegionDeletedWhileNationsAreInItStaysAPlaceholderTheirKeyIsReadFrom() {
        Sink sink = store().require(Sink.class);
        DatasetModel model = store().require(DatasetModel.class);
        Entity region = TpchSchema.REGION;
        Object[] row = first(region);
        long regionKey = (Long) row[region.indexOf("r_regionkey")];
        long regions = model.count(TPCH, region);
        List<Long> nationsIn = longs(
                "MATCH (n:Nation)-[:IN]->(:Region {r_regionkey: $r}) RETURN n.n_nationkey ORDER BY 1",
                Map.of("r", regionKey));
        assertThat(nationsIn).isNotEmpty();

        sink.apply(TPCH, List.of(Change.delete(region, List.of(regionKey))));
        assertThat(model.count(TPCH, region)).isEqualTo(regions - 1);
        assertThat(model.existingKeys(TPCH, region, List.of(List.of(regionKey))))
                .isEmpty();
        assertThat(placeholders()).isOne();
        List<Long> nationsReading = new ArrayList<>();
        model.scan(TPCH, TpchSchema.NATION, r -> {
            if (Long.valueOf(regionKey).equals(r[TpchSchema.NATION.indexOf("n_regionkey")])) {
                nationsReading.add((Long) r[TpchSchema.NATION.indexOf("n_nationkey")]);
            }
        });
        assertThat(nationsReading).containsExactlyInAnyOrderElementsOf(nationsIn);

        sink.apply(TPCH, List.of(Change.upsert(region, row)));
        assertThat(model.count(TPCH, region)).isEqualTo(regions);
        assertThat(placeholders()).isZero();
    }

    @Test
    @Order(8)
    void aNodeCountReadsTheCountStoreAndScansOnlyPlaceholders() {
        GraphMapping.Element orders = DatasetGraph.of(TPCH).mapping().element(TpchSchema.ORDERS);
        List<String> plan = operatorsWithDetails(GraphScanner.countStatement(orders));
        assertThat(plan).anyMatch(op -> op.startsWith("NodeCountFromCountStore"));
        // the placeholders through the Placeholder label's index (alone, or intersected with the entity's label)
        assertThat(plan).filteredOn(op -> op.contains("Scan")).allMatch(op -> op.contains("Placeholder"));
        // the same check tells a count that reads every order
        assertThat(operatorsWithDetails("MATCH (o:Order) WHERE o.o_comment IS NOT NULL RETURN count(o)"))
                .filteredOn(op -> op.contains("Scan"))
                .isNotEmpty()
                .noneMatch(op -> op.contains("Placeholder"));
    }

    @Test
    @Order(9)
    void aCustomerWithoutANationIsRefusedBeforeAnythingOfTheBatchIsSent() {
        Entity region = TpchSchema.REGION;
        Entity customer = TpchSchema.CUSTOMER;
        Object[] renamed = first(region);
        renamed[region.indexOf("r_name")] = "NOT APPLIED";
        Object[] homeless = first(customer);
        homeless[customer.indexOf("c_nationkey")] = null;
        assertThatThrownBy(() -> store().require(Sink.class)
                        .apply(TPCH, List.of(Change.upsert(region, renamed), Change.upsert(customer, homeless))))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("customer")
                .hasMessageContaining("c_nationkey");
        assertThat(rawCount("MATCH (r:Region {r_name: 'NOT APPLIED'}) RETURN count(r)"))
                .isZero();
    }

    private long placeholders() {
        return rawCount("MATCH (x:Placeholder) RETURN count(x)");
    }

    private Object[] first(Entity entity) {
        try (RowStream rows = script().expected().rows(entity)) {
            return rows.next().clone();
        }
    }

    private static List<Object> key(Entity entity, Object[] row) {
        List<Object> key = new ArrayList<>();
        for (int i : entity.primaryKeyIndexes()) {
            key.add(row[i]);
        }
        return key;
    }

    private long rawCount(String cypher) {
        return longs(cypher, Map.of()).get(0);
    }

    private List<Long> longs(String cypher, Map<String, Object> params) {
        try (Session session = driver().session()) {
            return session.run(cypher, params).list().stream()
                    .map((Record r) -> r.get(0).asLong())
                    .toList();
        }
    }

    private List<String> operators(String cypher, Map<String, Object> params) {
        Plan plan;
        try (Session session = driver().session()) {
            plan = session.run("EXPLAIN " + cypher, params)
                    .consume()
                    .queryPlan()
                    .orElseThrow();
        }
        List<String> operators = new ArrayList<>();
        collect(plan, operators);
        return operators;
    }

    /** Each operator of the plan as "type details", e.g. "NodeByLabelScan@neo4j p:Placeholder". */
    private List<String> operatorsWithDetails(String cypher) {
        Plan plan;
        try (Session session = driver().session()) {
            plan = session.run("EXPLAIN " + cypher).consume().queryPlan().orElseThrow();
        }
        List<String> operators = new ArrayList<>();
        collectWithDetails(plan, operators);
        return operators;
    }

    private static void collectWithDetails(Plan plan, List<String> operators) {
        Value details = plan.arguments().get("Details");
        operators.add(plan.operatorType() + " " + (details == null ? "" : details.asString()));
        plan.children().forEach(child -> collectWithDetails(child, operators));
    }

    private static void collect(Plan plan, List<String> operators) {
        operators.add(plan.operatorType());
        plan.children().forEach(child -> collect(child, operators));
    }

    /** The official driver, straight to the server under test (not dbx's store). */
    private Driver driver() {
        if (driver == null) {
            BoltTarget target = BoltTarget.parse(uri());
            driver = GraphDatabase.driver(target.driverUri(), target.authToken());
        }
        return driver;
    }
}
