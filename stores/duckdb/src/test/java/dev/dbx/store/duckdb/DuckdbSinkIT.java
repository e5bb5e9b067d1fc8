package dev.dbx.store.duckdb;

import dev.dbx.store.testkit.SinkContractIT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sink contract against a real DuckDB database file (DuckDB is embedded: the library is the engine). */
class DuckdbSinkIT extends SinkContractIT {
    @Override
    protected String storeId() {
        return "duckdb";
    }

    @Override
    protected URI start() {
        try {
            Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "duckdb-sink-");
            return DuckdbLocation.uriOf(dir.toAbsolutePath().resolve("sink.duckdb"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
