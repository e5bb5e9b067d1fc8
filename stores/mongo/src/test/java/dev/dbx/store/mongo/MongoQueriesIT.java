package dev.dbx.store.mongo;

import dev.dbx.core.capability.Graph;
import dev.dbx.store.testkit.GraphContract;
import dev.dbx.store.testkit.QueriesContractIT;
import java.util.Set;

/** The query capabilities against the local engine (mongo-java-server) holding TPC-H SF 0.01. */
class MongoQueriesIT extends QueriesContractIT implements GraphContract {
    @Override
    public String storeId() {
        return "mongo";
    }

    /** See {@link MongoGraph#REACH_NOT_APPLICABLE}. */
    @Override
    public Set<Graph.Query> unsupportedGraphQueries() {
        return Set.of(Graph.Query.REACHABLE);
    }
}
