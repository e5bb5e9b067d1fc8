package dev.dbx.sync.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.Uris;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.Stores;
import dev.dbx.engine.RunningEngine;
import dev.dbx.sync.verify.Verifier;
import dev.dbx.sync.verify.VerifyReport;
import dev.dbx.workloads.dataset.TpchSource;
import dev.dbx.workloads.load.DatasetLoader;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Full and incremental sync from a real PostgreSQL (TPC-H SF 0.01) into SQLite and DuckDB, checked by the very verification
 * {@code dbx verify} runs: the full copy is one snapshot (a change committed while it is open is not in it); the
 * incremental run carries inserts, updates and deletes of several entities, and a change whose transaction began
 * before a run and committed after it (the late commit) is carried by the next run; a run with nothing new moves
 * nothing; the change log is pruned once the target has passed it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BatchSyncIT {
    private static final double SCALE = 0.01;

    @TempDir
    static Path dir;

    private RunningEngine engine;
    private Store postgres;
    private Store sqlite;
    private Store duckdb;
    private List<Store> targets;
    private Connection jdbc;

    @BeforeAll
    void start() throws SQLException {
        engine = RunningEngine.start("postgres");
        postgres = Stores.open("postgres", engine.uri(), Duration.ofSeconds(30));
        DatasetLoader.load(postgres, DatasetLoader.counting(new TpchSource(SCALE)), true);
        sqlite = Stores.open(
                "sqlite", URI.create("sqlite:" + dir.toAbsolutePath().resolve("db.sqlite")), Duration.ofSeconds(30));
        duckdb = Stores.open(
                "duckdb", URI.create("duckdb:" + dir.toAbsolutePath().resolve("db.duckdb")), Duration.ofSeconds(30));
        targets = List.of(sqlite, duckdb);
        jdbc = connect();
    }

    @AfterAll
    void stop() throws SQLException {
        if (jdbc != null) {
            jdbc.close();
        }
        if (sqlite != null) {
            sqlite.close();
        }
        if (duckdb != null) {
            duckdb.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    @Order(1)
    void anIncrementalSyncBeforeAnyFullOneSaysToRunAFullOne() {
        assertThatThrownBy(() -> IncrementalSync.run(postgres, sqlite, TpchSchema.DATASET, (u, d) -> {}))
                .isInstanceOf(DbxException.class)
                .satisfies(e -> assertThat(((DbxException) e).userMessage()).contains("dbx sync full"));
    }

    @Test
    @Order(2)
    void aFullSyncCopiesOneSnapshotAChangeCommittedMeanwhileIsNotInIt() throws SQLException {
        try (FullSync sync = FullSync.begin(postgres, TpchSchema.DATASET, List.of("sqlite", "duckdb"))) {
            DatasetLoader.Result first = sync.copyTo(sqlite, source -> {});
            execute("UPDATE region SET r_comment = 'after the snapshot' WHERE r_regionkey = 0");
            DatasetLoader.Result second = sync.copyTo(duckdb, source -> {});
            assertThat(first.rows().get("lineitem")).isEqualTo(rowCount("lineitem"));
            assertThat(second.rows()).isEqualTo(first.rows());
        }
        // both targets hold the dataset as it was when the snapshot was taken (the generated one, unchanged), though
        // the change committed before the second target's copy began
        VerifyReport snapshot = Verifier.verify(new TpchSource(SCALE), targets);
        assertThat(snapshot.differences()).as("what verify found different").isEmpty();
        assertThat(snapshot.equal()).as("the targets hold the snapshot").isTrue();
        VerifyReport now = Verifier.verify(TpchSchema.DATASET, List.of(postgres, sqlite, duckdb));
        assertThat(now.equal())
                .as("verify sees the change made after the snapshot")
                .isFalse();
        assertThat(now.differences()).anySatisfy(line -> assertThat(line).startsWith("sqlite region:"));
        assertThat(now.differences()).anySatisfy(line -> assertThat(line).startsWith("duckdb region:"));
    }

    @Test
    @Order(3)
    void anIncrementalSyncCarriesInsertsUpdatesAndDeletesAndALateCommitOnTheNextRun() throws SQLException {
        // order 1 and its line items go, and an offer no line item refers to; a customer, an offer and a line item
        // change; a nation, and an order with a line item, arrive
        long itemsOfOrderOne = rowCount("lineitem WHERE l_orderkey = 1");
        execute(
                "DELETE FROM lineitem WHERE l_orderkey = 1",
                "DELETE FROM orders WHERE o_orderkey = 1",
                "UPDATE customer SET c_acctbal = c_acctbal + 1, c_nationkey = 3 WHERE c_custkey = 1",
                "UPDATE partsupp SET ps_availqty = 1 WHERE ps_partkey = 1 AND ps_suppkey = 2",
                "UPDATE lineitem SET l_comment = 'changed' WHERE l_orderkey = 2 AND l_linenumber = 1",
                "DELETE FROM partsupp WHERE (ps_partkey, ps_suppkey) = (SELECT ps_partkey, ps_suppkey FROM partsupp p"
                        + " WHERE NOT EXISTS (SELECT 1 FROM lineitem WHERE l_partkey = p.ps_partkey"
                        + " AND l_suppkey = p.ps_suppkey) ORDER BY 1, 2 LIMIT 1)",
                "INSERT INTO nation (n_nationkey, n_name, n_regionkey, n_comment) VALUES (90, 'ATLANTIS', 1, 'new')",
                "INSERT INTO orders SELECT 9000001, o_custkey, o_orderstatus, o_totalprice, o_orderdate,"
                        + " o_orderpriority, o_clerk, o_shippriority, 'new order' FROM orders WHERE o_orderkey = 3",
                "INSERT INTO lineitem SELECT 9000001, l_partkey, l_suppkey, 1, l_quantity, l_extendedprice,"
                        + " l_discount, l_tax, l_returnflag, l_linestatus, l_shipdate, l_commitdate, l_receiptdate,"
                        + " l_shipinstruct, l_shipmode, 'new line' FROM lineitem WHERE l_orderkey = 3"
                        + " AND l_linenumber = 1");
        try (Connection late = connect()) {
            late.setAutoCommit(false);
            try (Statement s = late.createStatement()) {
                // the late transaction has its id before the run's snapshot is taken, and commits after the run
                s.executeUpdate("UPDATE supplier SET s_comment = 'late commit' WHERE s_suppkey = 1");
            }
            assertThat(Verifier.verify(TpchSchema.DATASET, List.of(postgres, sqlite, duckdb))
                            .equal())
                    .as("verify finds the targets behind before the run")
                    .isFalse();

            for (Store target : targets) {
                IncrementalSync.Result run = IncrementalSync.run(postgres, target, TpchSchema.DATASET, (u, d) -> {});

                // region 0 (changed during the full sync), customer 1, partsupp (1,2), lineitem (2,1), nation 90,
                // order 9000001 and its line item
                assertThat(run.upserts()).as(target.id()).isEqualTo(7);
                // order 1, its line items, the offer
                assertThat(run.deletes()).as(target.id()).isEqualTo(1 + itemsOfOrderOne + 1);
            }
            assertVerifiedEqual();
            late.commit();
        }
        assertThat(Verifier.verify(TpchSchema.DATASET, List.of(postgres, sqlite, duckdb))
                        .equal())
                .as("verify sees the late commit, not yet carried")
                .isFalse();

        for (Store target : targets) {
            IncrementalSync.Result next = IncrementalSync.run(postgres, target, TpchSchema.DATASET, (u, d) -> {});

            assertThat(next.upserts())
                    .as("the late commit's supplier, in " + target.id())
                    .isEqualTo(1);
            assertThat(next.deletes()).isZero();
        }
        assertVerifiedEqual();
    }

    @Test
    @Order(4)
    void aSecondRunWithNothingNewMovesNothingAndTheLogIsPrunedBehindTheTarget() throws SQLException {
        for (Store target : targets) {
            IncrementalSync.Result again = IncrementalSync.run(postgres, target, TpchSchema.DATASET, (u, d) -> {});

            assertThat(again.changes()).as(target.id()).isZero();
        }
        assertThat(rowCount("dbx_change_log"))
                .as("changes every target has passed are pruned")
                .isZero();
        assertVerifiedEqual();
    }

    @Test
    @Order(5)
    void aTruncateHasNoKeysToCarrySoTheNextRunAsksForAFullSync() throws SQLException {
        execute("TRUNCATE lineitem");

        assertThatThrownBy(() -> IncrementalSync.run(postgres, sqlite, TpchSchema.DATASET, (u, d) -> {}))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("lineitem was truncated")
                .satisfies(e -> assertThat(((DbxException) e).userMessage()).contains("dbx sync full"));
    }

    private void assertVerifiedEqual() {
        VerifyReport report = Verifier.verify(TpchSchema.DATASET, List.of(postgres, sqlite, duckdb));
        assertThat(report.differences()).as("what verify found different").isEmpty();
        assertThat(report.equal()).isTrue();
    }

    private Connection connect() throws SQLException {
        URI uri = engine.uri();
        return DriverManager.getConnection(
                "jdbc:postgresql://" + Uris.host(uri, "postgresql://127.0.0.1/postgres") + ":" + Uris.port(uri, 5432)
                        + "/" + Uris.database(uri, "postgres"),
                Uris.user(uri, "postgres"),
                Uris.password(uri, null));
    }

    private void execute(String... statements) throws SQLException {
        try (Statement s = jdbc.createStatement()) {
            for (String statement : statements) {
                s.executeUpdate(statement);
            }
        }
    }

    private long rowCount(String table) throws SQLException {
        try (Statement s = jdbc.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
