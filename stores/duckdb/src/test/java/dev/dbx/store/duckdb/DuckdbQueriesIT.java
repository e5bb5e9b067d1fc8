package dev.dbx.store.duckdb;

import dev.dbx.store.jdbc.SqlQueryTimeoutContract;
import dev.dbx.store.testkit.QueriesContractIT;
import dev.dbx.store.testkit.TpchContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** The query capabilities against a real DuckDB database file holding TPC-H SF 0.01 (the library is the engine). */
class DuckdbQueriesIT extends QueriesContractIT implements TpchContract, SqlQueryTimeoutContract {
    @Override
    public String storeId() {
        return "duckdb";
    }

    @Override
    protected URI start() {
        try {
            Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "duckdb-queries-");
            return DuckdbLocation.uriOf(dir.toAbsolutePath().resolve("queries.duckdb"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Set<String> unsupportedTpchQueries() {
        return Set.of();
    }

    /** DuckDB runs in this JVM: an interrupted query leaves its worker threads idle. */
    @Override
    public void assertEngineStopped(String sql) throws InterruptedException {
        SqlQueryTimeoutContract.assertThisJvmIsIdle();
    }
}
