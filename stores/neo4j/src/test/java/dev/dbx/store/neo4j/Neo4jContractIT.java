package dev.dbx.store.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.Stores;
import dev.dbx.engine.Ports;
import dev.dbx.store.testkit.StoreContractIT;
import dev.dbx.workloads.dataset.TpchSource;
import dev.dbx.workloads.dataset.YcsbData;
import dev.dbx.workloads.load.DatasetLoader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.summary.Plan;

/**
 * The store contract against the local engine (Neo4j Community in a child JVM), then what makes the Neo4j model a
 * graph: the TPC-H rows are nodes and relationships that traversals follow, keys are unique, indexes are online, and
 * the YCSB scan is an ordered index seek.
 */
class Neo4jContractIT extends StoreContractIT {
    private static final double SCALE = 0.01;
    private Driver driver;

    @Override
    protected String storeId() {
        return "neo4j";
    }

    @Override
    protected String expectedProduct() {
        return "Neo4j";
    }

    @Override
    protected URI deadUri() {
        return URI.create("bolt://neo4j:secret@127.0.0.1:" + Ports.freeRange(1));
    }

    @AfterAll
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    @Order(7)
    void customersPlaceOrdersThatContainPartsSuppliedBySuppliers() {
        ensureTpchLoaded();
        TpchSource source = new TpchSource(SCALE);
        long custkey = firstOrdersCustomer(source);
        Set<Long> orders = new TreeSet<>();
        rows(source, TpchSchema.ORDERS, r -> (Long) r[1] == custkey, r -> orders.add((Long) r[0]));
        List<String> lines = new ArrayList<>();
        Set<Long> parts = new TreeSet<>();
        rows(source, TpchSchema.LINEITEM, r -> orders.contains((Long) r[0]), r -> {
            lines.add(r[0] + "/" + r[3] + "/" + r[1]);
            parts.add((Long) r[1]);
        });
        assertThat(orders).isNotEmpty();

        Map<String, Object> customer = Map.of("c", custkey);
        assertThat(longs("MATCH (:Customer {c_custkey: $c})-[:PLACED]->(o:Order) RETURN o.o_orderkey", customer))
                .containsExactlyInAnyOrderElementsOf(orders);
        assertThat(query(
                                "MATCH (:Customer {c_custkey: $c})-[:PLACED]->(o:Order)-[l:CONTAINS]->(p:Part)"
                                        + " RETURN o.o_orderkey AS o, l.l_linenumber AS n, p.p_partkey AS p",
                                customer)
                        .stream()
                        .map(r -> r.get("o").asLong() + "/" + r.get("n").asLong() + "/"
                                + r.get("p").asLong())
                        .toList())
                .containsExactlyInAnyOrderElementsOf(lines);
        // two hops: the parts of the customer's orders
        assertThat(longs(
                        "MATCH (:Customer {c_custkey: $c})-[:PLACED]->(:Order)-[:CONTAINS]->(p:Part)"
                                + " RETURN DISTINCT p.p_partkey",
                        customer))
                .containsExactlyInAnyOrderElementsOf(parts);

        // customer IN nation IN region, as the rows say
        Map<Long, Long> nationOfCustomer = new HashMap<>();
        rows(source, TpchSchema.CUSTOMER, r -> (Long) r[0] == custkey, r -> nationOfCustomer.put(custkey, (Long) r[3]));
        long nation = nationOfCustomer.get(custkey);
        Map<Long, Long> regionOfNation = new HashMap<>();
        rows(source, TpchSchema.NATION, r -> true, r -> regionOfNation.put((Long) r[0], (Long) r[2]));
        Record geography = query(
                        "MATCH (:Customer {c_custkey: $c})-[:IN]->(n:Nation)-[:IN]->(r:Region)"
                                + " RETURN n.n_nationkey AS n, r.r_regionkey AS r",
                        customer)
                .getFirst();
        assertThat(geography.get("n").asLong()).isEqualTo(nation);
        assertThat(geography.get("r").asLong()).isEqualTo(regionOfNation.get(nation));

        // partsupp: the suppliers of part 1
        Set<Long> suppliers = new HashSet<>();
        rows(source, TpchSchema.PARTSUPP, r -> (Long) r[0] == 1L, r -> suppliers.add((Long) r[1]));
        assertThat(longs("MATCH (s:Supplier)-[:SUPPLIES]->(:Part {p_partkey: 1}) RETURN s.s_suppkey", Map.of()))
                .containsExactlyInAnyOrderElementsOf(suppliers);

        // every line item was bought from a supplier that offers its part
        assertThat(longs(
                        "MATCH (:Order)-[l:CONTAINS]->(p:Part)"
                                + " WHERE NOT EXISTS { MATCH (:Supplier {s_suppkey: l.l_suppkey})-[:SUPPLIES]->(p) }"
                                + " RETURN count(*)",
                        Map.of()))
                .containsExactly(0L);
        // foreign keys are relationships, not copies of the key on the node
        assertThat(longs("MATCH (o:Order) WHERE o.o_custkey IS NOT NULL RETURN count(o)", Map.of()))
                .containsExactly(0L);
    }

