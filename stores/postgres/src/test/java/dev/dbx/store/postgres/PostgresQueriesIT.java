package dev.dbx.store.postgres;

import dev.dbx.store.testkit.QueriesContractIT;
import dev.dbx.store.testkit.SearchContract;

/** The query capabilities against a real PostgreSQL 17 holding TPC-H SF 0.01. */
class PostgresQueriesIT extends QueriesContractIT implements SearchContract {
    @Override
    public String storeId() {
        return "postgres";
    }
}
