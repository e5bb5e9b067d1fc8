package dev.dbx.store.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Checksum;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.dataset.YcsbSchema;
import dev.dbx.workloads.dataset.TpchSource;
import dev.dbx.workloads.dataset.YcsbSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The document model without a server: TPC-H SF 0.001 assembled into documents in memory exactly as a load would
 * write them, then checked against the validators (which mongo-java-server ignores), the index definitions, and read
 * back into rows whose checksums equal the generator's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentModelTest {
    private final TpchSource tpch = new TpchSource(0.001);
    private final Map<String, List<Document>> tpchDocuments = new LinkedHashMap<>();

    @BeforeAll
    void assembleTpch() {
        tpchDocuments.putAll(assemble(tpch));
    }

    @Test
    void everyDocumentOfTheModelPassesItsCollectionsValidator() {
        assertPassValidators(TpchSchema.DATASET, tpchDocuments);
        assertPassValidators(YcsbSchema.DATASET, assemble(new YcsbSource(100)));
    }

    @Test
    void theValidatorRefusesMalformedOrders() {
        Document schema = validator(TpchSchema.DATASET, "orders");
        Document order = tpchDocuments.get("orders").get(0);
        assertThat(JsonSchemaSubset.violations(schema, order)).isEmpty();

        Document priceAsText = copy(order).append("o_totalprice", "173665.47");
        assertThat(JsonSchemaSubset.violations(schema, priceAsText))
                .singleElement()
                .asString()
                .contains("o_totalprice");

        Document noLineItems = copy(order);
        noLineItems.remove("lineitems");
        assertThat(JsonSchemaSubset.violations(schema, noLineItems))
                .singleElement()
                .asString()
                .contains("lineitems");

        Document intKey = copy(order).append("_id", 1);
        assertThat(JsonSchemaSubset.violations(schema, intKey))
                .singleElement()
                .asString()
                .contains("_id");

        Document quantityAsDouble = copy(order);
        List<Document> items = new ArrayList<>(quantityAsDouble.getList("lineitems", Document.class));
        items.set(0, copy(items.get(0)).append("l_quantity", 17.0));
        quantityAsDouble.put("lineitems", items);
        assertThat(JsonSchemaSubset.violations(schema, quantityAsDouble))
                .singleElement()
                .asString()
                .contains("lineitems[0].l_quantity");

        // a sink's line items may come before their order: its key and line items alone pass, half an order not
        Document itemsFirst = new Document("_id", order.get("_id")).append("lineitems", order.get("lineitems"));
        assertThat(JsonSchemaSubset.violations(schema, itemsFirst)).isEmpty();
        Document noComment = copy(order);
        noComment.remove("o_comment");
        assertThat(JsonSchemaSubset.violations(schema, noComment))
                .singleElement()
                .asString()
                .contains("anyOf")
                .contains("o_comment");
    }

    @Test
    void ordersEmbedTheirLineItemsWithoutTheRedundantKey() {
        Map<Long, Integer> perOrder = new HashMap<>();
        try (RowStream rows = tpch.rows(TpchSchema.LINEITEM)) {
            rows.forEachRemaining(r -> perOrder.merge((Long) r[0], 1, Integer::sum));
        }
        List<Document> orders = tpchDocuments.get("orders");
        assertThat(orders).hasSize(1_500);
        for (Document order : orders) {
            List<Document> items = order.getList("lineitems", Document.class);
            assertThat(items).hasSize(perOrder.get(order.getLong("_id")));
            assertThat(items).allSatisfy(i -> assertThat(i).doesNotContainKey("l_orderkey"));
        }
        Document item = orders.get(0).getList("lineitems", Document.class).get(0);
        assertThat(item.get("l_extendedprice")).isInstanceOf(Decimal128.class);
        assertThat(item.getDate("l_shipdate").getTime() % 86_400_000L)
                .as("UTC midnight")
                .isZero();
        assertThat(tpchDocuments).doesNotContainKeys("lineitem", "partsupp");
    }

    @Test
    void customersCarryTheirNationAndRegion() {
        Document customer = tpchDocuments.get("customers").get(0);
        Document nation = customer.get("nation", Document.class);
        Document stored = tpchDocuments.get("nations").stream()
                .filter(n -> n.get("_id").equals(nation.get("n_nationkey")))
                .findFirst()
                .orElseThrow();
        assertThat(nation.getString("n_name")).isEqualTo(stored.getString("n_name"));
        assertThat(nation.get("region", Document.class)).isEqualTo(stored.get("region", Document.class));
        assertThat(nation.get("region", Document.class).keySet()).containsExactly("r_regionkey", "r_name");
        assertThat(nation).doesNotContainKey("n_comment");
    }

    @Test
    void everyEntityReadsBackToTheGeneratorsChecksum() {
        DatasetMapping mapping = DatasetMapping.of(TpchSchema.DATASET);
        for (Entity entity : TpchSchema.DATASET.entities()) {
            EntityMapping m = mapping.of(entity);
            Checksum back = new Checksum(entity);
            for (Document doc : tpchDocuments.get(mapping.home(m).collection())) {
                if (m.embedded()) {
                    doc.getList(m.array(), Document.class).forEach(e -> back.add(m.fromElement(doc.get("_id"), e)));
                } else {
                    back.add(m.fromDocument(doc));
                }
            }
            Checksum expected = Checksum.of(entity, tpch.rows(entity));
            assertThat(back.count()).as("rows of %s", entity.name()).isEqualTo(expected.count());
            assertThat(back.value()).as("checksum of %s", entity.name()).isEqualTo(expected.value());
        }
    }

    @Test
    void indexesNameFieldsTheValidatorsDeclare() {
        for (Dataset dataset : List.of(TpchSchema.DATASET, YcsbSchema.DATASET)) {
            for (IndexSpec index : IndexSpec.of(dataset)) {
                Document schema = validator(dataset, index.collection());
                for (String path : index.keys().keySet()) {
                    assertThat(declares(schema, path))
                            .as("%s.%s (index %s) is a field of the validator", index.collection(), path, index.name())
                            .isTrue();
                }
            }
        }
    }

    @Test
    void anEmbeddedEntityWithoutItsParentIsAppendedToStoredParents() {
        DatasetSource lineItemsAlone = subset(tpch, List.of(TpchSchema.LINEITEM));
        DatasetMapping mapping = DatasetMapping.of(TpchSchema.DATASET);
        DocumentAssembler assembler =
                new DocumentAssembler(lineItemsAlone, mapping, new ReferenceCopies(e -> List.of()));
        assertThat(assembler.collectionsToLoad()).isEmpty();
        assertThat(assembler.entitiesToAppend())
                .extracting(m -> m.entity().name())
                .containsExactly("lineitem");

        DocumentAssembler full = new DocumentAssembler(tpch, mapping, new ReferenceCopies(e -> List.of()));
        assertThat(full.entitiesToAppend()).isEmpty();
    }

    @Test
    void appendedRowsAreGroupedByParentInAnyOrderAsTheLoadEmbedsThem() {
        EntityMapping lineitem = DatasetMapping.of(TpchSchema.DATASET).of(TpchSchema.LINEITEM);
        List<EmbeddedAppender.Placed> batch = new ArrayList<>();
        try (RowStream rows = tpch.rows(TpchSchema.LINEITEM)) {
            List<Object[]> firstOrders = new ArrayList<>();
            rows.forEachRemaining(r -> {
                if ((Long) r[0] <= 3L) {
                    firstOrders.add(r.clone());
                }
            });
            for (int i = firstOrders.size() - 1; i >= 0; i--) { // reversed: parents out of order
                Object[] r = firstOrders.get(i);
                batch.add(new EmbeddedAppender.Placed(lineitem.parentId(r), lineitem.toElement(r)));
            }
        }
        Map<Object, List<Document>> byParent = EmbeddedAppender.byParent(batch);
        assertThat(byParent.keySet()).containsExactly(3L, 2L, 1L);
        for (Document order : tpchDocuments.get("orders").subList(0, 3)) {
            List<Document> loaded = order.getList("lineitems", Document.class);
            assertThat(byParent.get(order.get("_id"))).isEqualTo(loaded.reversed());
        }
    }

    @Test
    void aLineItemWithoutItsOrderIsRefused() {
        DatasetSource withoutFirstOrder = new Subset(tpch, List.of(TpchSchema.ORDERS, TpchSchema.LINEITEM)) {
            @Override
            public RowStream rows(Entity entity) {
                RowStream rows = super.rows(entity);
                if (entity == TpchSchema.ORDERS) {
                    rows.next(); // order 1 is gone, its line items stay
                }
                return rows;
            }
        };
        DatasetMapping mapping = DatasetMapping.of(TpchSchema.DATASET);
        DocumentAssembler assembler =
                new DocumentAssembler(withoutFirstOrder, mapping, new ReferenceCopies(e -> List.of()));
        assertThatThrownBy(() -> assembler.assemble(mapping.of(TpchSchema.ORDERS), d -> {}))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("lineitem row with l_orderkey = 1 has no orders row");
    }

    @Test
    void mappingNamesAreIdentifiers() {
        assertThatThrownBy(() -> DatasetMapping.parse(
                        TpchSchema.DATASET,
                        Document.parse("{entities: [{entity: 'region', collection: 'regions', id: 'r_regionkey'},"
                                + " {entity: 'nation', collection: '$where', id: 'n_nationkey'}]}")))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("$where");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** The documents a load of {@code source} writes, per collection, built in memory. */
    private static Map<String, List<Document>> assemble(DatasetSource source) {
        DatasetMapping mapping = DatasetMapping.of(source.dataset());
        Map<String, List<Document>> byCollection = new LinkedHashMap<>();
        ReferenceCopies copies = new ReferenceCopies(entity ->
                byCollection.get(mapping.of(source.dataset().entity(entity)).collection()));
        DocumentAssembler assembler = new DocumentAssembler(source, mapping, copies);
        for (EntityMapping collection : assembler.collectionsToLoad()) {
            List<Document> docs = new ArrayList<>();
            assembler.assemble(collection, docs::add);
            byCollection.put(collection.collection(), docs);
        }
        return byCollection;
    }

    private static void assertPassValidators(Dataset dataset, Map<String, List<Document>> documents) {
        assertThat(documents.keySet())
                .containsExactlyInAnyOrderElementsOf(CollectionSpec.of(dataset).stream()
                        .map(CollectionSpec::name)
                        .toList());
        for (Map.Entry<String, List<Document>> e : documents.entrySet()) {
            Document schema = validator(dataset, e.getKey());
            assertThat(e.getValue()).isNotEmpty();
            for (Document doc : e.getValue()) {
                assertThat(JsonSchemaSubset.violations(schema, doc))
                        .as("%s %s", e.getKey(), doc.get("_id"))
                        .isEmpty();
            }
        }
    }

    private static Document validator(Dataset dataset, String collection) {
        return CollectionSpec.of(dataset).stream()
                .filter(c -> c.name().equals(collection))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no collection " + collection))
                .validator()
                .get("$jsonSchema", Document.class);
    }

    /** Whether the dotted {@code path} is declared in {@code schema}, through sub-documents and array items. */
    private static boolean declares(Document schema, String path) {
        Document at = schema;
        for (String segment : path.split("\\.")) {
            if (at.get("items") instanceof Document items) {
                at = items;
            }
            Document properties = at.get("properties", Document.class);
            if (properties == null || !(properties.get(segment) instanceof Document next)) {
                return false;
            }
            at = next;
        }
        return true;
    }

    private static Document copy(Document doc) {
        return new Document(new LinkedHashMap<>(doc));
    }

    private static DatasetSource subset(DatasetSource source, List<Entity> entities) {
        return new Subset(source, entities);
    }

    /** A source giving some of another's entities. */
    private static class Subset implements DatasetSource {
        private final DatasetSource source;
        private final List<Entity> entities;

        Subset(DatasetSource source, List<Entity> entities) {
            this.source = source;
            this.entities = entities;
        }

        @Override
        public Dataset dataset() {
            return source.dataset();
        }

        @Override
        public List<Entity> entities() {
            return entities;
        }

        @Override
        public long rowCount(Entity entity) {
            return source.rowCount(entity);
        }

        @Override
        public String description() {
            return "part of " + source.description();
        }

        @Override
        public RowStream rows(Entity entity) {
            return source.rows(entity);
        }
    }
}
