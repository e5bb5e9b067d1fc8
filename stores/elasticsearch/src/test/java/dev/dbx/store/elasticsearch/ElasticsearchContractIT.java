package dev.dbx.store.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbx.core.DbxException;
import dev.dbx.core.capability.Analytics;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.Explain;
import dev.dbx.core.capability.FieldSet;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.KeyValueSemantics;
import dev.dbx.core.capability.KeyValueSession;
import dev.dbx.core.capability.ServerResources;
import dev.dbx.core.capability.Sink;
import dev.dbx.core.capability.TextSearch;
import dev.dbx.core.dataset.Checksum;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.dataset.YcsbSchema;
import dev.dbx.core.store.Capability;
import dev.dbx.engine.Ports;
import dev.dbx.store.testkit.StoreContractIT;
import dev.dbx.workloads.dataset.TpchSource;
import dev.dbx.workloads.dataset.YcsbData;
import dev.dbx.workloads.load.DatasetLoader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The store contract against a real OpenSearch 3 node (the local engine), plus what is particular to this model: the
 * order documents really embed their line items and customer, a document the strict mapping refuses fails the load,
 * ids that need escaping round-trip, dataset names are checked before they become index names, a session reads its
 * own writes before any refresh, and composite ids are looked up by key. The tampering goes through plain HTTP
 * ({@code java.net.http}) on the server's URI: an {@code _update} of a supplier, a deleted customer, and a part
 * indexed again under another {@code _id} (what a sync that made up its own ids would leave), each with a refresh.
 */
class ElasticsearchContractIT extends StoreContractIT {
    @Override
    protected String storeId() {
        return "elasticsearch";
    }

    @Override
    protected String engineName() {
        return "opensearch";
    }

    @Override
    protected String expectedProduct() {
        return "OpenSearch";
    }

    @Override
    protected Set<Class<? extends Capability>> expectedCapabilities() {
        return Set.of(
                DatasetModel.class,
                KeyValue.class,
                ServerResources.class,
                Analytics.class,
                TextSearch.class,
                Explain.class,
                Sink.class);
    }

    @Override
    protected URI deadUri() {
        return URI.create("http://dbx:secret@127.0.0.1:" + Ports.freeRange(1));
    }

    @Override
    protected Entity changeOneValue() {
        JsonNode reply = post(
                "/dbx-tpch-supplier/_update/1?refresh=true", "{\"doc\":{\"s_comment\":\"changed behind dbx's back\"}}");
        assertThat(reply.path("result").asText()).isEqualTo("updated");
        return TpchSchema.SUPPLIER;
    }

    @Override
    protected Entity deleteOneRow() {
        JsonNode reply = send(HttpRequest.newBuilder(base().resolve("/dbx-tpch-customer/_doc/1?refresh=true"))
                .DELETE());
        assertThat(reply.path("result").asText()).isEqualTo("deleted");
        return TpchSchema.CUSTOMER;
    }

    @Override
    protected Entity duplicateOneRow() {
        JsonNode part = get("/dbx-tpch-part/_doc/1");
        assertThat(part.path("found").asBoolean()).isTrue();
        JsonNode reply = put(
                "/dbx-tpch-part/_doc/1-copy?refresh=true", part.path("_source").toString());
        assertThat(reply.path("result").asText()).isEqualTo("created");
        return TpchSchema.PART;
    }

