package dev.dbx.store.neo4j;

import dev.dbx.core.capability.Explain;
import dev.dbx.core.query.PlanNode;
import dev.dbx.core.query.QueryPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Value;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.ProfiledPlan;
import org.neo4j.driver.summary.ResultSummary;

/**
 * Neo4j's plans: {@code PROFILE} (or {@code EXPLAIN} when only planned) through the driver's result summary, in a
 * transaction that is rolled back. Label and relationship-type scans are full scans of that label or type; index seeks
 * and scans (and lookups by id) are index accesses. Each operator gives its rows and database hits; the time is the
 * server's, for the whole query (available plus consumed).
 */
final class Neo4jExplain implements Explain {
    private static final Pattern LABEL = Pattern.compile(":`?(\\w+)`?");

    private final Bolt bolt;

    Neo4jExplain(Bolt bolt) {
        this.bolt = bolt;
    }

    @Override
    public String language() {
        return "Cypher";
    }

    @Override
    public QueryPlan explain(String text, boolean analyze, Duration timeout) {
        String prefix = analyze ? "PROFILE " : "EXPLAIN ";
        AsyncSession session = bolt.openSession(AccessMode.WRITE);
        CompletionStage<ResultSummary> work = session.beginTransactionAsync(Bolt.transaction(timeout))
                .thenCompose(tx -> tx.runAsync(prefix + text)
                        .thenCompose(cursor -> cursor.consumeAsync())
                        .handle((summary, error) -> tx.rollbackAsync().handle((ignored, rollbackError) -> {
                            if (error != null) {
                                throw error instanceof RuntimeException r
                                        ? r
                                        : new java.util.concurrent.CompletionException(error);
                            }
                            return summary;
                        }))
                        .thenCompose(stage -> stage));
        ResultSummary summary;
        try {
            summary = bolt.await(
                    work, timeout.plus(bolt.timeout()), "neo4j: " + (analyze ? "PROFILE" : "EXPLAIN") + " of a query");
        } finally {
            session.closeAsync();
        }
        Plan plan = analyze && summary.hasProfile() ? summary.profile() : summary.plan();
        if (plan == null) {
            throw new dev.dbx.core.DbxException(bolt.target() + ": the server returned no plan");
        }
        PlanNode root = node(plan);
        String raw = string(plan.arguments().get("string-representation"));
        Double total = analyze
                ? (double) (summary.resultAvailableAfter(java.util.concurrent.TimeUnit.MICROSECONDS)
                                + summary.resultConsumedAfter(java.util.concurrent.TimeUnit.MICROSECONDS))
                        / 1000
                : null;
        List<String> notes = new ArrayList<>();
        notes.add("rows in are the rows out of an operator's inputs; database hits are in each operator's detail");
        if (analyze) {
            notes.add("total time is the server's (result available after + consumed after); the query ran in a"
                    + " transaction that was rolled back");
        }
        return new QueryPlan(
                "neo4j",
                prefix.strip() + " (the driver's result summary)",
                analyze,
                root,
                total,
                null,
                raw == null ? root.toString() : raw,
                notes);
    }

    private static PlanNode node(Plan plan) {
        String operator = plan.operatorType();
        int at = operator.indexOf('@');
        if (at > 0) {
            operator = operator.substring(0, at);
        }
        Map<String, Value> args = plan.arguments();
        String details = string(args.get("Details"));
        String lower = operator.toLowerCase(Locale.ROOT);
        PlanNode.Access access = PlanNode.Access.OTHER;
        if (lower.contains("index") || lower.endsWith("byidseek") || lower.endsWith("byelementidseek")) {
            access = PlanNode.Access.INDEX;
        } else if (lower.contains("allnodesscan")
                || lower.contains("bylabelscan")
                || lower.contains("relationshiptypescan")
                || lower.contains("allrelationshipsscan")) {
            access = PlanNode.Access.FULL_SCAN;
        }
        String relation = null;
        String index = null;
        if (access != PlanNode.Access.OTHER) {
            if (details != null) {
                Matcher m = LABEL.matcher(details);
                if (m.find()) {
                    relation = m.group(1);
                }
            } else if (lower.contains("allnodesscan")) {
                relation = "(all nodes)";
            }
            if (access == PlanNode.Access.INDEX && details != null) {
                int paren = details.indexOf(')');
                index = paren > 0 ? details.substring(0, paren + 1) : details;
            }
        }
        List<PlanNode> children = new ArrayList<>();
        for (Plan child : plan.children()) {
            children.add(node(child));
        }
        Double estimated =
                args.containsKey("EstimatedRows") ? args.get("EstimatedRows").asDouble() : null;
        Long out = null;
        String detail = null;
        if (plan instanceof ProfiledPlan p) {
            out = p.records();
            detail = p.dbHits() + " db hits"
                    + (p.hasPageCacheStats()
                            ? ", page cache " + p.pageCacheHits() + " hits, " + p.pageCacheMisses() + " misses"
                            : "");
        }
        return new PlanNode(
                operator, relation, index, access, details, estimated, null, out, null, null, detail, children);
    }

    private static String string(Value value) {
        return value == null || value.isNull() ? null : value.asString();
    }
}
