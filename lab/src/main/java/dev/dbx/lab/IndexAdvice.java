package dev.dbx.lab;

import dev.dbx.core.DbxException;
import dev.dbx.core.Failures;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.Explain;
import dev.dbx.core.capability.IndexAdvisor;
import dev.dbx.core.query.BuiltIndex;
import dev.dbx.core.query.IndexProposal;
import dev.dbx.core.query.PlanNode;
import dev.dbx.core.query.QueryPlan;
import dev.dbx.core.query.WriteCost;
import dev.dbx.core.store.Store;
import dev.dbx.workloads.query.QueryResult;
import dev.dbx.workloads.query.QueryRunConfig;
import dev.dbx.workloads.query.QueryRunner;
import dev.dbx.workloads.query.QuerySuite;
import dev.dbx.workloads.query.SuiteRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code dbx advise}: the indexes a workload's plans ask for on one store, with their estimated gain (nothing kept);
 * with apply, built, and the workload's affected queries and a small write workload on each indexed table timed
 * before and after, with the indexes' sizes; revert drops what dbx added.
 */
public final class IndexAdvice {
    /** Rows the write workload inserts and deletes (rolled back) on each indexed table. */
    static final int WRITE_ROWS = 1000;

    /** A query taking longer than this is timed once: its noise is small next to it, and three runs cost much. */
    static final double LONG_QUERY_MS = 5_000;

    private IndexAdvice() {}

    /**
     * One query before and after the indexes were built.
     *
     * @param query its name
     * @param beforeMs its time before (hot: the fastest of the runs after the first)
     * @param afterMs its time after
     * @param correct whether its answers were right before and after (null when not checked)
     * @param accessBefore how its plan read the indexed tables before, e.g. "orders: Seq Scan"
     * @param accessAfter the same after
     */
    public record QueryTime(
            String query, Double beforeMs, Double afterMs, Boolean correct, String accessBefore, String accessAfter) {}

    /** The write workload on one indexed table before and after, or why it could not run there. */
    public record WriteComparison(String table, WriteCost before, WriteCost after, String unavailable) {}

    /**
     * What {@code dbx advise} found and did.
     *
     * @param store the store
     * @param server the server, as it calls itself
     * @param workload the workload advised on
     * @param mode "advise" (nothing changed), "apply" or "revert"
     * @param proposals the indexes proposed, best first
     * @param skipped the workload's queries the store does not have, with why
     * @param built the indexes built (apply), as the catalog has them, with their size
     * @param times the affected queries before and after (apply)
     * @param timing how they were timed
     * @param writes the write workload before and after, per indexed table (apply)
     * @param reverted the indexes dropped (revert)
     * @param existing the indexes dbx had added before this run
     */
    public record Report(
            String store,
            String server,
            String workload,
            String mode,
            List<IndexProposal> proposals,
            List<String> skipped,
            List<BuiltIndex> built,
            List<QueryTime> times,
            String timing,
            List<WriteComparison> writes,
            List<String> reverted,
            List<BuiltIndex> existing) {}

    /** Advises on {@code source}'s queries; builds the proposals and measures before and after with {@code apply}. */
    public static Report advise(Lab lab, String storeId, QueryTexts source, boolean apply, Duration timeout) {
        StoreTarget target =
                StoreSelection.resolve(lab, List.of(storeId)).targets().get(0);
        try (Store store = lab.open(target)) {
            IndexAdvisor advisor = requireAdvisor(store);
            String server = store.identity().toString();
            checkLoaded(store, source);
            List<String> skipped = new ArrayList<>();
            Map<String, String> texts = source.texts(store, skipped);
            if (texts.isEmpty()) {
                throw new DbxException("store " + store.id() + " has none of the " + source.workload()
                        + " queries to advise on: " + String.join("; ", skipped));
            }
            List<BuiltIndex> existing = advisor.added();
            List<IndexProposal> proposals = advisor.advise(texts, timeout);
            if (!apply || proposals.isEmpty()) {
                return new Report(
                        store.id(),
                        server,
                        source.workload(),
                        apply ? "apply" : "advise",
                        proposals,
                        skipped,
                        List.of(),
                        List.of(),
                        null,
                        List.of(),
                        List.of(),
                        existing);
            }
            Set<String> affected = new LinkedHashSet<>();
            Set<String> tables = new LinkedHashSet<>();
            for (IndexProposal p : proposals) {
                tables.add(p.table());
                p.estimates().stream().filter(IndexProposal.Estimate::usesIndex).forEach(e -> affected.add(e.query()));
            }
            Map<String, String> affectedTexts = new LinkedHashMap<>();
            affected.forEach(q -> affectedTexts.put(q, texts.get(q)));
            Double scale = new LoadRecords(lab.dataDir())
                    .get(target, "tpch")
                    .map(LoadRecords.Entry::scale)
                    .orElse(null);
            Optional<QuerySuite> suite = source.suite(store, scale, List.copyOf(affected));
            Map<String, String> accessBefore = access(store, affectedTexts, tables, timeout);
            Map<String, Timed> before = time(store, suite, affectedTexts, timeout);
            Map<String, WriteCost> writesBefore = new LinkedHashMap<>();
            Map<String, String> unavailable = new LinkedHashMap<>();
            for (String table : tables) {
                advisor.writeCostUnavailable(table)
                        .ifPresentOrElse(
                                why -> unavailable.put(table, why),
                                () -> writesBefore.put(table, advisor.writeCost(table, WRITE_ROWS, timeout)));
            }
            List<BuiltIndex> built = new ArrayList<>();
            for (IndexProposal p : proposals) {
                built.add(advisor.apply(p));
            }
            Map<String, String> accessAfter = access(store, affectedTexts, tables, timeout);
            Map<String, Timed> after = time(store, suite, affectedTexts, timeout);
            List<QueryTime> times = new ArrayList<>();
            for (String q : affected) {
                Timed b = before.get(q);
                Timed a = after.get(q);
                Boolean correct = b.correct() == null || a.correct() == null ? null : b.correct() && a.correct();
                times.add(new QueryTime(q, b.ms(), a.ms(), correct, accessBefore.get(q), accessAfter.get(q)));
            }
            List<WriteComparison> writes = new ArrayList<>();
            for (String table : tables) {
                if (unavailable.containsKey(table)) {
                    writes.add(new WriteComparison(table, null, null, unavailable.get(table)));
                } else {
                    writes.add(new WriteComparison(
                            table, writesBefore.get(table), advisor.writeCost(table, WRITE_ROWS, timeout), null));
                }
            }
            String timing = suite.isPresent()
                    ? "the " + suite.get().name() + " suite's runner: 3 runs, the fastest after the first (caches"
                            + " kept), answers checked"
                    : "the engine's EXPLAIN ANALYZE total (or the query run once where it has none), fastest of 3"
                            + " (one run for a query over 5 s)";
            return new Report(
                    store.id(),
                    server,
                    source.workload(),
                    "apply",
                    proposals,
                    skipped,
                    built,
                    times,
                    timing,
                    writes,
                    List.of(),
                    existing);
        }
    }

