package dev.dbx.store.postgres;

import dev.dbx.engine.Ports;
import dev.dbx.store.testkit.StoreContractIT;
import java.net.URI;

/** The store contract against a real PostgreSQL 17 server started from engines/postgres. */
class PostgresContractIT extends StoreContractIT {
    @Override
    protected String storeId() {
        return "postgres";
    }

    @Override
    protected String expectedProduct() {
        return "PostgreSQL";
    }

    @Override
    protected URI deadUri() {
        return URI.create("postgresql://dbx:secret@127.0.0.1:" + Ports.freeRange(1) + "/dbx");
    }
}
