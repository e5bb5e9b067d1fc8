package dev.dbx.store.sqlite;

import dev.dbx.core.capability.KeyValueSemantics;
import dev.dbx.store.jdbc.SqlConnections;
import dev.dbx.store.jdbc.SqlKeyValue;

/** The usertable in SQLite: a WITHOUT ROWID table clustered by key, each operation one autocommitted statement. */
final class SqliteKeyValue extends SqlKeyValue {
    SqliteKeyValue(SqlConnections sql) {
        super(sql);
    }

    /** Asks the database: {@code PRAGMA journal_mode}, {@code PRAGMA synchronous} and {@code PRAGMA busy_timeout}. */
    @Override
    public KeyValueSemantics semantics() {
        String journal = sql.queryString("PRAGMA journal_mode");
        String synchronous = synchronousName(sql.queryString("PRAGMA synchronous"));
        String busyTimeout = sql.queryString("PRAGMA busy_timeout");
        return new KeyValueSemantics(
                KeyValueSemantics.Update.ATOMIC,
                "journal_mode=" + journal + ", synchronous=" + synchronous + ": " + durability(journal, synchronous),
                true,
                "one writer at a time (a database-wide write lock): another writer waits up to busy_timeout="
                        + busyTimeout + " ms, then fails with SQLITE_BUSY");
    }

    /** PRAGMA synchronous answers with a number. */
    private static String synchronousName(String level) {
        return switch (level) {
            case "0" -> "OFF";
            case "1" -> "NORMAL";
            case "2" -> "FULL";
            case "3" -> "EXTRA";
            default -> level;
        };
    }

    private static String durability(String journal, String synchronous) {
        boolean wal = "wal".equalsIgnoreCase(journal);
        return switch (synchronous) {
            case "OFF" -> "never fsynced: an OS crash or power loss can lose or corrupt committed writes";
            case "NORMAL" ->
                wal
                        ? "a commit is written to the WAL file, fsynced only at checkpoints: it survives a crash of dbx,"
                                + " an OS crash or power loss can lose the latest commits"
                        : "fsynced at critical moments: an OS crash or power loss can, rarely, corrupt the database";
            case "FULL", "EXTRA" -> "fsynced at every commit";
            default -> "see SQLite's documentation of PRAGMA synchronous";
        };
    }
}
