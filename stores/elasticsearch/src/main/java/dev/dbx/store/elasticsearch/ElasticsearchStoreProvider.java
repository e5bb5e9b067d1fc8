package dev.dbx.store.elasticsearch;

import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import dev.dbx.core.store.StoreProvider;
import java.util.List;

/**
 * The one store for Elasticsearch 7-9 and OpenSearch 1-3. Opening it asks the server who it is, so a wrong URI, a dead
 * server or bad credentials fail at once, within the store's timeout, with a one-line error.
 */
public final class ElasticsearchStoreProvider implements StoreProvider {
    static final String ID = "elasticsearch";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> aliases() {
        return List.of("opensearch", "es");
    }

    @Override
    public List<String> schemes() {
        return List.of(
                "elasticsearch",
                "elasticsearch+https",
                "opensearch",
                "opensearch+https",
                "es",
                "es+https",
                "http",
                "https");
    }

    @Override
    public String uriExample() {
        return Endpoint.EXAMPLE;
    }

    @Override
    public Store open(StoreConfig config) {
        Endpoint endpoint = Endpoint.parse(config.uri());
        EsClient client = new EsClient(
                RestClients.build(endpoint, config.timeout(), config.poolSize(RestClients.DEFAULT_CONNECTIONS)),
                endpoint,
                config.timeout());
        try {
            ElasticsearchStore store = new ElasticsearchStore(config, endpoint, client);
            store.identity();
            return store;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }
}
