package dev.dbx.store.sqlite;

import dev.dbx.core.capability.Explain;
import dev.dbx.core.query.PlanNode;
import dev.dbx.core.query.QueryPlan;
import dev.dbx.store.jdbc.SqlConnections;
import dev.dbx.store.jdbc.SqlErrors;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite's plans: {@code EXPLAIN QUERY PLAN}, whose rows (id, parent, detail) form the tree: {@code SCAN t} reads the
 * whole table, {@code SEARCH t USING [COVERING] INDEX i (col=?)} or {@code USING INTEGER PRIMARY KEY} an index, {@code
 * USING AUTOMATIC ... INDEX} one SQLite builds for this run alone (by reading the whole table: a full scan here). SQLite
 * gives neither costs nor row counts per operator; with analyze the query is also run, inside a transaction rolled back,
 * for its time and the rows it returned.
 */
final class SqliteExplain implements Explain {
    private static final Pattern ACCESS = Pattern.compile(
            "^(SCAN|SEARCH) (\\S+)(?: AS (\\S+))?(?: USING (AUTOMATIC )?(?:PARTIAL )?(COVERING )?(INDEX (\\S+)|INTEGER PRIMARY"
                    + " KEY|PRIMARY KEY|ROWID)?)?(?: \\((.*)\\))?.*$");

    private final SqlConnections sql;

    SqliteExplain(SqlConnections sql) {
        this.sql = sql;
    }

    @Override
    public String language() {
        return "SQL (SQLite)";
    }

    @Override
    public QueryPlan explain(String text, boolean analyze, Duration timeout) {
        try (Connection c = sql.connection()) {
            QueryPlan plan = plan(c, text, timeout, sql.storeId());
            if (!analyze) {
                return plan;
            }
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                long t0 = System.nanoTime();
                long rows = run(c, text, timeout);
                double ms = (System.nanoTime() - t0) / 1e6;
                PlanNode root = plan.root().withRows(null, null, rows).withTime(ms, null);
                List<String> notes = new ArrayList<>(plan.notes());
                notes.add("analyzed: the query was run once (inside a transaction rolled back) for its time and"
                        + " the rows it returned; SQLite gives no per-operator rows or times");
                return new QueryPlan(
                        plan.store(),
                        "EXPLAIN QUERY PLAN, then the query run once",
                        true,
                        root,
                        ms,
                        null,
                        plan.raw(),
                        notes);
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw SqlErrors.of(sql.storeId(), "EXPLAIN QUERY PLAN", e);
        }
    }

    /** Runs {@code text} on {@code c}, reading every row; returns how many. */
    static long run(Connection c, String text, Duration timeout) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            if (!s.execute(text)) {
                return s.getUpdateCount();
            }
            long rows = 0;
            try (ResultSet rs = s.getResultSet()) {
                while (rs.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }

    static QueryPlan plan(Connection c, String text, Duration timeout, String store) throws SQLException {
        record Row(int id, int parent, String detail) {}
        List<Row> rows = new ArrayList<>();
        StringBuilder raw = new StringBuilder();
        try (Statement s = c.createStatement()) {
            s.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            try (ResultSet rs = s.executeQuery("EXPLAIN QUERY PLAN " + text)) {
                while (rs.next()) {
                    Row row = new Row(rs.getInt(1), rs.getInt(2), rs.getString(4));
                    rows.add(row);
                }
            }
        }
        Map<Integer, List<Row>> byParent = new LinkedHashMap<>();
        Map<Integer, Integer> depth = new LinkedHashMap<>();
        for (Row row : rows) {
            byParent.computeIfAbsent(row.parent(), k -> new ArrayList<>()).add(row);
            int d = depth.getOrDefault(row.parent(), -1) + 1;
            depth.put(row.id(), d);
            raw.append("  ".repeat(d)).append(row.detail()).append('\n');
        }
        record Builder(Map<Integer, List<Row>> byParent) {
            PlanNode build(int id, String detail) {
                List<PlanNode> children = new ArrayList<>();
                for (Row child : byParent.getOrDefault(id, List.of())) {
                    children.add(build(child.id(), child.detail()));
                }
                return node(detail).withChildren(children);
            }
        }
        Builder builder = new Builder(byParent);
        List<PlanNode> top = new ArrayList<>();
        for (Row row : byParent.getOrDefault(0, List.of())) {
            top.add(builder.build(row.id(), row.detail()));
        }
        PlanNode root = top.size() == 1
                ? top.get(0)
                : PlanNode.of("QUERY", PlanNode.Access.OTHER).withChildren(top);
        return new QueryPlan(
                store,
                "EXPLAIN QUERY PLAN",
                false,
                root,
                null,
                null,
                raw.toString(),
                List.of("SQLite's query plan gives no costs and no row counts"));
    }

    static PlanNode node(String detail) {
        Matcher m = ACCESS.matcher(detail);
        if (!m.matches()) {
            return PlanNode.of(detail, PlanNode.Access.OTHER).withDetail(detail);
        }
        String verb = m.group(1);
        String table = m.group(2);
        boolean automatic = m.group(4) != null;
        String using = m.group(6);
        String index = m.group(7);
        if (index == null && using != null && using.contains("PRIMARY KEY")) {
            index = "PRIMARY KEY";
        } else if (index == null && "ROWID".equals(using)) {
            index = "ROWID";
        }
        PlanNode.Access access;
        if (automatic) {
            access = PlanNode.Access.FULL_SCAN; // the table is read whole to build an index for this run
        } else if (verb.equals("SEARCH")) {
            access = PlanNode.Access.INDEX;
        } else {
            access = PlanNode.Access.FULL_SCAN; // SCAN, in table order or (USING INDEX) in an index's order
        }
        return PlanNode.of(verb, access)
                .withRelation(table, automatic ? null : index)
                .withCondition(m.group(8))
                .withDetail(detail);
    }
}
