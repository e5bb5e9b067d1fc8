package dev.dbx.store.sqlite;

import dev.dbx.store.testkit.ExplainContract;
import dev.dbx.store.testkit.IndexAdvisorContract;
import dev.dbx.store.testkit.QueriesContractIT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** The query capabilities against a real SQLite database file holding TPC-H SF 0.01. */
class SqliteQueriesIT extends QueriesContractIT implements ExplainContract, IndexAdvisorContract {
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
    public void executeWithOwnClient(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + uri().getSchemeSpecificPart());
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
