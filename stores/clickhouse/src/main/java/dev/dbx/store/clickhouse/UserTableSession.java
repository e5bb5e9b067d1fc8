package dev.dbx.store.clickhouse;

import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.client.api.query.QuerySettings;
import dev.dbx.core.DbxException;
import dev.dbx.core.capability.FieldSet;
import dev.dbx.core.capability.KeyValueSession;
import dev.dbx.core.dataset.YcsbSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One thread's way to the usertable ({@link UserTable}). ClickHouse 18.16 has no bound parameters over HTTP (query
 * parameters came in 19.x), so a statement cannot be prepared on the server: instead the session prepares each
 * statement's text up to the key once, per operation and per {@link FieldSet#mask()}, and a call appends only the
 * escaped key literal ({@code unhex('...')}, see {@link SqlLiteral}) and the format. Its request settings, its
 * TabSeparated reader and writer and their buffers are made once too. Requests go through the store's HTTP client,
 * whose pool holds up to {@code poolSize} connections: a session takes one per request, so N sessions on a pool of N
 * never wait for one. Nothing is formatted unless something fails.
 */
final class UserTableSession implements KeyValueSession {
    private static final int FIELDS = YcsbSchema.FIELD_COUNT;
    private static final String ORDER_AND_LIMIT = " ORDER BY " + UserTable.KEY + " LIMIT ";

    private final ClickHouseSql sql;
    private final VersionClock clock;
    private final QuerySettings readSettings;
    private final InsertSettings insertSettings;
    private final TsvReader reader = new TsvReader(8 * 1024);
    private final TsvWriter rowWriter = new TsvWriter(UserTable.ROW_COLUMNS.toArray(String[]::new), 4 * 1024);
    private final TsvWriter tombstoneWriter = new TsvWriter(UserTable.TOMBSTONE_COLUMNS.toArray(String[]::new), 1024);
    private final StringBuilder statement = new StringBuilder(512);

    /** {@code SELECT ycsb_deleted, <fields> ... WHERE ycsb_key = }, by field mask, made on first use. */
    private final String[] readPrefixes = new String[1 << FIELDS];
    /** {@code SELECT ycsb_key, ycsb_deleted, <fields> ... WHERE ycsb_key >= }, by field mask. */
    private final String[] scanFromPrefixes = new String[1 << FIELDS];
    /** The same with {@code >}: the next page after the last key of a page. */
    private final String[] scanAfterPrefixes = new String[1 << FIELDS];

    /** The row version an insert or update writes, and the tombstone a delete writes. */
    private final Object[] row = new Object[FIELDS + 3];

    private final Object[] tombstone = new Object[3];
    private final ClickHouseSql.RowSource writeRow = out -> out.row(row);
    private final ClickHouseSql.RowSource writeTombstone = out -> out.row(tombstone);

    /** What the last point read answered: its single row (null when none), and how many rows came. */
    private String[] answer;

    private int answers;
    private final ClickHouseSql.RowHandler keepAnswer = fields -> {
        answer = fields;
        answers++;
    };

    /** A scan's page, and the array handed to its sink. */
    private final List<String[]> page = new ArrayList<>();

    private final ClickHouseSql.RowHandler keepPage = page::add;
    private final String[] scanned = new String[FIELDS];

    UserTableSession(ClickHouseSql sql, VersionClock clock) {
        this.sql = sql;
        this.clock = clock;
        this.readSettings = sql.readSettings(null);
        this.insertSettings = sql.insertSettings();
        row[FIELDS + 2] = 0L;
        tombstone[2] = 1L;
    }

    @Override
    public void insert(String key, String[] values) {
        row[0] = key;
        for (int i = 0; i < FIELDS; i++) {
            row[1 + i] = field(values, i, "insert of ", key);
        }
        write("insert of ", key, UserTable.ROW_COLUMNS, rowWriter, writeRow);
    }

    @Override
    public boolean read(String key, FieldSet fields, String[] values) {
        String[] current = latest("read of ", key, fields);
        if (current == null) {
            return false;
        }
        for (int i = 0; i < fields.size(); i++) {
            values[fields.field(i)] = current[1 + i];
        }
        return true;
    }

