package dev.dbx.store.duckdb;

import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import dev.dbx.core.store.StoreProvider;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** DuckDB through its official JDBC driver, embedded: the library is the engine, the database is one file. */
public final class DuckdbStoreProvider implements StoreProvider {
    @Override
    public String id() {
        return "duckdb";
    }

    @Override
    public List<String> schemes() {
        return List.of("duckdb");
    }

    @Override
    public String uriExample() {
        return DuckdbLocation.EXAMPLE;
    }

    @Override
    public Optional<URI> embeddedUri(Path storeDir) {
        return Optional.of(DuckdbLocation.uriOf(storeDir.toAbsolutePath().resolve("dbx.duckdb")));
    }

    @Override
    public Store open(StoreConfig config) {
        DuckdbLocation location = DuckdbLocation.parse(config.uri());
        return new DuckdbStore(
                config,
                DuckdbDatabase.open(location, config.timeout(), config.poolSize(DuckdbDatabase.DEFAULT_POOL_SIZE)));
    }
}
