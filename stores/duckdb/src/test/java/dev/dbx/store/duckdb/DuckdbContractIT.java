package dev.dbx.store.duckdb;

import dev.dbx.store.testkit.StoreContractIT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** The store contract against a real DuckDB database file (DuckDB is embedded: the library is the engine). */
class DuckdbContractIT extends StoreContractIT {
    @Override
    protected String storeId() {
        return "duckdb";
    }

    @Override
    protected String expectedProduct() {
        return "DuckDB";
    }

    @Override
    protected URI start() {
        try {
            Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "duckdb-");
            return DuckdbLocation.uriOf(dir.toAbsolutePath().resolve("contract.duckdb"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected URI deadUri() {
        return URI.create("duckdb:/no/such/directory/dbx.duckdb");
    }
}
