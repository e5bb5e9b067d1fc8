package dev.dbx.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.Uris;
import dev.dbx.core.capability.Analytics;
import dev.dbx.core.capability.ChangeSource;
import dev.dbx.core.capability.ChangeTracking;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.Explain;
import dev.dbx.core.capability.Graph;
import dev.dbx.core.capability.IndexAdvisor;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.KeyValueSemantics;
import dev.dbx.core.capability.KeyValueSession;
import dev.dbx.core.capability.NativeBulkLoad;
import dev.dbx.core.capability.OrderEntry;
import dev.dbx.core.capability.Sink;
import dev.dbx.core.capability.SnapshotSource;
import dev.dbx.core.capability.TextSearch;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.store.Capability;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import dev.dbx.core.store.Stores;
import dev.dbx.engine.Ports;
import dev.dbx.store.jdbc.SqlDatasetModel;
import dev.dbx.store.jdbc.SqlStoreContractIT;
import dev.dbx.workloads.dataset.TpchSource;
import dev.dbx.workloads.load.DatasetLoader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The store contract against a real PostgreSQL 17 server started from engines/postgres. */
class PostgresContractIT extends SqlStoreContractIT {
    @Override
    protected String storeId() {
        return "postgres";
    }

    @Override
    protected String expectedProduct() {
        return "PostgreSQL";
    }

    @Override
    protected URI deadUri() {
        return URI.create("postgresql://dbx:secret@127.0.0.1:" + Ports.freeRange(1) + "/dbx");
    }

    @Override
    protected Set<Class<? extends Capability>> expectedCapabilities() {
        return Set.of(
                DatasetModel.class,
                KeyValue.class,
                NativeBulkLoad.class,
                Analytics.class,
                TextSearch.class,
                Graph.class,
                Explain.class,
                IndexAdvisor.class,
                Sink.class,
                ChangeSource.class,
                OrderEntry.class,
                SnapshotSource.class,
                ChangeTracking.class);
    }

    /** A faulty sync that dropped the key (and the foreign key resting on it) to get a row in twice. */
    @Override
    protected Entity duplicateOneRow() throws SQLException {
        execute(
                "ALTER TABLE region DROP CONSTRAINT region_pkey CASCADE",
                "INSERT INTO region SELECT * FROM region WHERE r_regionkey = 1");
        return TpchSchema.REGION;
    }

    @Test
    @Order(100)
    void keysAreLookedUpThroughThePrimaryKeyInBatches() throws SQLException {
        DatasetLoader.load(store(), DatasetLoader.counting(new TpchSource(SCALE)), true);
        SqlDatasetModel model = (SqlDatasetModel) store().require(DatasetModel.class);

        // 2,500 keys: two full batches and a shorter one; orders 1..4 hold lines 1..6, 1, 1..6, 1..4 (TPC-H)
        List<List<Object>> keys = new ArrayList<>();
        for (long order = 1; order <= 1250; order++) {
            keys.add(List.of(order, 1L));
            keys.add(List.of(order, 7L));
        }
        Set<List<Object>> found = model.existingKeys(TpchSchema.DATASET, TpchSchema.LINEITEM, keys);
        assertThat(found).contains(List.of(1L, 1L), List.of(3L, 1L)).doesNotContain(List.of(1L, 7L));
        assertThat(found).hasSize((int)
                count("SELECT count(*) FROM lineitem WHERE l_orderkey <= 1250 AND" + " l_linenumber IN (1, 7)"));

        assertThat(plan(model.keyLookupSql(TpchSchema.LINEITEM, 1000), 2000))
                .contains("lineitem_pkey")
                .doesNotContain("Seq Scan");
        assertThat(plan(model.keyLookupSql(TpchSchema.CUSTOMER, 1000), 1000))
                .contains("customer_pkey")
                .doesNotContain("Seq Scan");
    }

