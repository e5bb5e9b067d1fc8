package dev.dbx.store.neo4j;

import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowSink;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A dataset as a property graph. TPC-H: customers PLACED orders that CONTAIN parts (the line items), suppliers SUPPLY
 * parts (partsupp), customers and suppliers are IN nations IN regions; keys are unique, loaded through batched UNWIND
 * statements (see {@link GraphLoader}) and indexed after the load. YCSB's usertable is a label of nodes with a unique
 * key. The schema lives in resource files under {@code schema/} (see {@link DatasetGraph}).
 */
final class GraphModel implements DatasetModel {
    private final SchemaManager schema;
    private final GraphLoader loader;
    private final GraphScanner scanner;
    private final GraphCleaner cleaner;
    private final KeyLookup lookup;

    GraphModel(Bolt bolt) {
        this.schema = new SchemaManager(bolt);
        this.loader = new GraphLoader(bolt);
        this.scanner = new GraphScanner(bolt);
        this.cleaner = new GraphCleaner(bolt);
        this.lookup = new KeyLookup(bolt);
    }

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

    @Override
    public Set<List<Object>> existingKeys(Dataset dataset, Entity entity, Collection<List<Object>> keys) {
        DatasetGraph graph = DatasetGraph.of(dataset);
        graph.mapping().element(entity); // an unknown entity fails clearly, before any request
        return lookup.existing(graph, entity, keys);
    }

    @Override
    public String loadMethod() {
        return GraphLoader.METHOD;
    }
}
