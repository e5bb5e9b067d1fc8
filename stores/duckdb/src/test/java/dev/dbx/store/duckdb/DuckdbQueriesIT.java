package dev.dbx.store.duckdb;

import dev.dbx.core.query.PlanNode;
import dev.dbx.store.testkit.ExplainContract;
import dev.dbx.store.testkit.QueriesContractIT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** The query capabilities against a real DuckDB database file holding TPC-H SF 0.01. */
class DuckdbQueriesIT extends QueriesContractIT implements ExplainContract {
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

    /** DuckDB's TPC-H tables have no keys (see its schema): a lookup by key reads the table, pruned by zone maps. */
    @Override
    public PlanNode.Access keyLookupAccess() {
        return PlanNode.Access.FULL_SCAN;
    }
}
