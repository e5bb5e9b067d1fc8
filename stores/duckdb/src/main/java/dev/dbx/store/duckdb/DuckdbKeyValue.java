package dev.dbx.store.duckdb;

import dev.dbx.core.capability.KeyValueSemantics;
import dev.dbx.core.capability.KeyValueSession;
import dev.dbx.store.jdbc.SqlConnections;
import dev.dbx.store.jdbc.SqlKeyValue;
import java.sql.Connection;
import java.time.Duration;

/**
 * The usertable in DuckDB: an ART-indexed primary key, each operation one autocommitted statement, writes that lose a
 * write-write conflict run again by their session and counted ({@link DuckdbKeyValueSession}).
 */
final class DuckdbKeyValue extends SqlKeyValue {
    private final Duration timeout;

    DuckdbKeyValue(SqlConnections sql, Duration timeout) {
        super(sql);
        this.timeout = timeout;
    }

    @Override
    protected KeyValueSession newSession(Connection connection) {
        return new DuckdbKeyValueSession(sql.storeId(), connection, timeout);
    }

    /**
     * Asks the database for {@code fsync_mode} and {@code checkpoint_threshold}. What a commit does is DuckDB's code:
     * it appends the transaction to the {@code .wal} file next to the database and syncs it before COMMIT returns
     * ({@code WriteAheadLog::Flush}, reached from {@code SingleFileStorageCommitState::FlushCommit}); a checkpoint,
     * once the WAL passes the threshold (or at close), writes it into the database file.
     */
    @Override
    public KeyValueSemantics semantics() {
        String fsync = sql.queryString("SELECT current_setting('fsync_mode')");
        String threshold = sql.queryString("SELECT current_setting('checkpoint_threshold')");
        String commit = "NONE".equalsIgnoreCase(fsync)
                ? "each commit is appended to the .wal file but never fsynced: an OS crash or power loss can lose"
                        + " commits or corrupt the database"
                : "each commit is appended to the .wal file, which is fsynced before the commit returns";
        return new KeyValueSemantics(
                KeyValueSemantics.Update.ATOMIC,
                "fsync_mode=" + fsync + ", checkpoint_threshold=" + threshold + ": " + commit
                        + "; a checkpoint folds the WAL into the database file",
                true,
                "optimistic: a second writer of a record fails at once with a write-write conflict (no lock to wait"
                        + " on); dbx runs the write again, backing off, and counts it in conflictRetries()");
    }
}
