package dev.dbx.store.sqlite;

import dev.dbx.store.testkit.StoreContractIT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** The store contract against a real SQLite database file (SQLite is embedded: the library is the engine). */
class SqliteContractIT extends StoreContractIT {
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
}
