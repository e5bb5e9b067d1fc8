package dev.dbx.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.Analytics;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.Explain;
import dev.dbx.core.capability.Graph;
import dev.dbx.core.capability.IndexAdvisor;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.KeyValueSemantics;
import dev.dbx.core.capability.KeyValueSession;
import dev.dbx.core.capability.Sink;
import dev.dbx.core.capability.TextSearch;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.store.Capability;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import dev.dbx.core.store.Stores;
import dev.dbx.store.jdbc.SqlStoreContractIT;
import dev.dbx.workloads.dataset.TpchSource;
import dev.dbx.workloads.load.DatasetLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The store contract against a real SQLite database file (SQLite is embedded: the library is the engine). */
class SqliteContractIT extends SqlStoreContractIT {
    @Override
    protected String storeId() {
        return "sqlite";
    }

    @Override
    protected String expectedProduct() {
        return "SQLite";
    }

    @Override
    protected URI start() {
        try {
            Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "sqlite-");
            return SqliteStoreProvider.uriOf(dir.toAbsolutePath().resolve("contract.sqlite"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected URI deadUri() {
        return URI.create("sqlite:/no/such/directory/dbx.sqlite");
    }

    @Override
    protected Set<Class<? extends Capability>> expectedCapabilities() {
        return Set.of(
                DatasetModel.class,
                KeyValue.class,
                Analytics.class,
                TextSearch.class,
                Graph.class,
                Explain.class,
                IndexAdvisor.class,
                Sink.class);
    }

    /**
     * SQLite cannot drop a primary key (region's is its rowid), so a faulty sync that wanted a row in twice would
     * rebuild the table without it, then insert.
     */
    @Override
    protected Entity duplicateOneRow() throws SQLException {
        execute(
                "CREATE TABLE region_without_key AS SELECT * FROM region",
                "DROP TABLE region",
                "ALTER TABLE region_without_key RENAME TO region",
                "INSERT INTO region SELECT * FROM region WHERE r_regionkey = 1");
        return TpchSchema.REGION;
    }

    @Test
    @Order(100)
    void everyCommentColumnHasAFullTextIndexThatFollowsItsRows() throws SQLException {
        DatasetLoader.load(store(), DatasetLoader.counting(new TpchSource(SCALE)), true);
        for (Entity entity : TpchSchema.DATASET.entities()) {
            String comment = entity.columns().stream()
                    .filter(c -> c.fullText())
                    .findFirst()
                    .orElseThrow()
                    .name();
            String word = firstWord("SELECT " + comment + " FROM " + entity.name() + " LIMIT 1");
            assertThat(count("SELECT count(*) FROM " + entity.name() + "_fts WHERE " + entity.name() + "_fts MATCH '"
                            + word + "'"))
                    .as("rows of %s found by '%s' through %s_fts", entity.name(), word, entity.name())
                    .isPositive();
        }
        // the triggers keep the index current: a changed region comment is found by its new word, not its old one
        execute("UPDATE region SET r_comment = 'zyzzyva' WHERE r_regionkey = 0");
        assertThat(count("SELECT count(*) FROM region_fts WHERE region_fts MATCH 'zyzzyva'"))
                .isEqualTo(1);
        execute("UPDATE nation SET n_comment = 'quokka' WHERE n_nationkey = 0");
        assertThat(count("SELECT count(*) FROM nation_fts WHERE nation_fts MATCH 'quokka'"))
                .isEqualTo(1);
    }

    @Test
    @Order(101)
    void keyValueSemanticsAreTheDatabasesOwnSettings() {
        KeyValueSemantics semantics = store().require(KeyValue.class).semantics();
        // the store opens the file in WAL mode with synchronous=NORMAL and a busy timeout of its timeout
        assertThat(semantics.durability()).startsWith("journal_mode=wal, synchronous=NORMAL:");
        assertThat(semantics.conflicts()).contains("busy_timeout=30000 ms");
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

    /** The first word (a run of letters) of the text {@code sql} returns. */
    private String firstWord(String sql) throws SQLException {
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            Matcher word = Pattern.compile("[a-z]+").matcher(rs.getString(1));
            assertThat(word.find()).isTrue();
            return word.group();
        }
    }

    /** sqlite-jdbc straight on the database file: not through dbx's store. */
    @Override
    protected Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + uri().getSchemeSpecificPart());
    }
}