    @Test
    @Order(100)
    void orderDocumentsEmbedTheirLineItemsAndCustomer() throws Exception {
        TpchSource source = new TpchSource(0.01);
        DatasetLoader.load(store(), DatasetLoader.counting(source), true);
        try {
            JsonNode order = get("/dbx-tpch-orders/_doc/1").path("_source");
            JsonNode lines = order.path("lineitems");
            List<Object[]> expected = new ArrayList<>();
            try (RowStream rows = source.rows(TpchSchema.LINEITEM)) {
                while (rows.hasNext()) {
                    Object[] row = rows.next();
                    if ((Long) row[0] != 1L) {
                        break;
                    }
                    expected.add(row);
                }
            }
            assertThat(lines.isArray()).isTrue();
            assertThat(lines.size()).isEqualTo(expected.size()).isPositive();
            assertThat(lines.get(0).path("l_linenumber").asLong()).isEqualTo(1);
            assertThat(lines.get(0).has("l_orderkey"))
                    .as("the order key is the parent's")
                    .isFalse();
            assertThat(lines.get(0).path("l_extendedprice").decimalValue())
                    .isEqualByComparingTo(expected.get(0)[5].toString());
            assertThat(order.path("customer").path("c_mktsegment").asText()).isNotEmpty();
            assertThat(order.path("customer").path("n_name").asText()).isNotEmpty();
            assertThat(order.path("customer").path("r_name").asText()).isNotEmpty();

            JsonNode mapping = get("/dbx-tpch-orders/_mapping")
                    .path("dbx-tpch-orders")
                    .path("mappings")
                    .path("properties");
            assertThat(mapping.path("lineitems").path("type").asText()).isEqualTo("nested");
            assertThat(mapping.path("o_comment").path("analyzer").asText()).isEqualTo("english");
            assertThat(mapping.path("o_totalprice").path("type").asText()).isEqualTo("scaled_float");
            assertThat(status("/dbx-tpch-lineitem")).as("no lineitem index").isEqualTo(404);

            // a per-line-item query works because line items are nested: the line of order 1 shipped by a mode
            String mode = lines.get(0).path("l_shipmode").asText();
            String query = "{\"query\":{\"nested\":{\"path\":\"lineitems\",\"query\":{\"bool\":{\"filter\":["
                    + "{\"term\":{\"lineitems.l_linenumber\":1}},{\"term\":{\"lineitems.l_shipmode\":\"" + mode
                    + "\"}}]}}}},\"size\":0}";
            assertThat(post("/dbx-tpch-orders/_search", query)
                            .path("hits")
                            .path("total")
                            .path("value")
                            .asLong())
                    .isPositive();
        } finally {
            store().require(DatasetModel.class).drop(TpchSchema.DATASET);
        }
    }

    @Test
    @Order(101)
    void aDocumentTheStrictMappingRefusesFailsTheLoad() {
        DatasetModel model = store().require(DatasetModel.class);
        model.drop(YcsbSchema.DATASET);
        model.create(YcsbSchema.DATASET);
        try {
            // a usertable with one column the mapping does not know
            List<Column> columns = new ArrayList<>(YcsbSchema.USERTABLE.columns());
            columns.add(Column.varchar("not_in_the_mapping", 10));
            Entity wider = new Entity(YcsbSchema.TABLE, columns, List.of(YcsbSchema.KEY), List.of());
            Dataset dataset = new Dataset(YcsbSchema.DATASET.name(), List.of(wider));
            assertThatThrownBy(() -> model.load(rows(dataset, wider, 20)))
                    .isInstanceOf(DbxException.class)
                    .hasMessageContaining("rejected 20 of 20 documents")
                    .hasMessageContaining("strict_dynamic_mapping_exception");
            assertThat(get("/dbx-ycsb-usertable/_mapping")
                            .path("dbx-ycsb-usertable")
                            .path("mappings")
                            .path("properties")
                            .has("not_in_the_mapping"))
                    .isFalse();
        } finally {
            model.drop(YcsbSchema.DATASET);
        }
    }

    @Test
    @Order(102)
    void keysThatNeedEscapingRoundTrip() {
        DatasetModel model = store().require(DatasetModel.class);
        model.create(YcsbSchema.DATASET);
        try (KeyValueSession session = store().require(KeyValue.class).openSession()) {
            String[] values = new String[YcsbSchema.FIELD_COUNT];
            for (String key : List.of("user/with/slashes", "user with spaces?&#", "user+plus%25", "usér-ünïcode")) {
                session.insert(key, YcsbData.values(key, 0));
                assertThat(session.read(key, FieldSet.all(), values)).as(key).isTrue();
                assertThat(values).containsExactly(YcsbData.values(key, 0));
                String[] update = new String[YcsbSchema.FIELD_COUNT];
                update[2] = "x";
                assertThat(session.update(key, FieldSet.one(2), update)).isTrue();
                String[] field2 = new String[YcsbSchema.FIELD_COUNT];
                assertThat(session.read(key, FieldSet.one(2), field2)).isTrue();
                assertThat(field2[2]).isEqualTo("x");
                List<String> scanned = new ArrayList<>();
                assertThat(session.scan(key, 1, FieldSet.one(2), (k, v) -> scanned.add(k)))
                        .isOne();
                assertThat(scanned).containsExactly(key);
                assertThat(session.delete(key)).isTrue();
                assertThat(session.read(key, FieldSet.all(), values)).isFalse();
            }
        } finally {
            model.drop(YcsbSchema.DATASET);
        }
    }

