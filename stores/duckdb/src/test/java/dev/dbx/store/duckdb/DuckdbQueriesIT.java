package dev.dbx.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.capability.Analytics;
import dev.dbx.core.query.PlanNode;
import dev.dbx.store.jdbc.SqlAnalytics;
import dev.dbx.store.jdbc.SqlAnalyticsContract;
import dev.dbx.store.testkit.ExplainContract;
import dev.dbx.store.testkit.GraphContract;
import dev.dbx.store.testkit.QueriesContractIT;
import dev.dbx.store.testkit.SearchContract;
import dev.dbx.store.testkit.TpchContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The query capabilities against a real DuckDB database file holding TPC-H SF 0.01 (the library is the engine). */
class DuckdbQueriesIT extends QueriesContractIT
        implements TpchContract, SqlAnalyticsContract, SearchContract, GraphContract, ExplainContract {
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
        SqlAnalyticsContract.assertThisJvmIsIdle();
    }

    @Override
    public String keptThroughACacheDrop() {
        return "the catalog and every table's row-group metadata and statistics";
    }

    /** The cold start empties DuckDB's buffer pool for real: the table data it had read is no longer in memory. */
    @Test
    void aCacheDropEvictsTheTableDataFromDuckdbsBufferPool() {
        SqlAnalytics analytics = (SqlAnalytics) store().require(Analytics.class);
        analytics.run("tpch", "q01", Duration.ofSeconds(30));
        assertThat(tableMemory(analytics))
                .as("bytes of table data in the buffer pool after Q1")
                .isPositive();
        assertThat(analytics.dropCaches().dropped()).anyMatch(d -> d.startsWith("DuckDB's buffer pool"));
        assertThat(tableMemory(analytics))
                .as("bytes of table data in the buffer pool after the drop")
                .isZero();
        // and the limit is back: DuckDB's default, 80 % of the machine's memory, not 1 MB
        String limit = (String) analytics
                .query("memory limit", "SELECT current_setting('memory_limit')", Duration.ofSeconds(10))
                .rows()
                .get(0)
                .get(0);
        assertThat(limit).doesNotContain("KiB").doesNotStartWith("0");
    }

    private static long tableMemory(SqlAnalytics analytics) {
        Object bytes = analytics
                .query(
                        "buffer pool",
                        "SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory() WHERE tag = 'BASE_TABLE'",
                        Duration.ofSeconds(10))
                .rows()
                .get(0)
                .get(0);
        return ((Number) bytes).longValue();
    }

    /** DuckDB's TPC-H tables have no keys (see its schema): a lookup by key reads the table, pruned by zone maps. */
    @Override
    public PlanNode.Access keyLookupAccess() {
        return PlanNode.Access.FULL_SCAN;
    }
}
