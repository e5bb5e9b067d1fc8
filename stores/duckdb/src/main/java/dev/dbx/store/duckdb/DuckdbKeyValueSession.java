package dev.dbx.store.duckdb;

import dev.dbx.core.capability.FieldSet;
import dev.dbx.store.jdbc.SqlKeyValueSession;
import java.sql.Connection;
import java.time.Duration;

/**
 * A usertable session whose writes run again when they lose a write-write conflict (DuckDB's concurrency control is
 * optimistic), each run again counted in {@link #conflictRetries()}. DuckDB closes a statement whose execution failed,
 * so a write that conflicted prepares its statement again for the retry.
 */
final class DuckdbKeyValueSession extends SqlKeyValueSession {
    private final ConflictRetry conflicts;

    DuckdbKeyValueSession(String storeId, Connection connection, Duration timeout) {
        super(storeId, connection);
        this.conflicts = new ConflictRetry(timeout);
    }

    @Override
    public void insert(String key, String[] values) {
        conflicts.run(() -> {
            super.insert(key, values);
            return null;
        });
    }

    @Override
    public boolean update(String key, FieldSet fields, String[] values) {
        return conflicts.run(() -> super.update(key, fields, values));
    }

    @Override
    public boolean delete(String key) {
        return conflicts.run(() -> super.delete(key));
    }

    @Override
    public long conflictRetries() {
        return conflicts.retries();
    }
}
