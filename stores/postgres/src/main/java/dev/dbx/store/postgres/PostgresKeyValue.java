package dev.dbx.store.postgres;

import dev.dbx.core.capability.KeyValueSemantics;
import dev.dbx.store.jdbc.SqlConnections;
import dev.dbx.store.jdbc.SqlKeyValue;

/** The usertable in PostgreSQL: a primary-key B-tree on the key, each operation one autocommitted statement. */
final class PostgresKeyValue extends SqlKeyValue {
    PostgresKeyValue(SqlConnections sql) {
        super(sql);
    }

    /** Asks the server: {@code SHOW synchronous_commit} and {@code SHOW fsync}. */
    @Override
    public KeyValueSemantics semantics() {
        String synchronousCommit = sql.queryString("SHOW synchronous_commit");
        String fsync = sql.queryString("SHOW fsync");
        return new KeyValueSemantics(
                KeyValueSemantics.Update.ATOMIC,
                "synchronous_commit=" + synchronousCommit + ", fsync=" + fsync + ": "
                        + durability(synchronousCommit, fsync),
                true,
                "row locks: a second writer of a record waits for the first to commit, then writes; nothing is lost");
    }

    private static String durability(String synchronousCommit, String fsync) {
        if (!"on".equals(fsync)) {
            return "the WAL is never forced to disk: an OS crash or power loss can lose or corrupt committed writes";
        }
        return switch (synchronousCommit) {
            case "off" ->
                "a commit may return before its WAL is flushed: a crash can lose the latest commits (up to"
                        + " 3 x wal_writer_delay), never corrupt";
            case "local", "on", "remote_write", "remote_apply" -> "a commit returns once its WAL is flushed to disk";
            default -> "see PostgreSQL's documentation of synchronous_commit";
        };
    }
}
