package dev.dbx.store.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.KeyValueSemantics;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.store.Stores;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

/**
 * The MongoDB model as the server holds it, after a real load of TPC-H SF 0.001 into the local engine
 * (mongo-java-server): line items and supplier offers really are embedded, types are what the model says, the
 * validators are reported truthfully, and bad input is refused with clear errors.
 */
class MongoModelIT extends WithLoadedTpch {
    @Test
    void theDatabaseHoldsOnlyTheModelsCollections() {
        assertThat(database.listCollectionNames().into(new ArrayList<>()))
                .containsExactlyInAnyOrder("regions", "nations", "suppliers", "customers", "parts", "orders");
    }

    @Test
    void anOrderDocumentCarriesItsLineItems() {
        List<Object[]> expected = new ArrayList<>();
        try (RowStream rows = tpch.rows(TpchSchema.LINEITEM)) {
            rows.forEachRemaining(r -> {
                if ((Long) r[0] == 1L) {
                    expected.add(r);
                }
            });
        }
        Document order =
                database.getCollection("orders").find(new Document("_id", 1L)).first();
        assertThat(order).isNotNull();
        assertThat(order.get("_id")).isInstanceOf(Long.class);
        assertThat(order.get("o_totalprice")).isInstanceOf(Decimal128.class);
        assertThat(order.get("o_orderdate")).isInstanceOf(Date.class);
        List<Document> items = order.getList("lineitems", Document.class);
        assertThat(items).hasSize(expected.size()).isNotEmpty();
        assertThat(items)
                .extracting(i -> i.get("l_linenumber"))
                .containsExactly(expected.stream().map(r -> r[3]).toArray());
        assertThat(items.get(0)).doesNotContainKey("l_orderkey");
        assertThat(model.count(TpchSchema.DATASET, TpchSchema.LINEITEM)).isEqualTo(countRows(TpchSchema.LINEITEM));
    }

    @Test
    void aPartDocumentCarriesItsSupplierOffers() {
        Document part =
                database.getCollection("parts").find(new Document("_id", 1L)).first();
        assertThat(part).isNotNull();
        List<Document> offers = part.getList("partsupps", Document.class);
        assertThat(offers).hasSize(4); // TPC-H: four suppliers per part
        assertThat(offers).allSatisfy(o -> assertThat(o).containsKeys("ps_suppkey", "ps_supplycost"));
        assertThat(model.count(TpchSchema.DATASET, TpchSchema.PARTSUPP)).isEqualTo(countRows(TpchSchema.PARTSUPP));
    }

    @Test
    void aCustomerDocumentCarriesItsNationAndRegion() {
        Document customer = database.getCollection("customers")
                .find(new Document("_id", 1L))
                .first();
        assertThat(customer).isNotNull();
        Document nation = customer.get("nation", Document.class);
        assertThat(nation.keySet()).containsExactly("n_nationkey", "n_name", "region");
        assertThat(nation.get("region", Document.class).keySet()).containsExactly("r_regionkey", "r_name");
    }

    @Test
    void validatorsAreReportedAsTheServerHoldsThem() {
        Map<String, Boolean> validators = model.validators(TpchSchema.DATASET);
        assertThat(validators.keySet())
                .containsExactlyInAnyOrder("regions", "nations", "suppliers", "customers", "parts", "orders");
        if (store.identity().product().equals(ServerIdentities.MONGO_JAVA_SERVER)) {
            // mongo-java-server takes the validator option on create and ignores it: the store must not pretend
            assertThat(validators.values()).containsOnly(false);
        } else {
            assertThat(validators.values()).containsOnly(true);
            assertThatThrownBy(() -> database.getCollection("orders")
                            .insertOne(new Document("_id", -1L).append("o_totalprice", "not money")))
                    .isInstanceOf(com.mongodb.MongoWriteException.class)
                    .hasMessageContaining("Document failed validation");
        }
    }

