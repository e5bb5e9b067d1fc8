package dev.dbx.store.postgres;

import dev.dbx.core.query.BuiltIndex;
import dev.dbx.core.query.QueryPlan;
import dev.dbx.store.jdbc.SqlConnections;
import dev.dbx.store.jdbc.SqlIndexAdvisor;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL's index advisor: candidates from the Seq Scans of {@code EXPLAIN (FORMAT JSON)} plans, tried by creating
 * the index inside a transaction, planning again and rolling back (PostgreSQL's DDL is transactional: what HypoPG's
 * hypothetical indexes give without building, here at the price of a real build that is thrown away). Tables in the
 * current schema search path only.
 */
final class PostgresIndexAdvisor extends SqlIndexAdvisor {
    PostgresIndexAdvisor(SqlConnections sql) {
        super(sql);
    }

    @Override
    protected QueryPlan plan(Connection c, String text, Duration timeout) throws SQLException {
        return PostgresExplain.explain(c, text, false, sql.storeId());
    }

    @Override
    protected String costUnit() {
        return "PostgreSQL cost units";
    }

    @Override
    protected double time(Connection c, String text, Duration timeout) throws SQLException {
        throw new UnsupportedOperationException("PostgreSQL's planner gives costs");
    }

    @Override
    protected void timeout(Connection c, Duration timeout) throws SQLException {
        PostgresExplain.setTimeout(c, timeout);
    }

    @Override
    protected List<String> columns(Connection c, String table) throws SQLException {
        return strings(
                c,
                "SELECT a.attname FROM pg_attribute a WHERE a.attrelid = to_regclass(?) AND a.attnum > 0"
                        + " AND NOT a.attisdropped ORDER BY a.attnum",
                table);
    }

    @Override
    protected List<List<String>> indexes(Connection c, String table) throws SQLException {
        List<List<String>> indexes = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT array(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(attnum, n)"
                        + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.n)"
                        + " FROM pg_index i WHERE i.indrelid = to_regclass(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Array columns = rs.getArray(1);
                    indexes.add(Arrays.asList((String[]) columns.getArray()));
                }
            }
        }
        return indexes;
    }

    @Override
    protected List<String> primaryKey(Connection c, String table) throws SQLException {
        return strings(
                c,
                "SELECT a.attname FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY k(attnum, n)"
                        + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
                        + " WHERE i.indrelid = to_regclass(?) AND i.indisprimary ORDER BY k.n",
                table);
    }

    @Override
    protected Set<String> foreignKeyColumns(Connection c, String table) throws SQLException {
        return new LinkedHashSet<>(strings(
                c,
                "SELECT a.attname FROM pg_constraint f CROSS JOIN LATERAL unnest(f.conkey) k(attnum)"
                        + " JOIN pg_attribute a ON a.attrelid = f.conrelid AND a.attnum = k.attnum"
                        + " WHERE f.conrelid = to_regclass(?) AND f.contype = 'f'",
                table));
    }

    @Override
    protected List<BuiltIndex> addedIndexes(Connection c) throws SQLException {
        List<BuiltIndex> added = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT indexname, tablename, indexdef,"
                        + " pg_relation_size(format('%I.%I', schemaname, indexname)::regclass)"
                        + " FROM pg_indexes WHERE schemaname = current_schema() AND indexname LIKE 'dbx\\_advised\\_%'"
                        + " ORDER BY indexname")) {
            while (rs.next()) {
                added.add(new BuiltIndex(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), null));
            }
        }
        return added;
    }

    private static List<String> strings(Connection c, String query, String table) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(query)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }
}
