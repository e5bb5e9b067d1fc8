package dev.dbx.store.elasticsearch;

import dev.dbx.store.testkit.SinkContractIT;

/** The sink contract against the local engine, OpenSearch. */
class ElasticsearchSinkIT extends SinkContractIT {
    @Override
    protected String storeId() {
        return "elasticsearch";
    }

    @Override
    protected String engineName() {
        return "opensearch";
    }
}