    @Test
    void indexesAreBuiltWhereTheServerBuildsThemAndRecreatingThemIsHarmless() {
        model.index(TpchSchema.DATASET);
        List<String> names = database.getCollection("orders")
                .listIndexes()
                .map(i -> i.getString("name"))
                .into(new ArrayList<>());
        if (store.identity().product().equals(ServerIdentities.MONGO_JAVA_SERVER)) {
            // it would record them without building them: the store skips them (and says so) instead
            assertThat(names).containsExactly("_id_");
            // still, the createIndexes commands must be well-formed: send them as to a real MongoDB, twice
            DatasetSchema asForMongoDb = new DatasetSchema(database, TIMEOUT.toMillis());
            asForMongoDb.index(TpchSchema.DATASET, false);
            asForMongoDb.index(TpchSchema.DATASET, false);
            names = database.getCollection("orders")
                    .listIndexes()
                    .map(i -> i.getString("name"))
                    .into(new ArrayList<>());
        }
        assertThat(names)
                .containsExactlyInAnyOrder(
                        "_id_",
                        "o_custkey",
                        "o_orderdate",
                        "lineitems_l_shipdate",
                        "lineitems_l_partkey_l_suppkey",
                        "text");
    }

    @Test
    void aMalformedUriIsAClearErrorWithoutThePassword() {
        assertThatThrownBy(
                        () -> Stores.open("mongo", URI.create("mongodb://dbx:secret@localhost:notaport/dbx"), TIMEOUT))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("malformed MongoDB URI")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Stores.open("mongo", URI.create("mongodb://dbx:secret@localhost:1/a%22b"), TIMEOUT))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("databaseName does not contain")
                .hasMessageNotContaining("secret");
    }

    @Test
    void supplierOffersAreLookedUpByKeyInsideTheirPart() {
        Document part =
                database.getCollection("parts").find(new Document("_id", 1L)).first();
        List<Long> suppliers = part.getList("partsupps", Document.class).stream()
                .map(o -> o.getLong("ps_suppkey"))
                .toList();
        List<Object> absentSupplier = List.of(1L, 999_999L);
        assertThat(model.existingKeys(
                        TpchSchema.DATASET,
                        TpchSchema.PARTSUPP,
                        List.of(
                                List.of(1L, suppliers.get(0)),
                                List.of(1L, suppliers.get(3)),
                                absentSupplier,
                                List.of(999_999L, suppliers.get(0)))))
                .containsExactlyInAnyOrder(List.of(1L, suppliers.get(0)), List.of(1L, suppliers.get(3)));
    }

    @Test
    void keysSpreadOverManyBatchesAreAllFound() {
        List<List<Object>> keys = new ArrayList<>();
        for (long order = 1; order <= 2_500 * 4; order++) { // orders of SF 0.001 are 1..6000, with gaps
            keys.add(List.of(order));
        }
        Set<List<Object>> found = model.existingKeys(TpchSchema.DATASET, TpchSchema.ORDERS, keys);
        assertThat((long) found.size()).isEqualTo(countRows(TpchSchema.ORDERS));
        assertThat(found).allSatisfy(k -> assertThat(k).hasSize(1).first().isInstanceOf(Long.class));
    }

    @Test
    void theKeyValueSemanticsNameTheServerAndItsMissingJournal() {
        KeyValueSemantics semantics = store.require(KeyValue.class).semantics();
        assertThat(semantics.update()).isEqualTo(KeyValueSemantics.Update.ATOMIC);
        assertThat(semantics.readYourWrites()).isTrue();
        assertThat(semantics.durability())
                .startsWith("mongo-java-server (MongoDB wire-compatible), not MongoDB")
                .contains("no journal");
        assertThat(semantics.conflicts()).contains("one lock");
    }

    private long countRows(dev.dbx.core.dataset.Entity entity) {
        long n = 0;
        try (RowStream rows = tpch.rows(entity)) {
            while (rows.hasNext()) {
                rows.next();
                n++;
            }
        }
        return n;
    }
}
