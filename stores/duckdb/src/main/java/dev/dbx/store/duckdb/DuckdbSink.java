package dev.dbx.store.duckdb;

import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.Entity;
import dev.dbx.store.jdbc.SqlConnections;
import dev.dbx.store.jdbc.SqlDatasetModel;
import dev.dbx.store.jdbc.SqlSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * DuckDB's sink. Its TPC-H tables have no key (see the schema: an ART index would slow the load and every write, and
 * no query uses it), so there is no {@code ON CONFLICT} to upsert with: the rows of every changed key are deleted, then
 * the upserted rows inserted, in one transaction per batch. DuckDB's JDBC batches run their statements one by one, and
 * without an index a {@code DELETE ... WHERE key = ?} scans the key columns; so statements carry many rows: the keys go
 * {@value #KEYS_PER_DELETE} at a time into one {@code DELETE ... USING (VALUES ...)} (a hash join, one scan), the rows
 * {@value #ROWS_PER_INSERT} at a time into one {@code INSERT ... VALUES (...), (...)}. A statement for a full chunk is
 * prepared once per table and batch, and one more for the last, shorter chunk.
 */
final class DuckdbSink extends SqlSink {
    private static final int KEYS_PER_DELETE = 1_000;
    private static final int ROWS_PER_INSERT = 100;

    DuckdbSink(SqlConnections sql, SqlDatasetModel model) {
        super(sql, model, Writes.DELETE_THEN_INSERT);
    }

    @Override
    public String method() {
        return "DELETE ... USING (VALUES keys) of every changed key (" + KEYS_PER_DELETE + " keys a statement), then"
                + " multi-row INSERTs (" + ROWS_PER_INSERT + " rows a statement); the last change of each key, one"
                + " transaction per batch";
    }

    @Override
    protected void deleteKeys(Connection c, Entity table, List<List<Object>> keys) throws SQLException {
        List<Column> key = table.primaryKey().stream().map(table::column).toList();
        inChunks(c, keys, KEYS_PER_DELETE, n -> deleteSql(table, n), key);
    }

    @Override
    protected void writeRows(Connection c, Entity table, List<Object[]> rows) throws SQLException {
        inChunks(c, rows.stream().map(List::of).toList(), ROWS_PER_INSERT, n -> insertSql(table, n), table.columns());
    }

    /** Runs {@code sql(n)} once per chunk of {@code per} tuples, each tuple's values bound as {@code columns}. */
    private void inChunks(
            Connection c, List<List<Object>> tuples, int per, IntFunction<String> sql, List<Column> columns)
            throws SQLException {
        PreparedStatement full = null;
        try {
            for (int from = 0; from < tuples.size(); from += per) {
                List<List<Object>> chunk = tuples.subList(from, Math.min(tuples.size(), from + per));
                boolean isFull = chunk.size() == per;
                if (isFull && full == null) {
                    full = c.prepareStatement(sql.apply(per));
                }
                PreparedStatement ps = isFull ? full : c.prepareStatement(sql.apply(chunk.size()));
                try {
                    int p = 1;
                    for (List<Object> tuple : chunk) {
                        for (int j = 0; j < columns.size(); j++) {
                            bindValue(ps, p++, columns.get(j), tuple.get(j));
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
        String on = key.stream().map(k -> table.name() + "." + k + " = k." + k).collect(Collectors.joining(" AND "));
        return "DELETE FROM " + table.name() + " USING (VALUES " + tuples(key.size(), keys) + ") AS k ("
                + String.join(", ", key) + ") WHERE " + on;
    }

    /** {@code INSERT INTO t (c1, ...) VALUES (?, ...), (?, ...)} for {@code rows} rows. */
    static String insertSql(Entity table, int rows) {
        return "INSERT INTO " + table.name() + " (" + String.join(", ", table.columnNames()) + ") VALUES "
                + tuples(table.columns().size(), rows);
    }

    private static String tuples(int width, int count) {
        String one = Collections.nCopies(width, "?").stream().collect(Collectors.joining(", ", "(", ")"));
        return String.join(", ", Collections.nCopies(count, one));
    }
}
