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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Loading line items (or supplier offers) without their orders (parts), as {@code dbx import --entity lineitem}
 * does, into TPC-H SF 0.001 on the local engine: the rows join their stored parent documents, in the shape a full
 * load gives them, and read back with the generator's rows; a row whose parent is missing loads nothing.
 */
class MongoAppendIT extends WithLoadedTpch {
    private static final Dataset TPCH = TpchSchema.DATASET;

    /** Rows the tests added, per entity: what the store must hold beyond the generator's. */
    private final Map<Entity, List<Object[]>> added = new HashMap<>();

    @Test
    void aLineItemAloneJoinsItsOrderAsALoadedOneWould() {
        List<Document> before = lineItems(1L);
        Object[] row = generated(TpchSchema.LINEITEM, 1L).get(0).clone(); // a valid part/supplier pair
        row[3] = 7L; // l_linenumber: order 1 has 1..6
        long count = model.count(TPCH, TpchSchema.LINEITEM);

        add(TpchSchema.LINEITEM, List.<Object[]>of(row));

        List<Document> after = lineItems(1L);
        assertThat(after).hasSize(before.size() + 1);
        assertThat(after.subList(0, before.size())).isEqualTo(before);
        Document appended = after.get(before.size());
        assertThat(appended.get("l_linenumber")).isEqualTo(7L);
        assertThat(appended).doesNotContainKey("l_orderkey");
        assertThat(appended.keySet()).containsExactlyElementsOf(before.get(0).keySet());
        for (String field : appended.keySet()) {
            assertThat(appended.get(field))
                    .as(field)
                    .hasSameClassAs(before.get(0).get(field));
        }
        assertThat(model.count(TPCH, TpchSchema.LINEITEM)).isEqualTo(count + 1);
        assertScanIsGeneratorPlusAdded(TpchSchema.LINEITEM);
    }

    @Test
    void lineItemsInNoParticularOrderJoinTheirOrdersAcrossBatches() {
        // 500 orders x 3 new line items, order by order key descending within each line number: more rows than
        // one batch, unsorted by parent, and most orders reached from two batches
        List<Long> orders = database.getCollection("orders")
                .find()
                .projection(new Document("_id", 1))
                .limit(500)
                .map(d -> d.getLong("_id"))
                .into(new ArrayList<>());
        Object[] template = generated(TpchSchema.LINEITEM, 1L).get(0);
        List<Object[]> rows = new ArrayList<>();
        for (long line = 10; line < 13; line++) {
            for (int i = orders.size() - 1; i >= 0; i--) {
                Object[] row = template.clone();
                row[0] = orders.get(i);
                row[3] = line;
                rows.add(row);
            }
        }
        assertThat(rows.size()).isGreaterThan(EmbeddedAppender.BATCH_SIZE);
        Map<Long, List<Document>> before = lineItems(orders);

        add(TpchSchema.LINEITEM, rows);

        Map<Long, List<Document>> after = lineItems(orders);
        for (Long order : orders) {
            List<Document> items = after.get(order);
            assertThat(items).hasSize(before.get(order).size() + 3);
            assertThat(items.subList(items.size() - 3, items.size()))
                    .extracting(d -> d.get("l_linenumber"))
                    .containsExactly(10L, 11L, 12L);
        }
        assertScanIsGeneratorPlusAdded(TpchSchema.LINEITEM);
    }

    @Test
    void aLineItemOfAMissingOrderLoadsNothingAndNamesTheOrder() {
        Object[] good = generated(TpchSchema.LINEITEM, 2L).get(0).clone();
        good[3] = 8L;
        Object[] orphan = good.clone();
        orphan[0] = 999_999_999L;
        Document order2 =
                database.getCollection("orders").find(new Document("_id", 2L)).first();
        long count = model.count(TPCH, TpchSchema.LINEITEM);

        assertThatThrownBy(() -> model.load(source(TpchSchema.LINEITEM, List.of(good, orphan))))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("1 lineitem row(s) have no orders document")
                .hasMessageContaining("l_orderkey = 999999999")
                .hasMessageNotContaining("l_orderkey = 2");

        assertThat(database.getCollection("orders")
                        .find(new Document("_id", 2L))
                        .first())
                .isEqualTo(order2);
        assertThat(model.count(TPCH, TpchSchema.LINEITEM)).isEqualTo(count);
        assertScanIsGeneratorPlusAdded(TpchSchema.LINEITEM);
    }