    /** Drops every index dbx added to the store. */
    public static Report revert(Lab lab, String storeId) {
        StoreTarget target =
                StoreSelection.resolve(lab, List.of(storeId)).targets().get(0);
        try (Store store = lab.open(target)) {
            IndexAdvisor advisor = requireAdvisor(store);
            String server = store.identity().toString();
            List<BuiltIndex> existing = advisor.added();
            List<String> dropped = advisor.revert();
            return new Report(
                    store.id(),
                    server,
                    null,
                    "revert",
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    null,
                    List.of(),
                    dropped,
                    existing);
        }
    }

    private static IndexAdvisor requireAdvisor(Store store) {
        return store.capability(IndexAdvisor.class)
                .orElseThrow(() -> new DbxException(
                        "store " + store.id() + " has no index advisor (no IndexAdvisor capability)",
                        "index advice is given for postgres and sqlite"));
    }

    private static void checkLoaded(Store store, QueryTexts source) {
        if (source.dataset() == null) {
            return;
        }
        Optional<DatasetModel> model = store.capability(DatasetModel.class);
        if (model.isPresent() && !model.get().isLoaded(source.dataset())) {
            throw new DbxException(
                    "store " + store.id() + " holds no " + source.dataset().name() + " dataset",
                    "load it first: dbx load --dataset " + source.dataset().name() + " --stores " + store.id());
        }
    }

    /** How each query's plan reads {@code tables}: "orders: Seq Scan; lineitem: Index Scan (i)". */
    private static Map<String, String> access(
            Store store, Map<String, String> texts, Set<String> tables, Duration timeout) {
        Map<String, String> access = new LinkedHashMap<>();
        Optional<Explain> explain = store.capability(Explain.class);
        for (Map.Entry<String, String> q : texts.entrySet()) {
            if (explain.isEmpty()) {
                access.put(q.getKey(), null);
                continue;
            }
            QueryPlan plan = explain.get().explain(q.getValue(), false, timeout);
            access.put(
                    q.getKey(),
                    plan.nodes().stream()
                            .filter(n -> n.relation() != null && n.access() != PlanNode.Access.OTHER)
                            .filter(n -> tables.contains(n.relation().toLowerCase(java.util.Locale.ROOT)))
                            .map(n -> n.relation() + ": " + n.operator()
                                    + (n.index() == null ? "" : " (" + n.index() + ")"))
                            .distinct()
                            .collect(Collectors.joining("; ")));
        }
        return access;
    }

    private record Timed(Double ms, Boolean correct) {}

    private static Map<String, Timed> time(
            Store store, Optional<QuerySuite> suite, Map<String, String> texts, Duration timeout) {
        Map<String, Timed> times = new LinkedHashMap<>();
        if (suite.isPresent()) {
            SuiteRun run = new QueryRunner()
                    .run(suite.get(), store, new QueryRunConfig(3, 1, timeout, false), QueryRunner.Listener.NONE);
            if (run.status() != SuiteRun.Status.COMPLETE) {
                throw new DbxException("store " + store.id() + ": timing the queries failed: " + run.reason());
            }
            for (QueryResult r : run.queries()) {
                times.put(r.query(), new Timed(r.hotMs(), r.correct()));
            }
            return times;
        }
        Explain explain = Plans.requireExplain(store);
        for (Map.Entry<String, String> q : texts.entrySet()) {
            Double best = null;
            for (int i = 0; i < 3 && (best == null || best < LONG_QUERY_MS); i++) {
                try {
                    QueryPlan plan = explain.explain(q.getValue(), true, timeout);
                    Double ms = plan.totalMs() != null
                            ? plan.totalMs()
                            : plan.root().timeMs();
                    if (ms != null && (best == null || ms < best)) {
                        best = ms;
                    }
                } catch (RuntimeException e) {
                    throw new DbxException(
                            "store " + store.id() + ": timing " + q.getKey() + " failed: " + Failures.describe(e));
                }
            }
            times.put(q.getKey(), new Timed(best, null));
        }
        return times;
    }
}
