package dev.dbx.core.query;

import java.util.List;

/**
 * An engine's plan for one query, summarised in one shape whatever the engine (see {@link PlanNode}), with the
 * engine's own output kept as it came.
 *
 * @param store the store that explained it, e.g. "postgres"
 * @param method how the plan was obtained, in the engine's words, e.g. "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)"
 * @param analyzed whether the query was run (actual rows and times) or only planned (estimates)
 * @param root the plan's top operator
 * @param totalMs the query's time as the engine measured it, when analyzed and given
 * @param totalCost the planner's total cost in the engine's units, when given
 * @param raw the engine's own output, as text
 * @param notes what the summary cannot show, or what the engine does not give (e.g. "SQLite gives no row counts")
 */
public record QueryPlan(
        String store,
        String method,
        boolean analyzed,
        PlanNode root,
        Double totalMs,
        Double totalCost,
        String raw,
        List<String> notes) {

    public QueryPlan {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** Every operator, parents before children. */
    public List<PlanNode> nodes() {
        return root.flatten();
    }

    /** The operators that read a relation by a full scan. */
    public List<PlanNode> fullScans() {
        return nodes().stream()
                .filter(n -> n.access() == PlanNode.Access.FULL_SCAN)
                .toList();
    }

    /** The operators that read a relation through an index. */
    public List<PlanNode> indexAccesses() {
        return nodes().stream().filter(n -> n.access() == PlanNode.Access.INDEX).toList();
    }
}
