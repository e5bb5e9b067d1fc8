package dev.dbx.store.neo4j;

import dev.dbx.core.capability.Analytics;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.Explain;
import dev.dbx.core.capability.Graph;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.Sink;
import dev.dbx.core.capability.TextSearch;
import dev.dbx.core.dataset.YcsbSchema;
import dev.dbx.core.store.Capabilities;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import java.util.Map;

/**
 * Neo4j through the official Java driver over Bolt: who and where the server is, and the capabilities it hands out,
 * each an object of its own sharing the store's driver ({@link Bolt}): the dataset model ({@link GraphModel}: TPC-H as
 * a property graph), YCSB's usertable ({@link UserTable}: key-value sessions on {@code :User} nodes) and the sync sink
 * ({@link Neo4jSink}).
 */
final class Neo4jStore implements Store {
    private static final String COMPONENTS = "CALL dbms.components() YIELD name, versions, edition";

    private final StoreConfig config;
    private final Bolt bolt;
    private final Capabilities capabilities;

    Neo4jStore(StoreConfig config, Bolt bolt) {
        this.config = config;
        this.bolt = bolt;
        this.capabilities = Capabilities.builder()
                .add(DatasetModel.class, new GraphModel(bolt))
                .add(
                        KeyValue.class,
                        new UserTable(bolt, DatasetGraph.of(YcsbSchema.DATASET).mapping()))
                .add(Analytics.class, new CypherQueries(bolt))
                .add(TextSearch.class, new FulltextSearch(bolt))
                .add(Graph.class, new Neo4jGraph(bolt))
                .add(Explain.class, new Neo4jExplain(bolt))
                .add(Sink.class, new Neo4jSink(bolt))
                .build();
    }

    @Override
    public StoreConfig config() {
        return config;
    }

    /** The kernel's version and edition as the server reports them, e.g. "2026.08.1 (community)". */
    @Override
    public ServerIdentity identity() {
        return ServerIdentities.of(bolt.read(COMPONENTS, Map.of(), "asking the server who it is"));
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public void close() {
        bolt.close();
    }
}
