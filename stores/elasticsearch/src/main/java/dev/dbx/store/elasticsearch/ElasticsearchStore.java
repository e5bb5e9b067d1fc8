package dev.dbx.store.elasticsearch;

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

/**
 * Elasticsearch 7-9 and OpenSearch 1-3 through the low-level REST client with JSON bodies (the APIs used here are the
 * same on all of them). TPC-H as explicit strict mappings with denormalized order documents (line items nested,
 * customer facts embedded), YCSB's usertable as one index keyed by {@code _id}; see {@link DatasetIndices} and
 * {@link Usertable}.
 */
final class ElasticsearchStore implements Store, DatasetModel, ForwardingKeyValue {
    private final Endpoint endpoint;
    private final EsClient client;
    private final DatasetIndices datasets;
    private final Usertable usertable;

    ElasticsearchStore(Endpoint endpoint, EsClient client) {
        this.endpoint = endpoint;
        this.client = client;
        this.datasets = new DatasetIndices(client);
        this.usertable = new Usertable(client, IndexLayout.index(YcsbSchema.DATASET, YcsbSchema.USERTABLE));
    }

    @Override
    public String id() {
        return ElasticsearchStoreProvider.ID;
    }

    @Override
    public URI uri() {
        return endpoint.uri();
    }

    @Override
    public ServerIdentity identity() {
        return Distribution.identify(endpoint, client.call(EsRequest.get("/"), "asking who the server is"));
    }

    // ---- DatasetModel ----------------------------------------------------------------------------------------

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
        if (dataset.name().equals(YcsbSchema.DATASET.name())) {
            usertable.forget();
        }
    }

    @Override
    public void load(DatasetSource source) {
        datasets.load(source);
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

    private void refreshUsertable(Dataset dataset) {
        if (dataset.name().equals(YcsbSchema.DATASET.name())) {
            usertable.refreshIfWritten();
        }
    }

    // ---- KeyValue --------------------------------------------------------------------------------------------

    @Override
    public KeyValue keyValue() {
        return usertable;
    }

    @Override
    public void close() {
        client.close();
    }
}
