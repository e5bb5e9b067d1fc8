package dev.dbx.store.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import dev.dbx.core.DbxException;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.store.Stores;
import dev.dbx.workloads.dataset.TpchSource;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The MongoDB model as the server holds it, after a real load of TPC-H SF 0.001 into the local engine
 * (mongo-java-server): line items and supplier offers really are embedded, types are what the model says, the
 * validators are reported truthfully, and bad input is refused with clear errors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MongoModelIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final TpchSource tpch = new TpchSource(0.001);
    private LoadedMongo mongo;
    private MongoStore store;
    private MongoDatabase database;

    @BeforeAll
    void load() {
        mongo = new LoadedMongo(tpch, TIMEOUT);
        store = mongo.store();
        database = mongo.database();
    }

    @AfterAll
    void stop() {
        if (mongo != null) {
            mongo.close();
        }
    }

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
        assertThat(store.count(TpchSchema.DATASET, TpchSchema.LINEITEM)).isEqualTo(countRows(TpchSchema.LINEITEM));
    }

    @Test
    void aPartDocumentCarriesItsSupplierOffers() {
        Document part =
                database.getCollection("parts").find(new Document("_id", 1L)).first();
        assertThat(part).isNotNull();
        List<Document> offers = part.getList("partsupps", Document.class);
        assertThat(offers).hasSize(4); // TPC-H: four suppliers per part
        assertThat(offers).allSatisfy(o -> assertThat(o).containsKeys("ps_suppkey", "ps_supplycost"));
        assertThat(store.count(TpchSchema.DATASET, TpchSchema.PARTSUPP)).isEqualTo(countRows(TpchSchema.PARTSUPP));
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
        Map<String, Boolean> validators = store.validators(TpchSchema.DATASET);
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
        store.index(TpchSchema.DATASET);
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
    void fieldNamesThatAreNotTheUsertablesAreRefused() {
        KeyValue kv = store;
        assertThatThrownBy(() -> kv.update("user1", Map.of("$where", "1")))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("no field '$where'");
        assertThatThrownBy(() -> kv.read("user1", Set.of("field0.x")))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("no field 'field0.x'");
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
