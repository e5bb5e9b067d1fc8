package dev.dbx.sync.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowSink;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.store.Capabilities;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The comparison logic of {@code dbx verify}, with stores that hold rows in memory (the logic only: every store's
 * contract test shows the same verification catching real differences made through the engine's own client).
 */
class VerifierTest {
    private static final Entity KIND = new Entity(
            "kind", List.of(Column.integer("k_id"), Column.varchar("k_name", 10)), List.of("k_id"), List.of());
    private static final Entity ITEM =
            new Entity("item", List.of(Column.integer("i_id"), Column.integer("i_kind")), List.of("i_id"), List.of());
    private static final Dataset DATASET = new Dataset("toy", List.of(KIND, ITEM));

    private static Map<String, List<Object[]>> data() {
        Map<String, List<Object[]>> data = new LinkedHashMap<>();
        data.put("kind", new ArrayList<>(List.of(new Object[] {1L, "a"}, new Object[] {2L, "b"})));
        List<Object[]> items = new ArrayList<>();
        for (long i = 0; i < 20; i++) {
            items.add(new Object[] {i, 1 + i % 2});
        }
        data.put("item", items);
        return data;
    }

    @Test
    void equalStoresAreEqual() {
        VerifyReport report = Verifier.verify(DATASET, List.of(store("a", data()), store("b", data())));
        assertThat(report.equal()).isTrue();
        assertThat(report.differences()).isEmpty();
        assertThat(report.referenceError()).isEmpty();
    }

    @Test
    void aChangedValueIsNamedByStoreAndEntity() {
        Map<String, List<Object[]>> changed = data();
        changed.get("kind").set(1, new Object[] {2L, "B"});
        VerifyReport report = Verifier.verify(DATASET, List.of(store("a", data()), store("b", changed)));
        assertThat(report.equal()).isFalse();
        assertThat(report.check("b", "kind"))
                .hasValueSatisfying(c -> assertThat(c.matches()).isFalse());
        assertThat(report.check("b", "item"))
                .hasValueSatisfying(c -> assertThat(c.matches()).isTrue());
        assertThat(report.differences()).singleElement().asString().startsWith("b kind: same row count (2)");
    }

    @Test
    void missingAndDuplicatedRowsShowInTheCounts() {
        Map<String, List<Object[]>> fewer = data();
        fewer.get("item").remove(3);
        Map<String, List<Object[]>> more = data();
        more.get("item").add(more.get("item").get(0));
        VerifyReport report =
                Verifier.verify(DATASET, List.of(store("a", data()), store("b", fewer), store("c", more)));
        assertThat(report.differences())
                .containsExactly("b item: 19 rows, a has 20 (-1)", "c item: 21 rows, a has 20 (+1)");
    }

    @Test
    void anUnreachableReferenceIsReportedNotACrash() {
        VerifyReport report = Verifier.verify(DATASET, List.of(dead("a"), store("b", data())));
        assertThat(report.equal()).isFalse();
        assertThat(report.referenceError())
                .hasValueSatisfying(e -> assertThat(e).contains("cannot reach it"));
        assertThat(report.differences())
                .first()
                .asString()
                .contains("the reference a cannot be read")
                .contains("connection refused");
        assertThat(report.differences()).contains("b kind: not compared (the reference cannot be read)");
        assertThat(report.check("b", "kind"))
                .hasValueSatisfying(c -> assertThat(c.matches()).isFalse());
    }

    @Test
    void aReferenceThatFailsOnOneEntityComparesNoStoreOnIt() {
        VerifyReport report = Verifier.verify(DATASET, List.of(store("a", data(), "item"), store("b", data())));
        assertThat(report.equal()).isFalse();
        assertThat(report.referenceError())
                .hasValueSatisfying(e -> assertThat(e).startsWith("item: cannot read it"));
        assertThat(report.check("b", "kind"))
                .hasValueSatisfying(c -> assertThat(c.matches()).isTrue());
        assertThat(report.check("b", "item"))
                .hasValueSatisfying(c -> assertThat(c.matches()).isFalse());
    }

    @Test
    void storesCompareWithTheDatasetAsGenerated() {
        Map<String, List<Object[]>> changed = data();
        changed.get("kind").remove(0);
        VerifyReport report = Verifier.verify(source(data()), List.of(store("b", data()), store("c", changed)));
        assertThat(report.reference()).isEqualTo(Verifier.GENERATED);
        assertThat(report.stores().get(0).server()).isEqualTo("toy, in memory");
        assertThat(report.differences()).containsExactly("c kind: 1 rows, generated has 2 (-1)");
    }

    private static DatasetSource source(Map<String, List<Object[]>> data) {
        return new DatasetSource() {
            @Override
            public Dataset dataset() {
                return DATASET;
            }

            @Override
            public long rowCount(Entity entity) {
                return data.get(entity.name()).size();
            }

            @Override
            public String description() {
                return "toy, in memory";
            }

            @Override
            public RowStream rows(Entity entity) {
                return RowStream.of(data.get(entity.name()).iterator());
            }
        };
    }

    private static Store store(String id, Map<String, List<Object[]>> data, String... unreadable) {
        return new MemoryStore(id, data, Set.of(unreadable), false);
    }

    private static Store dead(String id) {
        return new MemoryStore(id, Map.of(), Set.of(), true);
    }

    /** Rows in lists; optionally a server that does not answer, or entities that fail to scan. */
    private static final class MemoryStore implements Store, DatasetModel {
        private final StoreConfig config;
        private final Map<String, List<Object[]>> data;
        private final Set<String> unreadable;
        private final boolean dead;

        MemoryStore(String id, Map<String, List<Object[]>> data, Set<String> unreadable, boolean dead) {
            this.config = new StoreConfig(id, URI.create("memory://" + id));
            this.data = data;
            this.unreadable = unreadable;
            this.dead = dead;
        }

        @Override
        public StoreConfig config() {
            return config;
        }

        @Override
        public ServerIdentity identity() {
            if (dead) {
                throw new DbxException("connection refused");
            }
            return new ServerIdentity("Memory", "1");
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.builder().add(DatasetModel.class, this).build();
        }

        @Override
        public void scan(Dataset dataset, Entity entity, RowSink sink) {
            if (unreadable.contains(entity.name())) {
                throw new DbxException("lost the connection");
            }
            data.get(entity.name()).forEach(sink::accept);
        }

        @Override
        public boolean isLoaded(Dataset dataset) {
            return true;
        }

        @Override
        public void create(Dataset dataset) {}

        @Override
        public void drop(Dataset dataset) {}

        @Override
        public void load(DatasetSource source) {}

        @Override
        public long count(Dataset dataset, Entity entity) {
            return data.get(entity.name()).size();
        }

        @Override
        public Set<List<Object>> existingKeys(Dataset dataset, Entity entity, Collection<List<Object>> keys) {
            return Set.of();
        }

        @Override
        public String loadMethod() {
            return "none";
        }

        @Override
        public void close() {}
    }
}
