package dev.dbx.store.postgres;

import dev.dbx.store.testkit.SinkContractIT;

/** The sink contract against a real PostgreSQL 17 (the local engine), as the target of a sync. */
class PostgresSinkIT extends SinkContractIT {
    @Override
    protected String storeId() {
        return "postgres";
    }
}