    @Test
    @Order(101)
    void keyValueSemanticsAreTheServersOwnSettings() throws SQLException {
        KeyValueSemantics semantics = store().require(KeyValue.class).semantics();
        String synchronousCommit;
        String fsync;
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            synchronousCommit = show(s, "synchronous_commit");
            fsync = show(s, "fsync");
        }
        assertThat(semantics.durability()).startsWith("synchronous_commit=" + synchronousCommit + ", fsync=" + fsync);
        assertThat(semantics.update()).isEqualTo(KeyValueSemantics.Update.ATOMIC);
    }

    @Test
    @Order(102)
    void theConfiguredPoolSizeBoundsHowManySessionsRunAtOnce() {
        StoreConfig two = new StoreConfig(storeId(), uri(), Duration.ofSeconds(1)).withPoolSize(2);
        try (Store store = Stores.open(two);
                KeyValueSession first = store.require(KeyValue.class).openSession();
                KeyValueSession second = store.require(KeyValue.class).openSession()) {
            assertThat(first).isNotSameAs(second);
            assertThatThrownBy(() -> store.require(KeyValue.class).openSession())
                    .isInstanceOf(DbxException.class);
        }
    }

    @Test
    @Order(103)
    void everyCommentColumnHasAFullTextIndex() throws SQLException {
        DatasetModel model = store().require(DatasetModel.class);
        model.drop(TpchSchema.DATASET);
        model.create(TpchSchema.DATASET);
        model.index(TpchSchema.DATASET);
        for (Entity entity : TpchSchema.DATASET.entities()) {
            for (Column column : entity.columns()) {
                if (column.fullText()) {
                    assertThat(count("SELECT count(*) FROM pg_indexes WHERE tablename = '" + entity.name()
                                    + "' AND indexdef LIKE '%gin (to_tsvector(''english''::regconfig, ("
                                    + column.name() + ")::text))%'"))
                            .as("English full-text GIN index on %s.%s", entity.name(), column.name())
                            .isEqualTo(1);
                }
            }
        }
    }

    @Test
    @Order(104)
    void dbxWorksAsTheRoleDbxWhichIsNotASuperuserAndOwnsItsTables() throws SQLException {
        assertThat(Uris.user(uri(), null)).isEqualTo("dbx");
        assertThat(Uris.password(uri(), null)).isNotBlank();
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("dbx");
            assertThat(rs.getBoolean(2)).isFalse();
        }
        assertThat(count("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner <> 'dbx'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = 'dbx'"))
                .isPositive();
        // without the password the server refuses dbx's store
        URI noPassword = URI.create("postgresql://dbx@" + uri().getHost() + ":" + uri().getPort() + "/dbx");
        assertThatThrownBy(() -> Stores.open(new StoreConfig(storeId(), noPassword, Duration.ofSeconds(5))))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("refused the login of user 'dbx'")
                .satisfies(e -> assertThat(((DbxException) e).hint()).contains("dbx secret"));
    }

    @Test
    @Order(105)
    void psqlCopyLogsInWithThePasswordFromAPrivateFileNeverFromItsCommandLine() throws Exception {
        Assumptions.assumeTrue(onPath("psql"), "psql (Debian: postgresql-client) is not installed");
        DatasetModel model = store().require(DatasetModel.class);
        model.drop(TpchSchema.DATASET);
        model.create(TpchSchema.DATASET);
        Path file = Files.createTempFile("dbx-region-", ".tbl");
        try {
            Files.writeString(file, "0|AFRICA|first\n1|AMERICA|second\n");
            List<String> columns = TpchSchema.REGION.columnNames();
            String password = Uris.password(uri(), null);
            assertThat(new PsqlCopy(uri()).command("region", columns, file))
                    .noneMatch(argument -> argument.contains(password));

            store().require(NativeBulkLoad.class).loadNative(TpchSchema.DATASET, TpchSchema.REGION, file);
            assertThat(count("SELECT count(*) FROM region")).isEqualTo(2);

            URI wrong =
                    URI.create("postgresql://dbx:not-the-secret@" + uri().getHost() + ":" + uri().getPort() + "/dbx");
            assertThatThrownBy(() -> new PsqlCopy(wrong).load("region", columns, file))
                    .isInstanceOf(DbxException.class)
                    .hasMessageContaining("password authentication failed for user \"dbx\"");
            assertThat(count("SELECT count(*) FROM region")).isEqualTo(2);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    @Order(106)
    void thePasswordFileIsOwnerOnlyAndEscapesWhatItMust() throws Exception {
        Path file = PsqlCopy.passwordFile("a:b\\c");
        try {
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.readString(file)).isEqualTo("*:*:*:*:a\\:b\\\\c\n");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    @Order(107)
    void aRefusedConnectionFailsAtOnceAndASilentServerIsNotBlamedOnTls() throws Exception {
        URI refused = URI.create("postgresql://dbx:x@127.0.0.1:" + Ports.freeRange(1) + "/dbx");
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> Stores.open("postgres", refused, Duration.ofSeconds(20)))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("refused the connection");
        // the whole timeout was 20 s: a refusal is known in well under half of it (it used to take all of it)
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));

        // a port that accepts and then never answers: what a firewall dropping packets looks like from here
        try (java.net.ServerSocket silent =
                new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            URI mute = URI.create("postgresql://dbx:x@127.0.0.1:" + silent.getLocalPort() + "/dbx");
            assertThatThrownBy(() -> Stores.open("postgres", mute, Duration.ofSeconds(2)))
                    .isInstanceOf(DbxException.class)
                    .hasMessageContaining("no answer from postgres")
                    .hasMessageNotContaining("SSL");
        }
    }

    private static boolean onPath(String program) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    /** PostgreSQL's plan for {@code sql} with {@code parameters} integers bound (1, 2, 3, ...). */
    private String plan(String sql, int parameters) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 1; i <= parameters; i++) {
                ps.setLong(i, i);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
        }
        return plan.toString();
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** pgjdbc straight to the server under test, with the URI's credentials: not through dbx's store. */
    @Override
    protected Connection connect() throws SQLException {
        URI uri = uri();
        String url = "jdbc:postgresql://" + Uris.host(uri, PostgresStoreProvider.EXAMPLE) + ":" + Uris.port(uri, 5432)
                + "/" + Uris.database(uri, "postgres");
        return DriverManager.getConnection(url, Uris.user(uri, "postgres"), Uris.password(uri, null));
    }
}
