package dev.dbx.store.clickhouse;

import dev.dbx.core.capability.FieldSet;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.KeyValueSemantics;
import dev.dbx.core.capability.KeyValueSession;
import dev.dbx.core.dataset.RowSink;
import dev.dbx.core.dataset.YcsbSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * YCSB's usertable as a ReplacingMergeTree (see schema/ycsb.sql): a write appends a whole new version of the row, a
 * delete appends a tombstone, and reads take the newest version with FINAL (merged at read time, so a write is seen
 * at once, before any background merge). Only the sorting key is ever filtered on next to FINAL: a filter on another
 * column could drop the newest version and let an older one through; tombstones are skipped here, after FINAL.
 * Sessions ({@link UserTableSession}) share the store's HTTP client and its pool of connections.
 *
 * <p>Update and delete read the current version first (ClickHouse cannot change part of a row), so they are not
 * atomic: a concurrent delete between the read and the write of an update of the same key is overwritten.
 */
final class UserTable implements KeyValue {
    static final String TABLE = YcsbSchema.TABLE;
    static final String KEY = YcsbSchema.KEY;
    static final String VERSION = "ycsb_version";
    static final String DELETED = "ycsb_deleted";

    /** The columns of a whole row version: the key, every field, the version and the tombstone flag. */
    static final List<String> ROW_COLUMNS = rowColumns();

    /** The columns of a tombstone (the fields take their defaults). */
    static final List<String> TOMBSTONE_COLUMNS = List.of(KEY, VERSION, DELETED);

    private final ClickHouseSql sql;
    private final VersionClock clock = new VersionClock();

    UserTable(ClickHouseSql sql) {
        this.sql = sql;
    }

    @Override
    public KeyValueSession openSession() {
        return new UserTableSession(sql, clock);
    }

    @Override
    public KeyValueSemantics semantics() {
        return new KeyValueSemantics(
                KeyValueSemantics.Update.READ_THEN_WRITE,
                ClickHouseDurability.ask(sql),
                true,
                "last version wins at merge / FINAL: each write appends a whole row version stamped with the writer's"
                        + " microsecond clock, and the highest version is the row; an update reads the current version"
                        + " and writes a new one, so a write of another session in between (a delete too) is"
                        + " overwritten");
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
                "SELECT " + KEY + columns(FieldSet.all()) + ", " + DELETED + " FROM " + TABLE + " FINAL",
                width + 1,
                row -> {
                    if (!RowVersions.isDeleted(row[width])) {
                        Object[] out = new Object[width];
                        System.arraycopy(row, 0, out, 0, width);
                        sink.accept(out);
                    }
                });
    }

    /** {@code ", field0, field3"}: the columns of {@code fields}, each after a comma. */
    static String columns(FieldSet fields) {
        StringBuilder out = new StringBuilder();
        for (String name : fields.names()) {
            out.append(", ").append(name);
        }
        return out.toString();
    }

    private static List<String> rowColumns() {
        List<String> columns = new ArrayList<>();
        columns.add(KEY);
        columns.addAll(YcsbSchema.FIELDS);
        columns.add(VERSION);
        columns.add(DELETED);
        return List.copyOf(columns);
    }
}
