package dev.dbx.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.dataset.YcsbSchema;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.Stores;
import dev.dbx.workloads.dataset.TpchSource;
import dev.dbx.workloads.dataset.YcsbData;
import dev.dbx.workloads.dataset.YcsbSource;
import dev.dbx.workloads.load.DatasetLoader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What is particular to DuckDB: one database file shared by two stores in one process, sorted loads, atomic loads. */
class DuckdbStoreIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Path dir;
    private URI uri;

    @BeforeEach
    void freshDatabase() throws IOException {
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "duckdb-store-");
        uri = DuckdbLocation.uriOf(dir.toAbsolutePath().resolve("store.duckdb"));
    }

    @Test
    void twoStoresOnTheSameFileShareOneDatabase() {
        String key = "user-shared";
        try (Store first = open(uri)) {
            first.require(DatasetModel.class).create(YcsbSchema.DATASET);
            try (Store second = open(uri)) {
                first.require(KeyValue.class).insert(key, YcsbData.record(key, 0));
                // one DuckDB instance behind both: a commit through one is visible through the other at once
                assertThat(second.require(KeyValue.class).read(key, Set.of())).contains(YcsbData.record(key, 0));
                assertThat(second.require(KeyValue.class).update(key, Map.of("field0", "changed")))
                        .isTrue();
                assertThat(first.require(KeyValue.class).read(key, Set.of("field0")))
                        .contains(Map.of("field0", "changed"));
            }
            // closing one store leaves the other's database open
            assertThat(first.require(KeyValue.class).read(key, Set.of("field0")))
                    .contains(Map.of("field0", "changed"));
        }
        try (Store reopened = open(uri)) {
            assertThat(reopened.require(KeyValue.class).read(key, Set.of("field0")))
                    .contains(Map.of("field0", "changed"));
        }
    }

    @Test
    void theSameFileWithOtherSettingsIsAClearError() {
        try (Store first = open(uri)) {
            first.identity();
            URI other = URI.create(uri + "?threads=1");
            assertThatThrownBy(() -> open(other).close())
                    .isInstanceOf(DbxException.class)
                    .hasMessageContaining("already open in this process with other settings")
                    .satisfies(e -> assertThat(((DbxException) e).hint()).contains("same URI options"));
            // the refused open left the first store working
            assertThat(first.identity().product()).isEqualTo("DuckDB");
        }
    }

    @Test
    void aFileThatIsNotADuckdbDatabaseIsAClearError() throws IOException {
        Path file = dir.resolve("not-duckdb.duckdb");
        Files.writeString(file, "this is not a database\n".repeat(1000));
        assertThatThrownBy(() -> open(DuckdbLocation.uriOf(file)).close())
                .isInstanceOf(DbxException.class)
                .hasMessageStartingWith("cannot open DuckDB database " + file.toAbsolutePath())
                .hasMessageContaining("not a valid DuckDB database file");
    }

    @Test
    void manyThreadsShareTheStore() throws Exception {
        try (Store store = open(uri)) {
            DatasetLoader.load(store, DatasetLoader.counting(new YcsbSource(200)), true);
            KeyValue kv = store.require(KeyValue.class);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < 25; i++) {
                            String key = "user-thread-" + thread + "-" + i;
                            kv.insert(key, YcsbData.record(key, 0));
                            assertThat(kv.read(key, Set.of())).contains(YcsbData.record(key, 0));
                            assertThat(kv.scan("user", 5, Set.of("field1"))).hasSize(5);
                            assertThat(kv.delete(key)).isTrue();
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(store.require(DatasetModel.class).count(YcsbSchema.DATASET, YcsbSchema.USERTABLE))
                    .isEqualTo(200);
        }
    }

    @Test
    void concurrentUpdatesOfOneKeyAllLand() throws Exception {
        try (Store store = open(uri)) {
            DatasetLoader.load(store, DatasetLoader.counting(new YcsbSource(10)), true);
            KeyValue kv = store.require(KeyValue.class);
            String key = YcsbData.key(1);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        // DuckDB fails the loser of a write-write conflict at once; the store runs it again
                        for (int i = 0; i < 50; i++) {
                            assertThat(kv.update(key, Map.of("field0", "thread-" + thread)))
                                    .isTrue();
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(kv.read(key, Set.of("field0")).orElseThrow().get("field0"))
                    .startsWith("thread-");
        }
    }

    @Test
    void lineitemAndOrdersAreWrittenInDateOrder() throws SQLException {
        try (Store store = open(uri)) {
            DatasetLoader.load(store, DatasetLoader.counting(new TpchSource(0.01)), true);
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("store.duckdb"))) {
            assertThat(outOfOrder(c, TpchSchema.LINEITEM.name(), "l_shipdate")).isZero();
            assertThat(outOfOrder(c, TpchSchema.ORDERS.name(), "o_orderdate")).isZero();
            // and the DDL's constraints survived the sorted load
            assertThat(notNullColumns(c, TpchSchema.LINEITEM.name()))
                    .isEqualTo(TpchSchema.LINEITEM.columns().size());
        }
    }

    @Test
    void aFailedLoadLeavesTheTableAsItWas() {
        try (Store store = open(uri)) {
            DatasetModel model = store.require(DatasetModel.class);
            model.create(YcsbSchema.DATASET);
            assertThatThrownBy(() -> model.load(failingAfter(5_000)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("generator broke");
            assertThat(model.count(YcsbSchema.DATASET, YcsbSchema.USERTABLE)).isZero();
        }
    }

    private static Store open(URI uri) {
        return Stores.open("duckdb", uri, TIMEOUT);
    }

    /** Rows whose date is smaller than the previous row's, in storage order. */
    private static long outOfOrder(Connection c, String table, String column) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM (SELECT " + column + " < lag(" + column
                        + ") OVER (ORDER BY rowid) AS backwards FROM " + table + ") WHERE backwards")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long notNullColumns(Connection c, String table) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT count(*) FROM duckdb_columns() WHERE table_name = ? AND NOT is_nullable")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The YCSB usertable, whose generator throws after {@code rows} rows. */
    private static DatasetSource failingAfter(int rows) {
        YcsbSource ycsb = new YcsbSource(rows * 2L);
        return new DatasetSource() {
            @Override
            public Dataset dataset() {
                return YcsbSchema.DATASET;
            }

            @Override
            public String description() {
                return "a generator that breaks";
            }

            @Override
            public long rowCount(Entity entity) {
                return rows * 2L;
            }

            @Override
            public RowStream rows(Entity entity) {
                RowStream inner = ycsb.rows(entity);
                return new RowStream() {
                    private int given;

                    @Override
                    public boolean hasNext() {
                        return inner.hasNext();
                    }

                    @Override
                    public Object[] next() {
                        if (++given > rows) {
                            throw new IllegalStateException("generator broke");
                        }
                        return inner.next();
                    }
                };
            }
        };
    }
}
