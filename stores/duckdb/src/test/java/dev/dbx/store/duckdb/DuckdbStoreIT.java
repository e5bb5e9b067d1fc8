package dev.dbx.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.FieldSet;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.KeyValueSession;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.dataset.YcsbSchema;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What is particular to DuckDB: one database file shared by two stores in one process, sorted loads, atomic loads, one
 * table function for every load, write-write conflicts run again and counted.
 */
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
        String[] values = new String[YcsbSchema.FIELD_COUNT];
        String[] changed = new String[YcsbSchema.FIELD_COUNT];
        changed[0] = "changed";
        try (Store first = open(uri)) {
            first.require(DatasetModel.class).create(YcsbSchema.DATASET);
            try (Store second = open(uri);
                    KeyValueSession one = first.require(KeyValue.class).openSession();
                    KeyValueSession two = second.require(KeyValue.class).openSession()) {
                one.insert(key, YcsbData.values(key, 0));
                // one DuckDB instance behind both: a commit through one is visible through the other at once
                assertThat(two.read(key, FieldSet.all(), values)).isTrue();
                assertThat(values).containsExactly(YcsbData.values(key, 0));
                assertThat(two.update(key, FieldSet.one(0), changed)).isTrue();
                assertThat(one.read(key, FieldSet.one(0), values)).isTrue();
                assertThat(values[0]).isEqualTo("changed");
            }
            // closing one store leaves the other's database open
            assertThat(fieldZero(first, key)).isEqualTo("changed");
        }
        try (Store reopened = open(uri)) {
            assertThat(fieldZero(reopened, key)).isEqualTo("changed");
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
                        try (KeyValueSession session = kv.openSession()) {
                            String[] values = new String[YcsbSchema.FIELD_COUNT];
                            for (int i = 0; i < 25; i++) {
                                String key = "user-thread-" + thread + "-" + i;
                                session.insert(key, YcsbData.values(key, 0));
                                assertThat(session.read(key, FieldSet.all(), values))
                                        .isTrue();
                                assertThat(values).containsExactly(YcsbData.values(key, 0));
                                assertThat(session.scan("user", 5, FieldSet.one(1), (k, v) -> {}))
                                        .isEqualTo(5);
                                assertThat(session.delete(key)).isTrue();
                            }
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
                List<Future<Long>> done = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        // DuckDB fails the loser of a write-write conflict at once; the session runs it again
                        try (KeyValueSession session = kv.openSession()) {
                            String[] update = new String[YcsbSchema.FIELD_COUNT];
                            update[0] = "thread-" + thread;
                            for (int i = 0; i < 50; i++) {
                                assertThat(session.update(key, FieldSet.one(0), update))
                                        .isTrue();
                            }
                            return session.conflictRetries();
                        }
                    }));
                }
                for (Future<Long> f : done) {
                    assertThat(f.get()).isNotNegative();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(fieldZero(store, key)).startsWith("thread-");
        }
    }

    @Test
    void aWriteThatLosesAConflictIsRunAgainAndCounted() throws Exception {
        try (Store store = open(uri)) {
            DatasetLoader.load(store, DatasetLoader.counting(new YcsbSource(10)), true);
            String key = YcsbData.key(1);
            String[] update = new String[YcsbSchema.FIELD_COUNT];
            update[0] = "the session's";
            try (Connection other = sameInstance(uri);
                    KeyValueSession session = store.require(KeyValue.class).openSession()) {
                // another transaction changes the record and holds its change uncommitted
                other.setAutoCommit(false);
                try (PreparedStatement ps = other.prepareStatement(
                        "UPDATE usertable SET field0 = 'the other transaction''s' WHERE ycsb_key = ?")) {
                    ps.setString(1, key);
                    assertThat(ps.executeUpdate()).isEqualTo(1);
                }
                ExecutorService thread = Executors.newSingleThreadExecutor();
                try {
                    Future<Boolean> updated = thread.submit(() -> session.update(key, FieldSet.one(0), update));
                    Thread.sleep(300);
                    assertThat(updated)
                            .as("the session's write waits for no lock: it fails and runs again")
                            .isNotDone();
                    other.commit();
                    assertThat(updated.get()).isTrue();
                } finally {
                    thread.shutdownNow();
                }
                assertThat(session.conflictRetries())
                        .as("runs again, each counted")
                        .isPositive();
            }
            assertThat(fieldZero(store, key)).isEqualTo("the session's");
        }
    }

    @Test
    void theConfiguredPoolSizeBoundsHowManySessionsRunAtOnce() {
        StoreConfig two = new StoreConfig("duckdb", uri, Duration.ofSeconds(1)).withPoolSize(2);
        try (Store store = Stores.open(two);
                KeyValueSession first = store.require(KeyValue.class).openSession();
                KeyValueSession second = store.require(KeyValue.class).openSession()) {
            assertThat(first).isNotSameAs(second);
            assertThatThrownBy(() -> store.require(KeyValue.class).openSession())
                    .isInstanceOf(DbxException.class);
        }
    }

    @Test
    void loadsShareOneTableFunctionAndSayHowTheyWroteTheVectors() throws SQLException {
        try (Store store = open(uri)) {
            DatasetLoader.load(store, DatasetLoader.counting(new YcsbSource(100)), true);
            DatasetLoader.load(store, DatasetLoader.counting(new TpchSource(0.01)), true);
            try (Store second = open(uri)) {
                // a second store on the file registers the function again: it replaces the first, the same function
                DatasetLoader.load(second, DatasetLoader.counting(new YcsbSource(100)), true);
            }
            DatasetLoader.load(store, DatasetLoader.counting(new YcsbSource(100)), true);
            assertThat(store.require(DatasetModel.class).loadMethod()).contains("by direct vector copies");
            try (Connection c = sameInstance(uri);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT count(*) FROM duckdb_functions() WHERE function_name LIKE 'dbx_load%'")) {
                rs.next();
                assertThat(rs.getLong(1))
                        .as("table functions registered for all the loads")
                        .isEqualTo(1);
            }
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

    private static String fieldZero(Store store, String key) {
        try (KeyValueSession session = store.require(KeyValue.class).openSession()) {
            String[] values = new String[YcsbSchema.FIELD_COUNT];
            assertThat(session.read(key, FieldSet.one(0), values)).isTrue();
            return values[0];
        }
    }

    /**
     * duckdb_jdbc straight on the store's file while the store holds it open: the driver hands out the same DuckDB
     * instance only to a connection with the same configuration, so this asks for dbx's (the configuration only; no
     * object of the store is used).
     */
    private static Connection sameInstance(URI uri) throws SQLException {
        DuckdbLocation location = DuckdbLocation.parse(uri);
        return DriverManager.getConnection("jdbc:duckdb:" + location.file(), DuckdbDatabase.configuration(location));
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
