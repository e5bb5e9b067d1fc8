package dev.dbx.store.sqlite;

import dev.dbx.store.testkit.GraphContract;
import dev.dbx.store.testkit.QueriesContractIT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** The query capabilities against a real SQLite database file holding TPC-H SF 0.01. */
class SqliteQueriesIT extends QueriesContractIT implements GraphContract {
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
}
