package dev.dbx.store.postgres;

import dev.dbx.core.Uris;
import dev.dbx.store.testkit.ExplainContract;
import dev.dbx.store.testkit.IndexAdvisorContract;
import dev.dbx.store.testkit.QueriesContractIT;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** The query capabilities against a real PostgreSQL holding TPC-H SF 0.01. */
class PostgresQueriesIT extends QueriesContractIT implements ExplainContract, IndexAdvisorContract {
    @Override
    public String storeId() {
        return "postgres";
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