    @Test
    @Order(103)
    void writesToAMissingIndexAreRefusedInsteadOfGuessingAMapping() {
        store().require(DatasetModel.class).drop(YcsbSchema.DATASET);
        try (KeyValueSession session = store().require(KeyValue.class).openSession()) {
            assertThatThrownBy(() -> session.insert("user1", YcsbData.values("user1", 0)))
                    .isInstanceOf(DbxException.class)
                    .hasMessageContaining("does not exist");
            String[] values = new String[YcsbSchema.FIELD_COUNT];
            assertThatThrownBy(() -> session.read("user1", FieldSet.all(), values))
                    .isInstanceOf(DbxException.class)
                    .hasMessageContaining("read of user1")
                    .hasMessageContaining("index_not_found_exception");
        }
        assertThat(status("/dbx-ycsb-usertable")).isEqualTo(404);
    }

    @Test
    @Order(104)
    void datasetNamesAreCheckedBeforeTheyBecomeIndexNames() {
        Dataset hostile = new Dataset("tpch,other-index", List.of(TpchSchema.REGION));
        assertThatThrownBy(() -> store().require(DatasetModel.class).drop(hostile))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("invalid dataset name");
    }

    @Test
    @Order(105)
    void lineItemsLoadedWithoutTheirOrdersAreAppendedToTheExistingOrders() {
        TpchSource source = new TpchSource(0.001);
        Dataset tpch = source.dataset();
        Entity lineitem = TpchSchema.LINEITEM;
        DatasetModel model = store().require(DatasetModel.class);
        DatasetLoader.load(store(), DatasetLoader.counting(source), true);
        try {
            long generated = model.count(tpch, lineitem);
            Checksum expected = Checksum.of(lineitem, source.rows(lineitem));
            List<Object[]> orderOne = linesOf(source, 1);
            assertThat(orderOne).hasSize(6);

            // line 7 of order 1, with a part/supplier pair the generator made
            Object[] added = newLine(source, orderOne.get(0), 1, 7, 0);
            model.load(lineitems(List.<Object[]>of(added)));
            expected.add(added);
            JsonNode lines = get("/dbx-tpch-orders/_doc/1").path("_source").path("lineitems");
            assertThat(lines.size()).isEqualTo(7);
            assertThat(lines.get(6).path("l_linenumber").asLong()).isEqualTo(7);
            assertThat(lines.get(6).has("l_orderkey"))
                    .as("the order key is the parent's")
                    .isFalse();
            assertThat(model.count(tpch, lineitem)).isEqualTo(generated + 1);
            assertSameRows(model, tpch, expected);

            // the same row again (as a resent bulk body would bring it) is already there: nothing is added
            model.load(lineitems(List.<Object[]>of(added)));
            assertThat(model.count(tpch, lineitem)).isEqualTo(generated + 1);

            // the same line changed replaces the one with its line number: never held twice
            Object[] changed = added.clone();
            changed[lineitem.indexOf("l_comment")] = "changed after it was added";
            model.load(lineitems(List.<Object[]>of(changed)));
            assertThat(model.count(tpch, lineitem)).isEqualTo(generated + 1);
            assertThat(get("/dbx-tpch-orders/_doc/1")
                            .path("_source")
                            .path("lineitems")
                            .findValuesAsText("l_comment"))
                    .contains("changed after it was added")
                    .hasSize(7);
            model.load(lineitems(List.<Object[]>of(added))); // and back, as expected holds it
            assertSameRows(model, tpch, expected);

            // rows of two orders interleaved: each order gets its own, whatever their order
            List<Object[]> orderTwo = linesOf(source, 2);
            List<Object[]> orderThree = linesOf(source, 3);
            List<Object[]> interleaved = List.of(
                    newLine(source, orderThree.get(0), 3, orderThree.size() + 1, 1),
                    newLine(source, orderTwo.get(0), 2, orderTwo.size() + 1, 2),
                    newLine(source, orderThree.get(0), 3, orderThree.size() + 2, 3));
            model.load(lineitems(interleaved));
            interleaved.forEach(expected::add);
            assertThat(get("/dbx-tpch-orders/_doc/3")
                            .path("_source")
                            .path("lineitems")
                            .size())
                    .isEqualTo(orderThree.size() + 2);
            assertThat(get("/dbx-tpch-orders/_doc/2")
                            .path("_source")
                            .path("lineitems")
                            .size())
                    .isEqualTo(orderTwo.size() + 1);
            assertThat(model.count(tpch, lineitem)).isEqualTo(generated + 4);
            assertSameRows(model, tpch, expected);

            // a line item of an order that does not exist fails the load, naming the order, and changes nothing
            Object[] orphan = newLine(source, orderOne.get(0), 9_999_999, 1, 4);
            assertThatThrownBy(() -> model.load(lineitems(List.<Object[]>of(orphan))))
                    .isInstanceOf(DbxException.class)
                    .hasMessageContaining("o_orderkey '9999999'")
                    .hasMessageContaining("document_missing_exception");
            assertThat(status("/dbx-tpch-orders/_doc/9999999"))
                    .as("no order is created")
                    .isEqualTo(404);
            assertThat(model.count(tpch, lineitem)).isEqualTo(generated + 4);
            assertSameRows(model, tpch, expected);
        } finally {
            model.drop(tpch);
        }
    }

