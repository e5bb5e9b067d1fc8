package dev.dbx.store.clickhouse;

import dev.dbx.store.testkit.QueriesContractIT;
import dev.dbx.store.testkit.SearchContract;

/** The query capabilities against the local ClickHouse (Debian's 18.16 here) holding TPC-H SF 0.01. */
class ClickHouseQueriesIT extends QueriesContractIT implements SearchContract {
    @Override
    public String storeId() {
        return "clickhouse";
    }
}
