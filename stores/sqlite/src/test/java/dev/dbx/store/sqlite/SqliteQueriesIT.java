package dev.dbx.store.sqlite;

import dev.dbx.store.jdbc.SqlAnalyticsContract;
import dev.dbx.store.testkit.ExplainContract;
import dev.dbx.store.testkit.GraphContract;
import dev.dbx.store.testkit.IndexAdvisorContract;
import dev.dbx.store.testkit.QueriesContractIT;
import dev.dbx.store.testkit.SearchContract;
import dev.dbx.store.testkit.TpchContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Set;

/** The query capabilities against a real SQLite database file holding TPC-H SF 0.01 (the library is the engine). */
class SqliteQueriesIT extends QueriesContractIT
        implements TpchContract,
                SqlAnalyticsContract,
                SearchContract,
                GraphContract,
                ExplainContract,
                IndexAdvisorContract {
    @Override
    public String storeId() {
        return "sqlite";
    }

    @Override
    protected URI start() {
        try {
            Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "sqlite-queries-");
            return SqliteStoreProvider.uriOf(dir.toAbsolutePath().resolve("queries.sqlite"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Set<String> unsupportedTpchQueries() {
        return Set.of();
    }

    /** SQLite runs in this JVM: an interrupted statement leaves it idle. */
    @Override
    public void assertEngineStopped(String sql) throws InterruptedException {
        SqlAnalyticsContract.assertThisJvmIsIdle();
    }

    /** Nothing of SQLite's own (its page caches are per connection): the OS page cache is the runner's to drop. */
    @Override
    public String keptThroughACacheDrop() {
        return "";
    }

    @Override
    public void executeWithOwnClient(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + uri().getSchemeSpecificPart());
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
