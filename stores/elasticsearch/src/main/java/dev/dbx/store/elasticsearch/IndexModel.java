package dev.dbx.store.elasticsearch;

import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowSink;
import dev.dbx.core.dataset.YcsbSchema;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * dbx's datasets as Elasticsearch/OpenSearch indices: TPC-H as explicit strict mappings with denormalized order
 * documents (line items nested, customer facts embedded), YCSB's usertable as one index keyed by {@code _id}; see
 * {@link DatasetIndices}. Counting or scanning the usertable first makes the sessions' own writes visible to searches
 * ({@link Usertable#refreshIfWritten}).
 */
final class IndexModel implements DatasetModel {
    /** What {@link #load} does, for reports. */
    static final String LOAD_METHOD = "_bulk NDJSON bodies of up to " + BulkWriter.MAX_DOCS + " documents or "
            + (BulkWriter.MAX_BYTES >> 20) + " MB, two in flight while the next is built, refresh off until one"
            + " refresh at the end (orders built with their line items nested and their customers' facts looked up"
            + " by _mget; line items without their orders appended by scripted _bulk updates)";

    private final Endpoint endpoint;
    private final DatasetIndices datasets;
    private final KeyLookup keys;
    private final Usertable usertable;

    IndexModel(Endpoint endpoint, EsClient client, Usertable usertable) {
        this.endpoint = endpoint;
        this.datasets = new DatasetIndices(client);
        this.keys = new KeyLookup(client);
        this.usertable = usertable;
    }

    @Override
    public boolean isLoaded(Dataset dataset) {
        refreshUsertable(dataset);
        return datasets.isLoaded(dataset);
    }

    @Override
    public void create(Dataset dataset) {
        datasets.create(dataset, endpoint);
    }

    @Override
    public void drop(Dataset dataset) {
        datasets.drop(dataset);
        if (isYcsb(dataset)) {
            usertable.forget();
        }
    }

    @Override
    public void load(DatasetSource source) {
        datasets.load(source);
    }

    @Override
    public String loadMethod() {
        return LOAD_METHOD;
    }

    @Override
    public void index(Dataset dataset) {
        datasets.index(dataset);
    }

    @Override
    public long count(Dataset dataset, Entity entity) {
        refreshUsertable(dataset);
        return datasets.count(dataset, entity);
    }

    @Override
    public void scan(Dataset dataset, Entity entity, RowSink sink) {
        refreshUsertable(dataset);
        datasets.scan(dataset, entity, sink);
    }

    @Override
    public Set<List<Object>> existingKeys(Dataset dataset, Entity entity, Collection<List<Object>> keys) {
        return this.keys.existing(dataset, entity, keys);
    }

    private void refreshUsertable(Dataset dataset) {
        if (isYcsb(dataset)) {
            usertable.refreshIfWritten();
        }
    }

    private static boolean isYcsb(Dataset dataset) {
        return dataset.name().equals(YcsbSchema.DATASET.name());
    }
}
