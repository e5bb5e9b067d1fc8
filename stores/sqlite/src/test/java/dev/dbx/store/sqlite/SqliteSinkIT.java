package dev.dbx.store.sqlite;

import dev.dbx.store.testkit.SinkContractIT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sink contract against a real SQLite database file (SQLite is embedded: the library is the engine). */
class SqliteSinkIT extends SinkContractIT {
    @Override
    protected String storeId() {
        return "sqlite";
    }

    @Override
    protected URI start() {
        try {
            Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "sqlite-sink-");
            return SqliteStoreProvider.uriOf(dir.toAbsolutePath().resolve("sink.sqlite"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
