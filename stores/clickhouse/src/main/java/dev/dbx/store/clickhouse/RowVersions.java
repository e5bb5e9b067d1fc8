package dev.dbx.store.clickhouse;

/**
 * The sync metadata of a table of row versions (a ReplacingMergeTree sorted by the entity's key): which column holds a
 * row's version and which its deleted flag. TPC-H's tables use {@value #VERSION} and {@value #DELETED}
 * (schema/tpch.sql); the usertable keeps its own names (schema/ycsb.sql). Neither is part of a canonical row, so
 * checksums compare across stores.
 */
final class RowVersions {
    static final String VERSION = "_version";
    static final String DELETED = "_deleted";

    private RowVersions() {}

    /** The version column of {@code table}. */
    static String version(String table) {
        return table.equals(UserTable.TABLE) ? UserTable.VERSION : VERSION;
    }

    /** The deleted flag of {@code table}: 1 in a tombstone. */
    static String deleted(String table) {
        return table.equals(UserTable.TABLE) ? UserTable.DELETED : DELETED;
    }

    /** Whether a deleted flag as read back ("0" or "1") marks a tombstone. */
    static boolean isDeleted(String flag) {
        return !"0".equals(flag);
    }
}
