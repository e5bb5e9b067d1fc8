package dev.dbx.store.elasticsearch;

import dev.dbx.store.testkit.ServerResourcesIT;

/** The node's CPU and heap from its own _nodes stats, sampled during a run against a real OpenSearch opened by URI. */
class ElasticsearchResourcesIT extends ServerResourcesIT {
    @Override
    protected String storeId() {
        return "elasticsearch";
    }

    @Override
    protected String engineName() {
        return "opensearch";
    }

    @Override
    protected String api() {
        return "_nodes/_local/stats";
    }
}
