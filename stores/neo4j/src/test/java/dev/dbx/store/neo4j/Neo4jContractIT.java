package dev.dbx.store.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.Uris;
import dev.dbx.core.capability.Analytics;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.Explain;
import dev.dbx.core.capability.FieldSet;
import dev.dbx.core.capability.Graph;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.KeyValueSemantics;
import dev.dbx.core.capability.KeyValueSession;
import dev.dbx.core.capability.Sink;
import dev.dbx.core.capability.TextSearch;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.dataset.YcsbSchema;
import dev.dbx.core.store.Capability;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.Stores;
import dev.dbx.engine.Ports;
import dev.dbx.store.testkit.StoreContractIT;
import dev.dbx.workloads.dataset.TpchSource;
import dev.dbx.workloads.dataset.YcsbData;
import dev.dbx.workloads.dataset.YcsbSource;
import dev.dbx.workloads.load.DatasetLoader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.SummaryCounters;

/**
 * The store contract against the local engine (Neo4j Community in a child JVM), tampering through the official driver
 * directly; then what makes the Neo4j model a graph: the TPC-H rows are nodes and relationships that traversals
 * follow, keys are unique, indexes are online, keys are found by index seeks, the YCSB scan is an ordered index seek,
 * and a second writer of a node waits for the first one's lock. Each of these loads what it needs itself.
 */
class Neo4jContractIT extends StoreContractIT {
    private Driver driver;
    private boolean tpchLoadedHere;

    @Override
    protected String storeId() {
        return "neo4j";
    }

    @Override
    protected String expectedProduct() {
        return "Neo4j";
    }

    @Override
    protected Set<Class<? extends Capability>> expectedCapabilities() {
        return Set.of(
                DatasetModel.class,
                KeyValue.class,
                Analytics.class,
                TextSearch.class,
                Graph.class,
                Explain.class,
                Sink.class);
    }

    @Override
    protected URI deadUri() {
        return URI.create("bolt://neo4j:secret@127.0.0.1:" + Ports.freeRange(1));
    }

    /** One property of one relationship: the quantity of line item 1 of order 1. */
    @Override
    protected Entity changeOneValue() {
        SummaryCounters changed = write("MATCH (:Order {o_orderkey: 1})-[l:CONTAINS {l_linenumber: 1}]->(:Part)"
                + " SET l.l_quantity = l.l_quantity + 1");
        assertThat(changed.propertiesSet()).isEqualTo(1);
        return TpchSchema.LINEITEM;
    }

    /** A customer node that placed no order (so no order loses its customer), with its IN relationship. */
    @Override
    protected Entity deleteOneRow() {
        SummaryCounters deleted = write("MATCH (c:Customer) WHERE NOT EXISTS { (c)-[:PLACED]->() }"
                + " WITH c ORDER BY c.c_custkey LIMIT 1 DETACH DELETE c");
        assertThat(deleted.nodesDeleted()).isEqualTo(1);
        return TpchSchema.CUSTOMER;
    }

    /**
     * A second node of order 1 with the same properties, placed by the same customer, so it scans as the same row:
     * possible only once the order key's uniqueness constraint is gone, as after a sync that lost it.
     */
    @Override
    protected Entity duplicateOneRow() {
        write("DROP CONSTRAINT order_key");
        SummaryCounters created = write("MATCH (c:Customer)-[:PLACED]->(o:Order {o_orderkey: 1})"
                + " CREATE (c)-[:PLACED]->(copy:Order) SET copy = properties(o)");
        assertThat(created.nodesCreated()).isEqualTo(1);
        assertThat(longs("MATCH (o:Order {o_orderkey: 1}) RETURN count(o)", Map.of()))
                .containsExactly(2L);
        return TpchSchema.ORDERS;
    }

