package dev.dbx.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.Uris;
import dev.dbx.store.jdbc.SqlAnalyticsContract;
import dev.dbx.store.testkit.ExplainContract;
import dev.dbx.store.testkit.GraphContract;
import dev.dbx.store.testkit.IndexAdvisorContract;
import dev.dbx.store.testkit.QueriesContractIT;
import dev.dbx.store.testkit.SearchContract;
import dev.dbx.store.testkit.TpchContract;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/** The query capabilities against a real PostgreSQL 17 server holding TPC-H SF 0.01. */
class PostgresQueriesIT extends QueriesContractIT
        implements TpchContract,
                SqlAnalyticsContract,
                SearchContract,
                GraphContract,
                ExplainContract,
                IndexAdvisorContract {
    @Override
    public String storeId() {
        return "postgres";
    }

    @Override
    public Set<String> unsupportedTpchQueries() {
        return Set.of();
    }

    /** The server's own list of running statements no longer holds it: the backend stopped, not just dbx. */
    @Override
    public void assertEngineStopped(String sql) throws SQLException {
        URI uri = uri();
        String url = "jdbc:postgresql://" + Uris.host(uri, PostgresStoreProvider.EXAMPLE) + ":" + Uris.port(uri, 5432)
                + "/" + Uris.database(uri, "postgres");
        try (Connection c = DriverManager.getConnection(url, Uris.user(uri, "postgres"), Uris.password(uri, null));
                PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query = ?")) {
            ps.setString(1, sql);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1))
                        .as("backends still running the cancelled query")
                        .isZero();
            }
        }
    }

    @Override
    public String keptThroughACacheDrop() {
        return "PostgreSQL's shared buffers (shared_buffers = ";
    }

    @Override
    public void executeWithOwnClient(String... statements) throws Exception {
        URI uri = uri();
        String url = "jdbc:postgresql://" + Uris.host(uri, PostgresStoreProvider.EXAMPLE) + ":" + Uris.port(uri, 5432)
                + "/" + Uris.database(uri, "postgres");
        try (Connection c = DriverManager.getConnection(url, Uris.user(uri, "postgres"), Uris.password(uri, null));
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