    @Test
    @Order(106)
    void aSessionReadsItsOwnWritesBeforeAnyRefreshAndInsertsOnlyNewKeys() {
        DatasetModel model = store().require(DatasetModel.class);
        model.drop(YcsbSchema.DATASET);
        model.create(YcsbSchema.DATASET);
        KeyValue kv = store().require(KeyValue.class);
        try (KeyValueSession session = kv.openSession()) {
            // no refresh at all: only a realtime GET can see the writes
            put("/dbx-ycsb-usertable/_settings", "{\"index\":{\"refresh_interval\":\"-1\"}}");
            String key = "user-realtime";
            session.insert(key, YcsbData.values(key, 0));
            String[] values = new String[YcsbSchema.FIELD_COUNT];
            assertThat(session.read(key, FieldSet.all(), values)).isTrue();
            assertThat(values).containsExactly(YcsbData.values(key, 0));
            assertThat(get("/dbx-ycsb-usertable/_count").path("count").asLong())
                    .as("searches do not see the write yet")
                    .isZero();
            String[] update = new String[YcsbSchema.FIELD_COUNT];
            update[5] = "changed";
            assertThat(session.update(key, FieldSet.one(5), update)).isTrue();
            assertThat(session.read(key, FieldSet.one(5), values)).isTrue();
            assertThat(values[5]).isEqualTo("changed");

            assertThatThrownBy(() -> session.insert(key, YcsbData.values(key, 1)))
                    .isInstanceOf(DbxException.class)
                    .hasMessageContaining("insert of user-realtime")
                    .hasMessageContaining("version_conflict_engine_exception");

            KeyValueSemantics semantics = kv.semantics();
            assertThat(semantics.readYourWrites()).isTrue();
            assertThat(semantics.update()).isEqualTo(KeyValueSemantics.Update.ATOMIC);
            assertThat(semantics.durability())
                    .startsWith(
                            "index.translog.durability=REQUEST (the server's default): the translog is fsynced before")
                    .contains("index.refresh_interval=-1 (set on the index)");

            assertThat(session.delete(key)).isTrue();
            assertThat(session.read(key, FieldSet.all(), values)).isFalse();
        } finally {
            model.drop(YcsbSchema.DATASET);
        }
    }

    @Test
    @Order(107)
    void compositeAndManyKeysAreLookedUpById() {
        TpchSource source = new TpchSource(0.001);
        DatasetModel model = store().require(DatasetModel.class);
        DatasetLoader.load(store(), DatasetLoader.counting(source), true);
        try {
            Object[] offer;
            try (RowStream rows = source.rows(TpchSchema.PARTSUPP)) {
                offer = rows.next();
            }
            List<Object> present = List.of(offer[0], offer[1]);
            assertThat(model.existingKeys(
                            TpchSchema.DATASET,
                            TpchSchema.PARTSUPP,
                            List.of(present, List.of(offer[0], 999_999L), List.of(999_999L, offer[1]))))
                    .containsExactly(present);

            List<List<Object>> orders = new ArrayList<>();
            for (long order = 1; order <= 10_000; order++) { // SF 0.001 has 1,500 orders between 1 and 6,000
                orders.add(List.of(order));
            }
            Set<List<Object>> found = model.existingKeys(TpchSchema.DATASET, TpchSchema.ORDERS, orders);
            assertThat((long) found.size()).isEqualTo(model.count(TpchSchema.DATASET, TpchSchema.ORDERS));
        } finally {
            model.drop(TpchSchema.DATASET);
        }
    }

