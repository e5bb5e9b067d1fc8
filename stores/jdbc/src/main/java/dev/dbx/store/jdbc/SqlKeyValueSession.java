package dev.dbx.store.jdbc;

import dev.dbx.core.capability.FieldSet;
import dev.dbx.core.capability.KeyValueSession;
import dev.dbx.core.dataset.YcsbSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * One thread's way to a SQL usertable: one connection, pinned for the session's life, in autocommit (every operation
 * is one statement, committed on its own). Each statement is prepared the first time its operation is asked for with
 * its choice of fields ({@link FieldSet#mask()}) and kept: the hot path binds and executes, and builds no text. A
 * statement a failure closed (DuckDB closes a statement whose execution failed) is prepared again on next use.
 */
public class SqlKeyValueSession implements KeyValueSession {
    private static final int CHOICES = 1 << YcsbSchema.FIELD_COUNT;

    private final String storeId;
    private final Connection connection;

    private PreparedStatement insert;
    private PreparedStatement delete;
    private final PreparedStatement[] reads = new PreparedStatement[CHOICES];
    private final PreparedStatement[] updates = new PreparedStatement[CHOICES];
    private final PreparedStatement[] scans = new PreparedStatement[CHOICES];

    /** What a scan hands its sink; cleared when the choice of fields changes, so no field of another choice shows. */
    private final String[] scanned = new String[YcsbSchema.FIELD_COUNT];

    private int scannedMask = -1;
    private boolean closed;

    /** A session over {@code connection}, which must be in autocommit; the session closes it. */
    public SqlKeyValueSession(String storeId, Connection connection) {
        this.storeId = storeId;
        this.connection = connection;
    }

    @Override
    public void insert(String key, String[] values) {
        try {
            if (insert == null) {
                insert = connection.prepareStatement(UsertableSql.insert());
            }
            PreparedStatement ps = insert;
            ps.setString(1, key);
            for (int i = 0; i < YcsbSchema.FIELD_COUNT; i++) {
                ps.setString(i + 2, values[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            insert = openOrNull(insert);
            throw SqlErrors.of(storeId, "insert of " + key, e);
        }
    }

    @Override
    public boolean read(String key, FieldSet fields, String[] values) {
        int mask = fields.mask();
        try {
            PreparedStatement ps = reads[mask];
            if (ps == null) {
                ps = reads[mask] = connection.prepareStatement(UsertableSql.read(fields));
            }
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                for (int i = 0, n = fields.size(); i < n; i++) {
                    values[fields.field(i)] = rs.getString(i + 1);
                }
                return true;
            }
        } catch (SQLException e) {
            reads[mask] = openOrNull(reads[mask]);
            throw SqlErrors.of(storeId, "read of " + key, e);
        }
    }

    @Override
    public boolean update(String key, FieldSet fields, String[] values) {
        if (fields.isEmpty()) {
            return read(key, fields, values); // nothing to write: whether the record exists
        }
        int mask = fields.mask();
        try {
            PreparedStatement ps = updates[mask];
            if (ps == null) {
                ps = updates[mask] = connection.prepareStatement(UsertableSql.update(fields));
            }
            int n = fields.size();
            for (int i = 0; i < n; i++) {
                ps.setString(i + 1, values[fields.field(i)]);
            }
            ps.setString(n + 1, key);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            updates[mask] = openOrNull(updates[mask]);
            throw SqlErrors.of(storeId, "update of " + key, e);
        }
    }

    @Override
    public boolean delete(String key) {
        try {
            if (delete == null) {
                delete = connection.prepareStatement(UsertableSql.delete());
            }
            PreparedStatement ps = delete;
            ps.setString(1, key);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            delete = openOrNull(delete);
            throw SqlErrors.of(storeId, "delete of " + key, e);
        }
    }

    @Override
    public int scan(String startKey, int count, FieldSet fields, RecordSink sink) {
        int mask = fields.mask();
        try {
            PreparedStatement ps = scans[mask];
            if (ps == null) {
                ps = scans[mask] = connection.prepareStatement(UsertableSql.scan(fields));
            }
            if (scannedMask != mask) {
                Arrays.fill(scanned, null);
                scannedMask = mask;
            }
            ps.setString(1, startKey);
            ps.setInt(2, count);
            int handed = 0;
            int n = fields.size();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    for (int i = 0; i < n; i++) {
                        scanned[fields.field(i)] = rs.getString(i + 2);
                    }
                    sink.accept(key, scanned);
                    handed++;
                }
            }
            return handed;
        } catch (SQLException e) {
            scans[mask] = openOrNull(scans[mask]);
            throw SqlErrors.of(storeId, "scan from " + startKey, e);
        }
    }

    /** Closes every statement, then gives the connection back. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(insert);
        closeQuietly(delete);
        for (int mask = 0; mask < CHOICES; mask++) {
            closeQuietly(reads[mask]);
            closeQuietly(updates[mask]);
            closeQuietly(scans[mask]);
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw SqlErrors.of(storeId, "closing a key-value session", e);
        }
    }

    /** {@code ps} if it survived a failure, else null so that it is prepared again. */
    private static PreparedStatement openOrNull(PreparedStatement ps) {
        try {
            return ps == null || ps.isClosed() ? null : ps;
        } catch (SQLException e) {
            return null;
        }
    }

    private static void closeQuietly(PreparedStatement ps) {
        if (ps != null) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // the connection's close releases it anyway
            }
        }
    }
}
