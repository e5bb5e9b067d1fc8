package dev.dbx.store.sqlite;

import dev.dbx.core.query.BuiltIndex;
import dev.dbx.core.query.QueryPlan;
import dev.dbx.store.jdbc.SqlConnections;
import dev.dbx.store.jdbc.SqlIndexAdvisor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * SQLite's index advisor: candidates from the {@code SCAN}s (and automatic indexes) of {@code EXPLAIN QUERY PLAN};
 * SQLite's planner gives no cost, so each candidate is created inside a transaction, the queries whose plan then
 * {@code SEARCH}es it are run once and timed, and the transaction is rolled back (SQLite's DDL is transactional).
 */
final class SqliteIndexAdvisor extends SqlIndexAdvisor {
    SqliteIndexAdvisor(SqlConnections sql) {
        super(sql);
    }

    @Override
    protected QueryPlan plan(Connection c, String text, Duration timeout) throws SQLException {
        return SqliteExplain.plan(c, text, timeout, sql.storeId());
    }

    @Override
    protected String costUnit() {
        return "ms";
    }

    @Override
    protected double time(Connection c, String text, Duration timeout) throws SQLException {
        long t0 = System.nanoTime();
        SqliteExplain.run(c, text, timeout);
        return (System.nanoTime() - t0) / 1e6;
    }

    @Override
    protected List<String> columns(Connection c, String table) throws SQLException {
        return strings(c, "SELECT lower(name) FROM pragma_table_info(?) ORDER BY cid", table);
    }

    @Override
    protected List<List<String>> indexes(Connection c, String table) throws SQLException {
        List<List<String>> indexes = new ArrayList<>();
        List<String> pk = primaryKey(c, table);
        if (!pk.isEmpty()) {
            indexes.add(pk); // a rowid alias or an automatic index: the primary key is looked up by index either way
        }
        for (String index : strings(c, "SELECT name FROM pragma_index_list(?)", table)) {
            indexes.add(strings(c, "SELECT lower(name) FROM pragma_index_info(?) ORDER BY seqno", index));
        }
        return indexes;
    }

    @Override
    protected List<String> primaryKey(Connection c, String table) throws SQLException {
        return strings(c, "SELECT lower(name) FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", table);
    }

    @Override
    protected Set<String> foreignKeyColumns(Connection c, String table) throws SQLException {
        return new LinkedHashSet<>(strings(c, "SELECT lower(\"from\") FROM pragma_foreign_key_list(?)", table));
    }

    @Override
    protected List<BuiltIndex> addedIndexes(Connection c) throws SQLException {
        List<BuiltIndex> added = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index'"
                        + " AND name LIKE 'dbx\\_advised\\_%' ESCAPE '\\' ORDER BY name")) {
            while (rs.next()) {
                added.add(new BuiltIndex(rs.getString(1), rs.getString(2), rs.getString(3), null, null));
            }
        }
        List<BuiltIndex> sized = new ArrayList<>();
        for (BuiltIndex index : added) {
            sized.add(new BuiltIndex(index.name(), index.table(), index.definition(), size(c, index.name()), null));
        }
        return sized;
    }

    /** The index's bytes from the dbstat table, when this SQLite build has it. */
    private static Long size(Connection c, String index) {
        try (PreparedStatement ps = c.prepareStatement("SELECT sum(pgsize) FROM dbstat WHERE name = ?")) {
            ps.setString(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        } catch (SQLException e) {
            return null;
        }
    }

    private static List<String> strings(Connection c, String query, String arg) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(query)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }
}
