package dev.dbx.store.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;

/**
 * PostgreSQL's plans: {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)} (without ANALYZE and BUFFERS when only planned),
 * inside a transaction that is always rolled back, so an analyzed statement that writes keeps nothing, and with a
 * statement timeout. Actual rows and times are PostgreSQL's per-loop figures multiplied by the loops.
 */
final class PostgresExplain implements Explain {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqlConnections sql;

    PostgresExplain(SqlConnections sql) {
        this.sql = sql;
    }

    @Override
    public String language() {
        return "SQL (PostgreSQL)";
    }

    @Override
    public QueryPlan explain(String text, boolean analyze, Duration timeout) {
        try (Connection c = sql.connection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                setTimeout(c, timeout);
                return explain(c, text, analyze, sql.storeId());
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw SqlErrors.of(sql.storeId(), "EXPLAIN", e);
        }
    }

    static void setTimeout(Connection c, Duration timeout) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL statement_timeout = " + Math.max(1, timeout.toMillis()));
        }
    }

    /** Explains on {@code c}, in whatever transaction it is in. */
    static QueryPlan explain(Connection c, String text, boolean analyze, String store) throws SQLException {
        String options = analyze ? "ANALYZE, BUFFERS, FORMAT JSON" : "FORMAT JSON";
        String raw;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("EXPLAIN (" + options + ") " + stripSemicolon(text))) {
            StringBuilder all = new StringBuilder();
            while (rs.next()) {
                all.append(rs.getString(1));
            }
            raw = all.toString();
        }
        return parse(store, "EXPLAIN (" + options + ")", analyze, raw);
    }

    static QueryPlan parse(String store, String method, boolean analyze, String raw) {
        JsonNode top;
        try {
            top = JSON.readTree(raw).get(0);
        } catch (java.io.IOException e) {
            throw new dev.dbx.core.DbxException(store + ": EXPLAIN gave JSON dbx cannot read: " + e.getMessage());
        }
        JsonNode plan = top.get("Plan");
        PlanNode root = node(plan);
        Double total = analyze && top.has("Execution Time")
                ? top.get("Execution Time").asDouble()
                        + (top.has("Planning Time") ? top.get("Planning Time").asDouble() : 0)
                : null;
        String pretty;
        try {
            pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(raw));
        } catch (java.io.IOException e) {
            pretty = raw;
        }
        List<String> notes = new ArrayList<>();
        if (analyze) {
            notes.add("total time is PostgreSQL's planning plus execution time; the statement ran inside a"
                    + " transaction that was rolled back");
            notes.add("an operator's rows and time are its per-loop figures times its loops: under a Gather they add"
                    + " up the parallel workers' (so they can exceed the query's time)");
        }
        return new QueryPlan(
                store, method, analyze, root, total, plan.path("Total Cost").asDouble(), pretty, notes);
    }

    private static PlanNode node(JsonNode p) {
        String type = p.path("Node Type").asText("?");
        PlanNode.Access access = switch (type) {
            case "Seq Scan" -> PlanNode.Access.FULL_SCAN;
            case "Index Scan", "Index Only Scan", "Bitmap Index Scan", "Bitmap Heap Scan" -> PlanNode.Access.INDEX;
            default -> PlanNode.Access.OTHER;
        };
        String operator = (p.path("Parallel Aware").asBoolean(false) ? "Parallel " : "")
                + type
                + (p.has("Join Type") && !type.contains("Scan")
                        ? " (" + p.get("Join Type").asText() + ")"
                        : "");
        String relation = text(p, "Relation Name");
        String index = text(p, "Index Name");
        List<PlanNode> children = new ArrayList<>();
        for (JsonNode child : p.path("Plans")) {
            children.add(node(child));
        }
        if (type.equals("Bitmap Heap Scan") && index == null) {
            for (PlanNode child : children) {
                if (child.index() != null) {
                    index = child.index();
                }
            }
        }
        List<String> conditions = new ArrayList<>();
        for (String key : List.of("Index Cond", "Recheck Cond", "Hash Cond", "Merge Cond", "Join Filter", "Filter")) {
            if (p.has(key)) {
                conditions.add(key + ": " + p.get(key).asText());
            }
        }
        double loops = p.path("Actual Loops").asDouble(1);
        Long out = p.has("Actual Rows") ? Math.round(p.get("Actual Rows").asDouble() * loops) : null;
        Long in = null;
        if (out != null && access != PlanNode.Access.OTHER) {
            in = out
                    + Math.round(p.path("Rows Removed by Filter").asDouble(0) * loops)
                    + Math.round(p.path("Rows Removed by Index Recheck").asDouble(0) * loops);
        }
        Double time = p.has("Actual Total Time") ? p.get("Actual Total Time").asDouble() * loops : null;
        String detail = buffers(p);
        if (p.has("Workers Launched")) {
            detail = (detail == null ? "" : detail + ", ")
                    + p.get("Workers Launched").asInt() + " workers";
        }
        return new PlanNode(
                operator,
                relation,
                index,
                access,
                conditions.isEmpty() ? null : String.join("; ", conditions),
                p.has("Plan Rows") ? p.get("Plan Rows").asDouble() : null,
                in,
                out,
                time,
                p.has("Total Cost") ? p.get("Total Cost").asDouble() : null,
                detail,
                children);
    }

    private static String buffers(JsonNode p) {
        if (!p.has("Shared Hit Blocks")) {
            return null;
        }
        long hit = p.get("Shared Hit Blocks").asLong();
        long read = p.path("Shared Read Blocks").asLong();
        return hit + read == 0 ? null : "buffers: " + hit + " hit, " + read + " read";
    }

    private static String text(JsonNode p, String key) {
        return p.has(key) ? p.get(key).asText() : null;
    }

    static String stripSemicolon(String text) {
        String t = text.strip();
        while (t.endsWith(";")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }
}
