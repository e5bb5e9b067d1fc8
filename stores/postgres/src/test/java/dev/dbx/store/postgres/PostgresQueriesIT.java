package dev.dbx.store.postgres;

import dev.dbx.store.testkit.GraphContract;
import dev.dbx.store.testkit.QueriesContractIT;

/** The query capabilities against a real PostgreSQL server holding TPC-H SF 0.01. */
class PostgresQueriesIT extends QueriesContractIT implements GraphContract {
    @Override
    public String storeId() {
        return "postgres";
    }
}