    @AfterAll
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    @Order(100)
    void customersPlaceOrdersThatContainPartsSuppliedBySuppliers() {
        loadTpch();
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
    @Order(101)
    void keysAreUniqueAndTheIndexesAreOnline() {
        loadTpch();
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
    @Order(102)
    void existingKeysOfEveryEntityAreFoundByIndexSeeksInBatches() {
        loadTpch();
        DatasetModel model = store().require(DatasetModel.class);
        TpchSource source = new TpchSource(SCALE);
        for (Entity entity : TpchSchema.DATASET.entities()) {
            List<List<Object>> stored = firstKeys(source, entity, 3);
            List<Object> missing =
                    new ArrayList<>(Arrays.asList(new Object[entity.primaryKey().size()]));
            missing.replaceAll(v -> -1L);
            List<List<Object>> asked = new ArrayList<>(stored);
            asked.add(missing);
            assertThat(model.existingKeys(TpchSchema.DATASET, entity, asked))
                    .as("keys of %s", entity.name())
                    .containsExactlyInAnyOrderElementsOf(stored);
            assertSeeksOnly(TpchSchema.DATASET, entity);
        }
        // more keys than one round trip takes: customers 1-1500 exist, 1501-2500 do not
        List<List<Object>> keys = new ArrayList<>();
        for (long c = 1; c <= 2_500; c++) {
            keys.add(List.of(c));
        }
        assertThat(model.existingKeys(TpchSchema.DATASET, TpchSchema.CUSTOMER, keys))
                .hasSize(1_500)
                .allSatisfy(k -> assertThat((Long) k.getFirst()).isBetween(1L, 1_500L));
        assertThatThrownBy(() -> model.existingKeys(TpchSchema.DATASET, TpchSchema.LINEITEM, List.of(List.of(1L))))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("primary key [l_orderkey, l_linenumber]");
    }

    @Test
    @Order(103)
    void theUsertableScanIsAnOrderedRangeSeekOnTheKeyIndex() {
        store().require(DatasetModel.class).create(YcsbSchema.DATASET);
        UserStatements statements = new UserStatements("User");
        Map<String, Object> params = new HashMap<>(Map.of("key", "user1", "start", "user", "count", 10));
        YcsbSchema.FIELDS.forEach(f -> params.put(f, "value"));
        for (FieldSet fields : List.of(FieldSet.all(), FieldSet.one(0), FieldSet.of(0))) {
            List<String> operators = operators(statements.scan(fields), params);
            assertThat(operators).as("scan of %s", fields).anyMatch(op -> op.contains("IndexSeekByRange"));
            assertThat(operators)
                    .as("scan of %s", fields)
                    .noneMatch(op -> op.startsWith("Sort") || op.startsWith("Top") || op.contains("Sort@"));
        }
        for (String byKey :
                List.of(statements.read(FieldSet.all()), statements.update(FieldSet.one(3)), statements.delete())) {
            assertThat(operators(byKey, params)).as(byKey).anyMatch(op -> op.contains("NodeUniqueIndexSeek"));
        }
    }

    @Test
    @Order(104)
    void aSecondWriterWaitsForTheFirstOnesLockOnTheNode() throws Exception {
        DatasetLoader.load(store(), DatasetLoader.counting(new YcsbSource(YCSB_RECORDS)), true);
        KeyValue kv = store().require(KeyValue.class);
        String key = YcsbData.key(7);
        assertThat(store().require(DatasetModel.class)
                        .existingKeys(
                                YcsbSchema.DATASET, YcsbSchema.USERTABLE, List.of(List.of(key), List.of("user-x"))))
                .containsExactly(List.of(key));
        String[] second = new String[YcsbSchema.FIELD_COUNT];
        second[0] = "second";
        try (KeyValueSession session = kv.openSession();
                Session raw = driver().session();
                Transaction first = raw.beginTransaction()) {
            first.run("MATCH (u:User {ycsb_key: $k}) SET u.field0 = 'first'", Map.of("k", key))
                    .consume();
            CompletableFuture<Boolean> update =
                    CompletableFuture.supplyAsync(() -> session.update(key, FieldSet.one(0), second));
            Thread.sleep(1_000);
            assertThat(update)
                    .as("the second writer waits while the first holds the lock")
                    .isNotDone();
            first.commit();
            assertThat(update.get(10, TimeUnit.SECONDS)).isTrue();
            String[] read = new String[YcsbSchema.FIELD_COUNT];
            assertThat(session.read(key, FieldSet.one(0), read)).isTrue();
            assertThat(read[0]).as("the last commit wins").isEqualTo("second");
            assertThat(session.conflictRetries())
                    .as("a lock wait is no conflict to retry")
                    .isZero();
        }
    }

    @Test
    @Order(105)
    void declaresAtomicUpdatesAndTheServersDurabilitySettings() {
        KeyValueSemantics semantics = store().require(KeyValue.class).semantics();
        assertThat(semantics.update()).isEqualTo(KeyValueSemantics.Update.ATOMIC);
        assertThat(semantics.readYourWrites()).isTrue();
        assertThat(semantics.durability())
                .startsWith(UserTable.LOG_FORCED)
                .contains("db.checkpoint.interval.tx=")
                .contains("db.tx_log.rotation.retention_policy=");
    }

    @Test
    @Order(106)
    void aDatabaseThatDoesNotExistIsNamedInTheError() {
        URI uri = URI.create(uri() + "/nosuchdb");
        try (Store store = Stores.open("neo4j", uri, Duration.ofSeconds(10))) {
            assertThatThrownBy(store::identity)
                    .isInstanceOf(DbxException.class)
                    .hasMessageContaining("database 'nosuchdb' does not exist")
                    .satisfies(e -> assertThat(((DbxException) e).hint()).contains("URI path"));
        }
    }

    /** A fresh TPC-H load, once for the tests from 100 on, whatever the contract's tests left behind. */
    private void loadTpch() {
        if (!tpchLoadedHere) {
            DatasetLoader.load(store(), DatasetLoader.counting(new TpchSource(SCALE)), true);
            tpchLoadedHere = true;
        }
    }

    /** The entity's lookup finds keys through unique indexes and scans no label, type or whole graph. */
    private void assertSeeksOnly(Dataset dataset, Entity entity) {
        List<String> operators = operators(
                DatasetGraph.of(dataset).lookupStatement(entity),
                Map.of(
                        "keys",
                        List.of(Arrays.asList(new Object[entity.primaryKey().size()]))));
        assertThat(operators).as("plan of the %s lookup", entity.name()).anyMatch(op -> op.contains("IndexSeek"));
        assertThat(operators).as("plan of the %s lookup", entity.name()).noneMatch(op -> op.contains("Scan"));
    }

    private static List<List<Object>> firstKeys(TpchSource source, Entity entity, int n) {
        int[] key = entity.primaryKeyIndexes();
        List<List<Object>> keys = new ArrayList<>();
        try (RowStream rows = source.rows(entity)) {
            while (keys.size() < n && rows.hasNext()) {
                Object[] row = rows.next();
                List<Object> k = new ArrayList<>();
                for (int i : key) {
                    k.add(row[i]);
                }
                keys.add(List.copyOf(k));
            }
        }
        return keys;
    }

    private static long firstOrdersCustomer(TpchSource source) {
        try (RowStream rows = source.rows(TpchSchema.ORDERS)) {
            return (Long) rows.next()[1];
        }
    }

    private static void rows(TpchSource source, Entity entity, Predicate<Object[]> where, Consumer<Object[]> each) {
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

    /** Runs one statement in its own auto-commit transaction and returns what it changed. */
    private SummaryCounters write(String cypher) {
        try (Session session = driver().session()) {
            return session.run(cypher).consume().counters();
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

    private static void collect(Plan plan, List<String> operators) {
        operators.add(plan.operatorType());
        plan.children().forEach(child -> collect(child, operators));
    }

    @Test
    @Order(107)
    void theStoreLogsInWithTheUrisCredentialsAndIsRefusedWithoutThem() {
        URI uri = uri();
        String secret = Uris.password(uri, null);
        assertThat(Uris.user(uri, null))
                .as("the local engine's URI names its user")
                .isEqualTo("dbx");
        URI anonymous = URI.create("bolt://" + uri.getHost() + ":" + uri.getPort());
        URI wrong = URI.create("bolt://dbx:not-the-secret@" + uri.getHost() + ":" + uri.getPort());
        for (URI refused : List.of(anonymous, wrong)) {
            assertThatThrownBy(() -> Stores.open("neo4j", refused, Duration.ofSeconds(10)))
                    .isInstanceOf(DbxException.class)
                    .hasMessageContaining("authentication to")
                    .hasMessageContaining("failed")
                    .hasMessageNotContaining(secret)
                    .hasMessageNotContaining("not-the-secret");
        }
    }

    /** The official driver, straight to the server under test (not dbx's store), logged in as the URI says. */
    private Driver driver() {
        if (driver == null) {
            BoltTarget target = BoltTarget.parse(uri());
            driver = GraphDatabase.driver(target.driverUri(), target.authToken());
        }
        return driver;
    }

    /** Last, as it kills the server the other tests share. */
    @Test
    @Order(999)
    void aLoadFailsWithinTheTimeoutWhenTheServerDiesUnderIt() throws Exception {
        Duration timeout = Duration.ofSeconds(10);
        long pid = engine().orElseThrow().pid();
        try (Store store = Stores.open("neo4j", uri(), timeout)) {
            dev.dbx.workloads.load.CountingSource source = DatasetLoader.counting(new TpchSource(0.1));
            CompletableFuture<DatasetLoader.Result> load =
                    CompletableFuture.supplyAsync(() -> DatasetLoader.load(store, source, true));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (source.takenTotal() < 20_000 && !load.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(load.isDone())
                    .as("the load is still running when the server dies")
                    .isFalse();
            dev.dbx.engine.Processes.signal(pid, "KILL");
            long killed = System.nanoTime();
            assertThatThrownBy(() -> load.get(2, TimeUnit.MINUTES)).hasCauseInstanceOf(DbxException.class);
            Duration took = Duration.ofNanos(System.nanoTime() - killed);
            // it took 17 s with a 10 s timeout: the driver retried a lost connection for the whole timeout, then more
            assertThat(took).as("from the kill to the failure").isLessThan(timeout.plusSeconds(2));
        }
    }
}
