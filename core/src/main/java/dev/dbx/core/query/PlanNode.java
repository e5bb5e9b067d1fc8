package dev.dbx.core.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One operator of a {@link QueryPlan}, in the same shape whatever the engine: what it does, which relation (table,
 * collection, index pattern, label) and index it reads, whether it answered by an index or by reading everything, its
 * rows and time where the engine gives them, and its inputs.
 *
 * @param operator the engine's own name for the operator, e.g. "Seq Scan", "SEARCH", "HASH_JOIN", "NodeByLabelScan"
 * @param relation the table, collection or label it reads, when it reads one
 * @param index the index it reads through, when it does
 * @param access how it reached its rows (an index, a full scan, or neither: a join, a sort...)
 * @param condition its filter or join condition as the engine prints it, when it gives one
 * @param estimatedRows the planner's estimate of the rows it returns, when given
 * @param rowsIn rows it read or examined (PostgreSQL's rows removed by its filter added back; MongoDB's documents
 *     examined), when the engine tells; otherwise see {@link #inputRows()}
 * @param rowsOut rows it actually returned (with analyze), when given
 * @param timeMs its own time or the time up to its last row, in milliseconds, as the engine reports it
 * @param cost the planner's cost for it (in the engine's units), when given
 * @param detail anything else worth a line (the engine's own words)
 * @param children its inputs
 */
public record PlanNode(
        String operator,
        String relation,
        String index,
        Access access,
        String condition,
        Double estimatedRows,
        Long rowsIn,
        Long rowsOut,
        Double timeMs,
        Double cost,
        String detail,
        List<PlanNode> children) {

    /** How an operator reached its rows. */
    public enum Access {
        /** Through an index (a B-tree search, a bitmap of an index, an index seek, a label index...). */
        INDEX,
        /** By reading the whole relation. */
        FULL_SCAN,
        /** It reads no relation itself (a join, an aggregate, a sort) or the engine does not say. */
        OTHER
    }

    public PlanNode {
        operator = operator == null ? "?" : operator;
        access = access == null ? Access.OTHER : access;
        children = children == null ? List.of() : List.copyOf(children);
    }

    /** A node with only an operator and its access kind; add the rest with the withers. */
    public static PlanNode of(String operator, Access access) {
        return new PlanNode(operator, null, null, access, null, null, null, null, null, null, null, List.of());
    }

    public PlanNode withRelation(String relation, String index) {
        return new PlanNode(
                operator,
                relation,
                index,
                access,
                condition,
                estimatedRows,
                rowsIn,
                rowsOut,
                timeMs,
                cost,
                detail,
                children);
    }

    public PlanNode withCondition(String condition) {
        return new PlanNode(
                operator,
                relation,
                index,
                access,
                condition,
                estimatedRows,
                rowsIn,
                rowsOut,
                timeMs,
                cost,
                detail,
                children);
    }

    public PlanNode withRows(Double estimatedRows, Long rowsIn, Long rowsOut) {
        return new PlanNode(
                operator,
                relation,
                index,
                access,
                condition,
                estimatedRows,
                rowsIn,
                rowsOut,
                timeMs,
                cost,
                detail,
                children);
    }

    public PlanNode withTime(Double timeMs, Double cost) {
        return new PlanNode(
                operator,
                relation,
                index,
                access,
                condition,
                estimatedRows,
                rowsIn,
                rowsOut,
                timeMs,
                cost,
                detail,
                children);
    }

    public PlanNode withDetail(String detail) {
        return new PlanNode(
                operator,
                relation,
                index,
                access,
                condition,
                estimatedRows,
                rowsIn,
                rowsOut,
                timeMs,
                cost,
                detail,
                children);
    }

    public PlanNode withChildren(List<PlanNode> children) {
        return new PlanNode(
                operator,
                relation,
                index,
                access,
                condition,
                estimatedRows,
                rowsIn,
                rowsOut,
                timeMs,
                cost,
                detail,
                children);
    }

    /**
     * Rows that came into it: what the engine says it read ({@link #rowsIn}), else the sum of its inputs' rows out,
     * when they all have one; null when unknown (a scan whose engine does not say what it examined).
     */
    public Long inputRows() {
        if (rowsIn != null) {
            return rowsIn;
        }
        if (children.isEmpty()) {
            return null;
        }
        long sum = 0;
        for (PlanNode child : children) {
            if (child.rowsOut() == null) {
                return null;
            }
            sum += child.rowsOut();
        }
        return sum;
    }

    /** This node and all below it, depth first, parents before their children. */
    public List<PlanNode> flatten() {
        List<PlanNode> all = new ArrayList<>();
        visit(all::add);
        return all;
    }

    public void visit(Consumer<PlanNode> visitor) {
        visitor.accept(this);
        for (PlanNode child : children) {
            child.visit(visitor);
        }
    }
}
