package dev.dbx.store.clickhouse;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.KeyValue.Record;
import dev.dbx.core.dataset.RowSink;
import dev.dbx.core.dataset.YcsbSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * YCSB's operations on a ReplacingMergeTree (see schema/ycsb.sql): a write appends a whole new version of the row, a
 * delete appends a tombstone, and reads take the newest version with FINAL (merged at read time, so a write is seen
 * at once, before any background merge). Only the sorting key is ever filtered on next to FINAL: a filter on another
 * column could drop the newest version and let an older one through; tombstones are skipped here, after FINAL.
 *
 * <p>Update and delete read the current version first (ClickHouse cannot change part of a row), so they are not
 * atomic: a concurrent delete between the read and the write of an update of the same key is overwritten.
 */
final class UserTable implements KeyValue {
    static final String TABLE = YcsbSchema.TABLE;
    private static final String KEY = YcsbSchema.KEY;
    private static final String VERSION = "ycsb_version";
    private static final String DELETED = "ycsb_deleted";

    private final ClickHouseSql sql;
    private final VersionClock clock = new VersionClock();

    UserTable(ClickHouseSql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(String key, Map<String, String> fields) {
        write("insert of " + key, key, fields, false);
    }

    @Override
    public Optional<Map<String, String>> read(String key, Set<String> fields) {
        List<String> names = fields.isEmpty() ? YcsbSchema.FIELDS : fieldNames(fields);
        return latest("read of " + key, key, names);
    }

    @Override
    public boolean update(String key, Map<String, String> fields) {
        List<String> names = fieldNames(fields.keySet());
        Optional<Map<String, String>> current = latest("update of " + key, key, YcsbSchema.FIELDS);
        if (current.isEmpty()) {
            return false;
        }
        Map<String, String> next = current.get();
        for (String name : names) {
            next.put(name, fields.get(name));
        }
        write("update of " + key, key, next, false);
        return true;
    }

    @Override
    public boolean delete(String key) {
        if (latest("delete of " + key, key, List.of()).isEmpty()) {
            return false;
        }
        write("delete of " + key, key, Map.of(), true);
        return true;
    }

    /**
     * Up to {@code count} live records from {@code startKey} on, in key order. Tombstones take places in a page, so
     * pages are fetched until {@code count} live records are found or the table ends.
     */
    @Override
    public List<Record> scan(String startKey, int count, Set<String> fields) {
        List<String> names = fields.isEmpty() ? YcsbSchema.FIELDS : fieldNames(fields);
        List<Record> records = new ArrayList<>();
        String from = startKey;
        boolean inclusive = true;
        while (records.size() < count) {
            int page = count - records.size();
            List<String[]> rows = sql.rows(
                    "scan from " + startKey,
                    "SELECT " + KEY + ", " + DELETED + prefixed(names) + " FROM " + TABLE + " FINAL WHERE " + KEY
                            + (inclusive ? " >= " : " > ") + SqlLiteral.string(from) + " ORDER BY " + KEY + " LIMIT "
                            + SqlLiteral.integer(page),
                    names.size() + 2);
            for (String[] row : rows) {
                if (!isDeleted(row[1])) {
                    records.add(new Record(row[0], fields(row, names, 2)));
                }
            }
            if (rows.size() < page) {
                break;
            }
            from = rows.get(rows.size() - 1)[0];
            inclusive = false;
        }
        return records;
    }

    /** Live records, for {@code DatasetModel.count}; FINAL merges every version first, so it may take a while. */
    long count(Duration limit) {
        return Long.parseLong(sql.slowValue(
                "counting " + TABLE, "SELECT countIf(" + DELETED + " = 0) FROM " + TABLE + " FINAL", limit));
    }

    /** Every live record as a canonical usertable row (key, then the fields), streamed. */
    void scanAll(RowSink sink) {
        int width = 1 + YcsbSchema.FIELDS.size();
        sql.stream(
                "scanning " + TABLE,
                "SELECT " + KEY + prefixed(YcsbSchema.FIELDS) + ", " + DELETED + " FROM " + TABLE + " FINAL",
                width + 1,
                row -> {
                    if (!isDeleted(row[width])) {
                        Object[] out = new Object[width];
                        System.arraycopy(row, 0, out, 0, width);
                        sink.accept(out);
                    }
                });
    }

    /** The newest version's {@code names} fields, unless there is none or it is a tombstone. */
    private Optional<Map<String, String>> latest(String doing, String key, List<String> names) {
        List<String[]> rows = sql.rows(
                doing,
                "SELECT " + DELETED + prefixed(names) + " FROM " + TABLE + " FINAL WHERE " + KEY + " = "
                        + SqlLiteral.string(key),
                names.size() + 1);
        if (rows.isEmpty() || isDeleted(rows.get(0)[0])) {
            return Optional.empty();
        }
        if (rows.size() > 1) {
            throw new DbxException("clickhouse: " + doing + " found " + rows.size() + " current versions");
        }
        return Optional.of(fields(rows.get(0), names, 1));
    }

    /** Appends a new version of the row: its given fields (the others empty), or a tombstone. */
    private void write(String doing, String key, Map<String, String> fields, boolean tombstone) {
        List<String> names = fieldNames(fields.keySet());
        List<String> columns = new ArrayList<>();
        columns.add(KEY);
        columns.addAll(names);
        columns.add(VERSION);
        columns.add(DELETED);
        Object[] row = new Object[columns.size()];
        row[0] = key;
        for (int i = 0; i < names.size(); i++) {
            row[i + 1] = fields.get(names.get(i));
        }
        row[names.size() + 1] = Long.toUnsignedString(clock.next());
        row[names.size() + 2] = tombstone ? "1" : "0";
        sql.insert(doing, TABLE, columns, out -> out.row(row));
    }

    private static boolean isDeleted(String flag) {
        return !"0".equals(flag);
    }

    private static String prefixed(List<String> names) {
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            out.append(", ").append(name);
        }
        return out.toString();
    }

    private static Map<String, String> fields(String[] row, List<String> names, int first) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), row[first + i]);
        }
        return out;
    }

    /** The requested fields in schema order, each checked against the usertable's columns. */
    private static List<String> fieldNames(Set<String> requested) {
        for (String f : requested) {
            if (!YcsbSchema.FIELDS.contains(f)) {
                throw new DbxException("usertable has no field '" + f + "'", "fields are field0 to field9");
            }
        }
        return YcsbSchema.FIELDS.stream().filter(requested::contains).toList();
    }
}
