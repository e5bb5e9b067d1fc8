package dev.dbx.store.elasticsearch;

import dev.dbx.core.capability.Analytics;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.Explain;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.ServerResources;
import dev.dbx.core.capability.Sink;
import dev.dbx.core.capability.TextSearch;
import dev.dbx.core.dataset.YcsbSchema;
import dev.dbx.core.store.Capabilities;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;

/**
 * Elasticsearch 7-9 and OpenSearch 1-3 through the low-level REST client with JSON bodies (the APIs used here are the
 * same on all of them). It hands out the {@link IndexModel} of dbx's datasets and the YCSB {@link Usertable}; both
 * share the one pooled, thread-safe REST client. The node's own CPU and heap ({@link NodeResources}) are read through
 * a client of their own.
 */
final class ElasticsearchStore implements Store {
    private final StoreConfig config;
    private final Endpoint endpoint;
    private final EsClient client;
    private final NodeResources resources;
    private final Capabilities capabilities;

    ElasticsearchStore(StoreConfig config, Endpoint endpoint, EsClient client) {
        this.config = config;
        this.endpoint = endpoint;
        this.client = client;
        Usertable usertable = new Usertable(client, IndexLayout.index(YcsbSchema.DATASET, YcsbSchema.USERTABLE));
        this.resources = new NodeResources(endpoint, config.timeout());
        this.capabilities = Capabilities.builder()
                .add(DatasetModel.class, new IndexModel(endpoint, client, usertable))
                .add(KeyValue.class, usertable)
                .add(ServerResources.class, resources)
                .add(Analytics.class, new SearchAnalytics(client))
                .add(TextSearch.class, new SearchIndex(client))
                .add(Explain.class, new ElasticsearchExplain(client))
                .add(Sink.class, new SearchSink(client))
                .build();
    }

    @Override
    public StoreConfig config() {
        return config;
    }

    @Override
    public ServerIdentity identity() {
        return Distribution.identify(endpoint, client.call(EsRequest.get("/"), "asking who the server is"));
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public void close() {
        try {
            resources.close();
        } finally {
            client.close();
        }
    }
}