    private static void assertSameRows(DatasetModel model, Dataset dataset, Checksum expected) {
        Checksum actual = Checksum.of(model, dataset, expected.entity());
        assertThat(actual.count()).isEqualTo(expected.count());
        assertThat(actual.value()).isEqualTo(expected.value());
    }

    /** The generator's line items of order {@code orderkey}. */
    private static List<Object[]> linesOf(TpchSource source, long orderkey) {
        List<Object[]> lines = new ArrayList<>();
        try (RowStream rows = source.rows(TpchSchema.LINEITEM)) {
            while (rows.hasNext()) {
                Object[] row = rows.next();
                long key = (Long) row[0];
                if (key > orderkey) {
                    break;
                }
                if (key == orderkey) {
                    lines.add(row);
                }
            }
        }
        return lines;
    }

    /** A copy of {@code template} as line {@code linenumber} of order {@code orderkey}, of the n-th partsupp pair. */
    private static Object[] newLine(TpchSource source, Object[] template, long orderkey, long linenumber, int pair) {
        Entity lineitem = TpchSchema.LINEITEM;
        Object[] partsupp = null;
        try (RowStream rows = source.rows(TpchSchema.PARTSUPP)) {
            for (int i = 0; i <= pair; i++) {
                partsupp = rows.next();
            }
        }
        Object[] line = template.clone();
        line[lineitem.indexOf("l_orderkey")] = orderkey;
        line[lineitem.indexOf("l_partkey")] = partsupp[0];
        line[lineitem.indexOf("l_suppkey")] = partsupp[1];
        line[lineitem.indexOf("l_linenumber")] = linenumber;
        line[lineitem.indexOf("l_comment")] = "appended by an import";
        return line;
    }

    /** Line items alone, as {@code dbx import --entity lineitem} hands them to the store. */
    private static DatasetSource lineitems(List<Object[]> rows) {
        return new DatasetSource() {
            @Override
            public Dataset dataset() {
                return TpchSchema.DATASET;
            }

            @Override
            public List<Entity> entities() {
                return List.of(TpchSchema.LINEITEM);
            }

            @Override
            public long rowCount(Entity e) {
                return rows.size();
            }

            @Override
            public String description() {
                return "line items alone";
            }

            @Override
            public RowStream rows(Entity e) {
                return RowStream.of(rows.iterator());
            }
        };
    }

    private static DatasetSource rows(Dataset dataset, Entity entity, int n) {
        return new DatasetSource() {
            @Override
            public Dataset dataset() {
                return dataset;
            }

            @Override
            public long rowCount(Entity e) {
                return n;
            }

            @Override
            public String description() {
                return "usertable with an unmapped column";
            }

            @Override
            public RowStream rows(Entity e) {
                List<Object[]> rows = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    Object[] row = new Object[entity.columns().size()];
                    row[0] = YcsbData.key(i);
                    for (int f = 1; f < row.length; f++) {
                        row[f] = "v" + f;
                    }
                    rows.add(row);
                }
                Iterator<Object[]> it = rows.iterator();
                return RowStream.of(it);
            }
        };
    }

    private URI base() {
        return uri();
    }

    private JsonNode get(String path) {
        return send(HttpRequest.newBuilder(base().resolve(path)).GET());
    }

    private JsonNode post(String path, String json) {
        return send(HttpRequest.newBuilder(base().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private JsonNode put(String path, String json) {
        return send(HttpRequest.newBuilder(base().resolve(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private int status(String path) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                            HttpRequest.newBuilder(base().resolve(path))
                                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a request with a plain HTTP client of the test's own; it must succeed (2xx). */
    private JsonNode send(HttpRequest.Builder request) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
            return EsClient.JSON.readTree(response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