    @Test
    @Order(7)
    void keysAreUniqueAndTheIndexesAreOnline() {
        ensureTpchLoaded();
        assertThat(query("SHOW CONSTRAINTS YIELD name, type WHERE type = 'UNIQUENESS' RETURN name", Map.of()).stream()
                        .map(r -> r.get("name").asString())
                        .toList())
                .contains("region_key", "nation_key", "supplier_key", "customer_key", "part_key", "order_key");
        List<Record> fulltext = query("SHOW FULLTEXT INDEXES YIELD name, state RETURN name, state", Map.of());
        assertThat(fulltext).extracting(r -> r.get("name").asString()).contains("order_comment", "contains_comment");
        assertThat(fulltext)
                .allSatisfy(r -> assertThat(r.get("state").asString()).isEqualTo("ONLINE"));

        assertThatThrownBy(() -> query("CREATE (:Order {o_orderkey: 1})", Map.of()))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("already exists");

        // the english analyzer stems: 'furiously' finds comments with 'furious' and 'furiously'
        List<Record> hits = query(
                "CALL db.index.fulltext.queryNodes('order_comment', 'furiously') YIELD node"
                        + " RETURN node.o_comment AS comment LIMIT 50",
                Map.of());
        assertThat(hits).isNotEmpty();
        assertThat(hits).allSatisfy(r -> assertThat(r.get("comment").asString()).containsIgnoringCase("furious"));
        assertThat(query(
                        "CALL db.index.fulltext.queryRelationships('contains_comment', 'carefully') YIELD relationship"
                                + " RETURN relationship LIMIT 1",
                        Map.of()))
                .hasSize(1);
    }

    @Test
    @Order(7)
    void theUsertableScanIsAnOrderedRangeSeekOnTheKeyIndex() {
        Plan plan = explain(UserTable.scanStatement("User"));
        List<String> operators = new ArrayList<>();
        collect(plan, operators);
        assertThat(operators).anyMatch(op -> op.contains("IndexSeekByRange"));
        assertThat(operators).noneMatch(op -> op.startsWith("Sort") || op.startsWith("Top") || op.contains("Sort@"));
    }

    @Test
    @Order(7)
    void fieldNamesOutsideTheSchemaAreRefused() {
        KeyValue kv = store().require(KeyValue.class);
        String key = YcsbData.key(1);
        assertThatThrownBy(() -> kv.read(key, Set.of("field0] DETACH DELETE u //")))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("usertable has no field");
        assertThatThrownBy(() -> kv.update(key, Map.of("ycsb_key", "stolen")))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("usertable has no field");
        assertThat(kv.read(key, Set.of())).isPresent();
    }

    @Test
    @Order(7)
    void aDatabaseThatDoesNotExistIsNamedInTheError() {
        URI uri = URI.create(engine().orElseThrow().uri() + "/nosuchdb");
        try (Store store = Stores.open("neo4j", uri, Duration.ofSeconds(10))) {
            assertThatThrownBy(store::identity)
                    .isInstanceOf(DbxException.class)
                    .hasMessageContaining("database 'nosuchdb' does not exist")
                    .satisfies(e -> assertThat(((DbxException) e).hint()).contains("URI path"));
        }
    }

    private void ensureTpchLoaded() {
        if (!store().require(DatasetModel.class).isLoaded(TpchSchema.DATASET)) {
            DatasetLoader.load(store(), DatasetLoader.counting(new TpchSource(SCALE)), true);
        }
    }

    private static long firstOrdersCustomer(TpchSource source) {
        try (RowStream rows = source.rows(TpchSchema.ORDERS)) {
            return (Long) rows.next()[1];
        }
    }

    private static void rows(
            TpchSource source, Entity entity, Predicate<Object[]> where, java.util.function.Consumer<Object[]> each) {
        try (RowStream rows = source.rows(entity)) {
            while (rows.hasNext()) {
                Object[] row = rows.next();
                if (where.test(row)) {
                    each.accept(row);
                }
            }
        }
    }

    private List<Long> longs(String cypher, Map<String, Object> params) {
        return query(cypher, params).stream().map(r -> r.get(0).asLong()).toList();
    }

    private List<Record> query(String cypher, Map<String, Object> params) {
        try (Session session = driver().session()) {
            return session.run(cypher, params).list();
        }
    }

    private Plan explain(String cypher) {
        try (Session session = driver().session()) {
            return session.run("EXPLAIN " + cypher, Map.of("start", "user", "count", 10, "fields", List.of("field0")))
                    .consume()
                    .queryPlan()
                    .orElseThrow();
        }
    }

    private static void collect(Plan plan, List<String> operators) {
        operators.add(plan.operatorType());
        plan.children().forEach(child -> collect(child, operators));
    }

    private Driver driver() {
        if (driver == null) {
            driver = GraphDatabase.driver(engine().orElseThrow().uri(), AuthTokens.none());
        }
        return driver;
    }
}