    /** Reads the whole current version, then writes a whole new one with {@code fields} changed: not atomic. */
    @Override
    public boolean update(String key, FieldSet fields, String[] values) {
        String[] current = latest("update of ", key, FieldSet.all());
        if (current == null) {
            return false;
        }
        row[0] = key;
        for (int i = 0; i < FIELDS; i++) {
            row[1 + i] = fields.contains(i) ? field(values, i, "update of ", key) : current[1 + i];
        }
        write("update of ", key, UserTable.ROW_COLUMNS, rowWriter, writeRow);
        return true;
    }

    @Override
    public boolean delete(String key) {
        if (latest("delete of ", key, FieldSet.of(0)) == null) {
            return false;
        }
        tombstone[0] = key;
        write("delete of ", key, UserTable.TOMBSTONE_COLUMNS, tombstoneWriter, writeTombstone);
        return true;
    }

    /**
     * Up to {@code count} live records from {@code startKey} on, in key order. Tombstones take places in a page, so
     * pages are fetched until {@code count} live records are found or the table ends.
     */
    @Override
    public int scan(String startKey, int count, FieldSet fields, RecordSink sink) {
        int mask = fields.mask();
        int width = fields.size() + 2;
        Arrays.fill(scanned, null); // fields not asked for are null, not a previous scan's
        int n = 0;
        String from = startKey;
        boolean inclusive = true;
        while (n < count) {
            int wanted = count - n;
            statement.setLength(0);
            statement.append(scanPrefix(inclusive, mask));
            SqlLiteral.append(statement, from)
                    .append(ORDER_AND_LIMIT)
                    .append(wanted)
                    .append(ClickHouseSql.FORMAT);
            page.clear();
            sql.read("scan from ", startKey, statement.toString(), readSettings, reader, width, keepPage);
            for (String[] record : page) {
                if (!RowVersions.isDeleted(record[1])) {
                    for (int i = 0; i < fields.size(); i++) {
                        scanned[fields.field(i)] = record[2 + i];
                    }
                    sink.accept(record[0], scanned);
                    n++;
                }
            }
            if (page.size() < wanted) {
                break;
            }
            from = page.get(page.size() - 1)[0];
            inclusive = false;
        }
        page.clear();
        return n;
    }

    @Override
    public void close() {
        // the connections are the client's pool's: nothing of the session's own to give back
    }

    /** The newest version's deleted flag and {@code fields}, unless there is none or it is a tombstone. */
    private String[] latest(String doing, String key, FieldSet fields) {
        int mask = fields.mask();
        statement.setLength(0);
        statement.append(readPrefix(mask));
        SqlLiteral.append(statement, key).append(ClickHouseSql.FORMAT);
        answer = null;
        answers = 0;
        sql.read(doing, key, statement.toString(), readSettings, reader, fields.size() + 1, keepAnswer);
        if (answers > 1) {
            throw new DbxException("clickhouse: " + doing + key + " found " + answers + " current versions");
        }
        String[] found = answer;
        answer = null;
        return found == null || RowVersions.isDeleted(found[0]) ? null : found;
    }

    /** Appends a new version (or a tombstone) stamped with the next version of the clock. */
    private void write(
            String doing, String key, List<String> columns, TsvWriter writer, ClickHouseSql.RowSource source) {
        Long version = clock.next();
        row[FIELDS + 1] = version;
        tombstone[1] = version;
        sql.insert(doing, key, UserTable.TABLE, columns, insertSettings, writer, source);
    }

    private static String field(String[] values, int i, String doing, String key) {
        String value = values[i];
        if (value == null) {
            throw new DbxException(
                    "clickhouse: " + doing + key + ": usertable field" + i + " has no value",
                    "the usertable's columns are not Nullable");
        }
        return value;
    }

    private String readPrefix(int mask) {
        String prefix = readPrefixes[mask];
        if (prefix == null) {
            prefix = "SELECT " + UserTable.DELETED + UserTable.columns(FieldSet.of(mask)) + " FROM " + UserTable.TABLE
                    + " FINAL WHERE " + UserTable.KEY + " = ";
            readPrefixes[mask] = prefix;
        }
        return prefix;
    }

    private String scanPrefix(boolean inclusive, int mask) {
        String[] prefixes = inclusive ? scanFromPrefixes : scanAfterPrefixes;
        String prefix = prefixes[mask];
        if (prefix == null) {
            prefix = "SELECT " + UserTable.KEY + ", " + UserTable.DELETED + UserTable.columns(FieldSet.of(mask))
                    + " FROM " + UserTable.TABLE + " FINAL WHERE " + UserTable.KEY + (inclusive ? " >= " : " > ");
            prefixes[mask] = prefix;
        }
        return prefix;
    }
}
