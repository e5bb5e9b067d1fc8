package dev.dbx.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.capability.Analytics;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.Explain;
import dev.dbx.core.capability.Graph;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.KeyValueSemantics;
import dev.dbx.core.capability.NativeBulkLoad;
import dev.dbx.core.capability.Sink;
import dev.dbx.core.capability.TextSearch;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.store.Capability;
import dev.dbx.store.jdbc.SqlStoreContractIT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The store contract against a real DuckDB database file (DuckDB is embedded: the library is the engine). */
class DuckdbContractIT extends SqlStoreContractIT {
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
                Sink.class);
    }

    /** DuckDB's TPC-H tables have no key (see the schema): the row goes in again as it is. */
    @Override
    protected Entity duplicateOneRow() throws SQLException {
        execute("INSERT INTO region SELECT * FROM region WHERE r_regionkey = 1");
        return TpchSchema.REGION;
    }

    @Test
    @Order(100)
    void keyValueSemanticsAreTheDatabasesOwnSettings() {
        KeyValueSemantics semantics = store().require(KeyValue.class).semantics();
        assertThat(semantics.durability())
                .startsWith("fsync_mode=STANDARD, checkpoint_threshold=16.0 MiB: ")
                .contains("fsynced before the commit returns");
        assertThat(semantics.conflicts()).contains("conflictRetries()");
    }

    /**
     * duckdb_jdbc straight on the database file, not through dbx's store or its capability objects. The store holds
     * the file open in this JVM, and DuckDB allows one instance of a file per process: the driver hands a new
     * connection that instance only when its configuration is the same, so this passes dbx's configuration (a
     * {@link java.util.Properties} and nothing else). A duplicate of the store's own connection would reach it too,
     * but only through the store's objects.
     */
    @Override
    protected Connection connect() throws SQLException {
        DuckdbLocation location = DuckdbLocation.parse(uri());
        return DriverManager.getConnection("jdbc:duckdb:" + location.file(), DuckdbDatabase.configuration(location));
    }
}
