package dev.dbx.store.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbx.core.DbxException;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.dataset.Checksum;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.dataset.YcsbSchema;
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
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The store contract against a real OpenSearch 3 node (the local engine), plus what is particular to this model: the
 * order documents really embed their line items and customer, a document the strict mapping refuses fails the load,
 * ids that need escaping round-trip, and dataset names are checked before they become index names.
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
    protected URI deadUri() {
        return URI.create("http://dbx:secret@127.0.0.1:" + Ports.freeRange(1));
    }

    @Test
    @Order(20)
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
    @Order(21)
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
    @Order(22)
    void keysThatNeedEscapingRoundTrip() {
        DatasetModel model = store().require(DatasetModel.class);
        KeyValue kv = store().require(KeyValue.class);
        model.create(YcsbSchema.DATASET);
        try {
            for (String key : List.of("user/with/slashes", "user with spaces?&#", "user+plus%25", "usér-ünïcode")) {
                kv.insert(key, YcsbData.record(key, 0));
                assertThat(kv.read(key, Set.of())).as(key).contains(YcsbData.record(key, 0));
                assertThat(kv.update(key, Map.of("field2", "x"))).isTrue();
                assertThat(kv.read(key, Set.of("field2"))).contains(Map.of("field2", "x"));
                assertThat(kv.scan(key, 1, Set.of("field2")))
                        .singleElement()
                        .satisfies(r -> assertThat(r.key()).isEqualTo(key));
                assertThat(kv.delete(key)).isTrue();
                assertThat(kv.read(key, Set.of())).isEmpty();
            }
        } finally {
            model.drop(YcsbSchema.DATASET);
        }
    }

    @Test
    @Order(23)
    void writesToAMissingIndexAreRefusedInsteadOfGuessingAMapping() {
        store().require(DatasetModel.class).drop(YcsbSchema.DATASET);
        KeyValue kv = store().require(KeyValue.class);
        assertThatThrownBy(() -> kv.insert("user1", YcsbData.record("user1", 0)))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("does not exist");
        assertThat(status("/dbx-ycsb-usertable")).isEqualTo(404);
    }

    @Test
    @Order(24)
    void datasetNamesAreCheckedBeforeTheyBecomeIndexNames() {
        Dataset hostile = new Dataset("tpch,other-index", List.of(TpchSchema.REGION));
        assertThatThrownBy(() -> store().require(DatasetModel.class).drop(hostile))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("invalid dataset name");
    }

    @Test
    @Order(25)
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
        return engine().orElseThrow().uri();
    }

    private JsonNode get(String path) {
        return send(HttpRequest.newBuilder(base().resolve(path)).GET());
    }

    private JsonNode post(String path, String json) {
        return send(HttpRequest.newBuilder(base().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
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

    private JsonNode send(HttpRequest.Builder request) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return EsClient.JSON.readTree(response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
