package dev.dbx.store.duckdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbx.core.DbxException;
import dev.dbx.core.capability.Explain;
import dev.dbx.core.query.PlanNode;
import dev.dbx.core.query.QueryPlan;
import dev.dbx.store.jdbc.SqlConnections;
import dev.dbx.store.jdbc.SqlErrors;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * DuckDB's plans: {@code EXPLAIN (FORMAT JSON)} (the physical plan, with estimated cardinalities) or {@code EXPLAIN
 * (ANALYZE, FORMAT JSON)} (the profiler's tree: each operator's rows out, rows scanned and own time), run inside a
 * transaction that is rolled back. A table scan is a full scan unless DuckDB says it is an index scan (an ART lookup);
 * row-group pruning by zone maps still reads "Sequential Scan".
 */
final class DuckdbExplain implements Explain {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqlConnections sql;

    DuckdbExplain(SqlConnections sql) {
        this.sql = sql;
    }

    @Override
    public String language() {
        return "SQL (DuckDB)";
    }

    @Override
    public QueryPlan explain(String text, boolean analyze, Duration timeout) {
        String method = analyze ? "EXPLAIN (ANALYZE, FORMAT JSON)" : "EXPLAIN (FORMAT JSON)";
        String raw = null;
        try (Connection c = sql.connection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                try {
                    s.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
                } catch (SQLFeatureNotSupportedException ignored) {
                    // the engine then runs to the end
                }
                try (ResultSet rs = s.executeQuery(method + " " + text)) {
                    while (rs.next()) {
                        raw = rs.getString(2);
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw SqlErrors.of(sql.storeId(), method, e);
        }
        if (raw == null) {
            throw new DbxException(sql.storeId() + ": " + method + " returned no plan");
        }
        return parse(sql.storeId(), method, analyze, raw);
    }

    static QueryPlan parse(String store, String method, boolean analyze, String raw) {
        JsonNode tree;
        try {
            tree = JSON.readTree(raw);
        } catch (IOException e) {
            throw new DbxException(store + ": " + method + " gave JSON dbx cannot read: " + e.getMessage());
        }
        PlanNode root;
        Double total = null;
        if (analyze) {
            JsonNode top = tree.path("operator");
            JsonNode first = top.isArray() && !top.isEmpty() ? top.get(0) : tree;
            root = skipWrappers(node(first));
            if (tree.path("query").has("total_time")) {
                total = tree.path("query").get("total_time").asDouble() * 1000;
            } else if (tree.has("latency")) {
                total = tree.get("latency").asDouble() * 1000;
            }
        } else {
            JsonNode first = tree.isArray() ? tree.get(0) : tree;
            root = node(first);
        }
        List<String> notes = new ArrayList<>();
        notes.add("DuckDB gives no costs; times are each operator's own (not cumulative)");
        if (analyze) {
            notes.add("the statement ran inside a transaction that was rolled back");
        }
        return new QueryPlan(store, method, analyze, root, total, null, raw, notes);
    }

    /** The profiler's tree starts with RESULT_COLLECTOR and EXPLAIN_ANALYZE: the query's plan is below them. */
    private static PlanNode skipWrappers(PlanNode node) {
        PlanNode n = node;
        while ((n.operator().equals("RESULT_COLLECTOR") || n.operator().equals("EXPLAIN_ANALYZE"))
                && n.children().size() == 1) {
            n = n.children().get(0);
        }
        return n;
    }

    private static PlanNode node(JsonNode p) {
        String operator =
                p.has("name") ? p.get("name").asText() : p.path("type").asText("?");
        JsonNode info = p.path("extra_info");
        String scanType = info.path("Type").asText("");
        String table = info.has("Table") ? shortName(info.get("Table").asText()) : null;
        PlanNode.Access access = PlanNode.Access.OTHER;
        if (table != null) {
            access = scanType.toLowerCase(java.util.Locale.ROOT).contains("index")
                    ? PlanNode.Access.INDEX
                    : PlanNode.Access.FULL_SCAN;
        }
        String condition = null;
        for (String key : List.of("Conditions", "Filters", "Expression")) {
            if (info.has(key)) {
                String value = info.get(key).isArray()
                        ? join(info.get(key))
                        : info.get(key).asText();
                condition = condition == null ? value : condition + "; " + value;
            }
        }
        Double estimated = info.has("Estimated Cardinality")
                ? info.get("Estimated Cardinality").asDouble()
                : null;
        Long out = p.has("operator_cardinality")
                ? Long.valueOf(p.get("operator_cardinality").asLong())
                : p.has("intermediate_rows")
                        ? Long.valueOf(p.get("intermediate_rows").asLong())
                        : null;
        Long in = p.has("rows_scanned") ? Long.valueOf(p.get("rows_scanned").asLong()) : null;
        Double time = null;
        if (p.has("operator_timing")) {
            time = p.get("operator_timing").asDouble() * 1000;
        } else if (p.has("timing")) {
            time = p.get("timing").asDouble() * 1000;
        }
        List<PlanNode> children = new ArrayList<>();
        for (JsonNode child : p.path("children")) {
            children.add(node(child));
        }
        String detail = scanType.isEmpty() ? null : scanType;
        if (p.has("total_row_groups_to_scan") && p.has("row_groups_scanned")) {
            detail = (detail == null ? "" : detail + ", ")
                    + p.get("row_groups_scanned").asLong() + " of "
                    + p.get("total_row_groups_to_scan").asLong() + " row groups";
        }
        return new PlanNode(operator, table, null, access, condition, estimated, in, out, time, null, detail, children);
    }

    private static String join(JsonNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(v -> parts.add(v.asText()));
        return String.join(", ", parts);
    }

    /** "memory.main.t" is t. */
    private static String shortName(String qualified) {
        int dot = qualified.lastIndexOf('.');
        return dot < 0 ? qualified : qualified.substring(dot + 1);
    }
}