    @Test
    void aLineItemAddedAgainReplacesTheOneWithItsLineNumber() {
        Object[] original = generated(TpchSchema.LINEITEM, 5L).get(0);
        List<Document> before = lineItems(5L);
        Object[] changed = original.clone();
        changed[TpchSchema.LINEITEM.indexOf("l_comment")] = "changed after the load";

        model.load(source(TpchSchema.LINEITEM, List.<Object[]>of(changed)));
        model.load(source(TpchSchema.LINEITEM, List.<Object[]>of(changed)));

        List<Document> after = lineItems(5L);
        assertThat(after).hasSize(before.size());
        assertThat(after.stream().filter(d -> d.get("l_linenumber").equals(original[3])))
                .singleElement()
                .satisfies(d -> assertThat(d.getString("l_comment")).isEqualTo("changed after the load"));
        model.load(source(TpchSchema.LINEITEM, List.<Object[]>of(original))); // back, as the generator has it
        assertScanIsGeneratorPlusAdded(TpchSchema.LINEITEM);
    }

    @Test
    void aSupplierOfferAloneJoinsItsPart() {
        List<Document> before = offers(1L);
        Set<Object> suppliers = before.stream().map(o -> o.get("ps_suppkey")).collect(Collectors.toSet());
        long newSupplier =
                database.getCollection("suppliers").find().map(d -> d.getLong("_id")).into(new ArrayList<>()).stream()
                        .filter(s -> !suppliers.contains(s))
                        .findFirst()
                        .orElseThrow();
        Object[] row = generated(TpchSchema.PARTSUPP, 1L).get(0).clone();
        row[1] = newSupplier;

        add(TpchSchema.PARTSUPP, List.<Object[]>of(row));

        List<Document> after = offers(1L);
        assertThat(after).hasSize(before.size() + 1);
        assertThat(after.get(before.size()).get("ps_suppkey")).isEqualTo(newSupplier);
        assertScanIsGeneratorPlusAdded(TpchSchema.PARTSUPP);

        Object[] orphan = row.clone();
        orphan[0] = 999_999_999L;
        assertThatThrownBy(() -> model.load(source(TpchSchema.PARTSUPP, List.<Object[]>of(orphan))))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("no part document")
                .hasMessageContaining("ps_partkey = 999999999");
        assertThat(offers(1L)).isEqualTo(after);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private void add(Entity entity, List<Object[]> rows) {
        model.load(source(entity, rows));
        added.computeIfAbsent(entity, e -> new ArrayList<>()).addAll(rows);
    }

    private void assertScanIsGeneratorPlusAdded(Entity entity) {
        Checksum expected = Checksum.of(entity, tpch.rows(entity));
        added.getOrDefault(entity, List.of()).forEach(expected::add);
        Checksum actual = Checksum.of(model, TPCH, entity);
        assertThat(actual.count()).isEqualTo(expected.count());
        assertThat(actual.value()).isEqualTo(expected.value());
    }

    private List<Document> lineItems(long order) {
        return database.getCollection("orders")
                .find(new Document("_id", order))
                .first()
                .getList("lineitems", Document.class);
    }

    /** The line items of each of {@code orders}, in one query. */
    private Map<Long, List<Document>> lineItems(List<Long> orders) {
        Map<Long, List<Document>> byOrder = new HashMap<>();
        database.getCollection("orders")
                .find(new Document("_id", new Document("$in", orders)))
                .projection(new Document("lineitems", 1))
                .forEach(d -> byOrder.put(d.getLong("_id"), d.getList("lineitems", Document.class)));
        return byOrder;
    }

    private List<Document> offers(long part) {
        return database.getCollection("parts")
                .find(new Document("_id", part))
                .first()
                .getList("partsupps", Document.class);
    }

    /** The generator's rows of {@code entity} whose first column (the parent key) is {@code parent}. */
    private List<Object[]> generated(Entity entity, long parent) {
        List<Object[]> rows = new ArrayList<>();
        try (RowStream all = tpch.rows(entity)) {
            all.forEachRemaining(r -> {
                if ((Long) r[0] == parent) {
                    rows.add(r.clone());
                }
            });
        }
        return rows;
    }

    /** A source of {@code rows} of {@code entity} alone, as an import gives it. */
    private static DatasetSource source(Entity entity, List<Object[]> rows) {
        return new DatasetSource() {
            @Override
            public Dataset dataset() {
                return TPCH;
            }

            @Override
            public List<Entity> entities() {
                return List.of(entity);
            }

            @Override
            public long rowCount(Entity e) {
                return rows.size();
            }

            @Override
            public String description() {
                return "import into " + entity.name();
            }

            @Override
            public RowStream rows(Entity e) {
                return RowStream.of(rows.iterator());
            }
        };
    }
}
