package dev.dbx.store.neo4j;

import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.ForwardingKeyValue;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowSink;
import dev.dbx.core.dataset.YcsbSchema;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.core.store.Store;
import java.net.URI;
import java.util.Map;

/**
 * Neo4j through the official Java driver over Bolt. TPC-H is a property graph: customers PLACED orders that CONTAIN
 * parts (the line items), suppliers SUPPLY parts (partsupp), customers and suppliers are IN nations IN regions; keys
 * are unique, loaded through batched UNWIND statements (see {@link GraphLoader}) and indexed after the load. YCSB's
 * usertable is a label of nodes with a unique key. The schema lives in resource files under {@code schema/}.
 */
final class Neo4jStore implements Store, DatasetModel, ForwardingKeyValue {
    private static final String COMPONENTS = "CALL dbms.components() YIELD name, versions, edition";

    private final Bolt bolt;
    private final SchemaManager schema;
    private final GraphLoader loader;
    private final GraphScanner scanner;
    private final GraphCleaner cleaner;
    private final UserTable users;

    Neo4jStore(Bolt bolt) {
        this.bolt = bolt;
        this.schema = new SchemaManager(bolt);
        this.loader = new GraphLoader(bolt);
        this.scanner = new GraphScanner(bolt);
        this.cleaner = new GraphCleaner(bolt);
        this.users = new UserTable(bolt, DatasetGraph.of(YcsbSchema.DATASET).mapping());
    }

    @Override
    public String id() {
        return "neo4j";
    }

    @Override
    public URI uri() {
        return bolt.target().uri();
    }

    /** The kernel's version and edition as the server reports them, e.g. "2026.08.1 (community)". */
    @Override
    public ServerIdentity identity() {
        return ServerIdentities.of(bolt.read(COMPONENTS, Map.of(), "asking the server who it is"));
    }

    // ---- DatasetModel ----------------------------------------------------------------------------------------

    @Override
    public boolean isLoaded(Dataset dataset) {
        return scanner.anyNode(DatasetGraph.of(dataset).mapping());
    }

    @Override
    public void create(Dataset dataset) {
        schema.create(DatasetGraph.of(dataset));
    }

    @Override
    public void drop(Dataset dataset) {
        DatasetGraph graph = DatasetGraph.of(dataset);
        // indexes first: every deleted element would otherwise be removed from each of them (Lucene included)
        schema.drop(graph);
        cleaner.deleteAll(graph.mapping());
    }

    @Override
    public void load(DatasetSource source) {
        loader.load(DatasetGraph.of(source.dataset()), source);
    }

    @Override
    public void index(Dataset dataset) {
        schema.index(DatasetGraph.of(dataset));
    }

    @Override
    public long count(Dataset dataset, Entity entity) {
        return scanner.count(DatasetGraph.of(dataset).mapping().element(entity));
    }

    @Override
    public void scan(Dataset dataset, Entity entity, RowSink sink) {
        DatasetGraph graph = DatasetGraph.of(dataset);
        graph.mapping().element(entity); // an unknown entity fails clearly, before any request
        scanner.scan(graph, entity, sink);
    }

    // ---- KeyValue (YCSB usertable) ---------------------------------------------------------------------------

    @Override
    public KeyValue keyValue() {
        return users;
    }

    @Override
    public void close() {
        bolt.close();
    }
}
