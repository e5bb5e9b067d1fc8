package dev.dbx.store.duckdb;

import dev.dbx.core.dataset.Entity;
import dev.dbx.store.jdbc.SqlConnections;
import dev.dbx.store.jdbc.SqlDatasetModel;
import dev.dbx.store.jdbc.SqlSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * DuckDB's sink. Its TPC-H tables have no key (see the schema: an ART index would slow the load and every write, and
 * no query uses it), so there is no {@code ON CONFLICT} to upsert with: the rows of every changed key are deleted, then
 * the upserted rows inserted, in one transaction per batch. Without an index a {@code DELETE ... WHERE key = ?} is a
 * scan of the key columns, so the keys go {@value #KEYS_PER_DELETE} at a time into one {@code DELETE ... USING
 * (VALUES ...)}: a hash join, one scan per {@value #KEYS_PER_DELETE} keys.
 */
final class DuckdbSink extends SqlSink {
    private static final int KEYS_PER_DELETE = 1_000;

    DuckdbSink(SqlConnections sql, SqlDatasetModel model) {
        super(sql, model, Writes.DELETE_THEN_INSERT);
    }

    @Override
    public String method() {
        return "DELETE ... USING (VALUES keys) of every changed key (" + KEYS_PER_DELETE
                + " keys a statement), then INSERT in JDBC batches; the last change of each key, one transaction per"
                + " batch";
    }

    @Override
    protected void deleteKeys(Connection c, Entity table, List<List<Object>> keys) throws SQLException {
        PreparedStatement full = null;
        try {
            for (int from = 0; from < keys.size(); from += KEYS_PER_DELETE) {
                List<List<Object>> some = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_DELETE));
                boolean isFull = some.size() == KEYS_PER_DELETE;
                if (isFull && full == null) {
                    full = c.prepareStatement(deleteSql(table, KEYS_PER_DELETE));
                }
                PreparedStatement ps = isFull ? full : c.prepareStatement(deleteSql(table, some.size()));
                try {
                    int p = 1;
                    for (List<Object> key : some) {
                        for (int j = 0; j < key.size(); j++) {
                            bindKey(ps, p++, table.column(table.primaryKey().get(j)), key.get(j));
                        }
                    }
                    ps.executeUpdate();
                } finally {
                    if (!isFull) {
                        ps.close();
                    }
                }
            }
        } finally {
            if (full != null) {
                full.close();
            }
        }
    }

    /** {@code DELETE FROM t USING (VALUES (?, ?), ...) AS k (k1, k2) WHERE t.k1 = k.k1 AND t.k2 = k.k2}. */
    static String deleteSql(Entity table, int keys) {
        List<String> key = table.primaryKey();
        String one = key.stream().map(k -> "?").collect(Collectors.joining(", ", "(", ")"));
        String on = key.stream().map(k -> table.name() + "." + k + " = k." + k).collect(Collectors.joining(" AND "));
        return "DELETE FROM " + table.name() + " USING (VALUES " + String.join(", ", Collections.nCopies(keys, one))
                + ") AS k (" + String.join(", ", key) + ") WHERE " + on;
    }
}
