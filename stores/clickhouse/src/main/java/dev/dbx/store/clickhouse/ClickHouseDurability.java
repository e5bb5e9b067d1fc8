package dev.dbx.store.clickhouse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When an answered INSERT is on disk, as the server's settings say: MergeTree's {@code fsync_after_insert} and
 * {@code fsync_part_directory} ({@code system.merge_tree_settings}, on servers that have them) and
 * {@code fsync_metadata} ({@code system.settings}). ClickHouse 18.16 has neither MergeTree setting: its parts are
 * always written without fsync, which is also the default of the servers that have them.
 */
final class ClickHouseDurability {
    private ClickHouseDurability() {}

    static String ask(ClickHouseSql sql) {
        Map<String, String> mergeTree =
                settings(sql, "system.merge_tree_settings", "'fsync_after_insert', 'fsync_part_directory'");
        Map<String, String> server = settings(sql, "system.settings", "'fsync_metadata'");
        return describe(mergeTree, server);
    }

    /** The settings found and what they mean for an INSERT that was answered. */
    static String describe(Map<String, String> mergeTree, Map<String, String> server) {
        String metadata = server.containsKey("fsync_metadata")
                ? "; fsync_metadata=" + server.get("fsync_metadata") + " (table metadata files"
                        + ("0".equals(server.get("fsync_metadata")) ? " are not fsynced)" : " are fsynced)")
                : "";
        String afterInsert = mergeTree.get("fsync_after_insert");
        if (afterInsert == null) {
            return "no fsync_after_insert setting on this server: the default of its version, parts written without"
                    + " fsync (an answered INSERT survives a crash of the server, not of the machine)" + metadata;
        }
        String settings = "fsync_after_insert=" + afterInsert + ", fsync_part_directory="
                + mergeTree.getOrDefault("fsync_part_directory", "?");
        String meaning = "0".equals(afterInsert)
                ? " (parts written without fsync: an answered INSERT survives a crash of the server, not of the"
                        + " machine)"
                : " (each INSERT's part is fsynced before the INSERT is answered)";
        return settings + meaning + metadata;
    }

    /** The values of the settings named in {@code quotedNames} that {@code table} has. */
    private static Map<String, String> settings(ClickHouseSql sql, String table, String quotedNames) {
        Map<String, String> values = new LinkedHashMap<>();
        sql.query(
                "reading the durability settings",
                "SELECT name, value FROM " + table + " WHERE name IN (" + quotedNames + ")",
                2,
                row -> values.put(row[0], row[1]));
        return values;
    }
}
