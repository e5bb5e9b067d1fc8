package dev.dbx.lab;

import dev.dbx.core.Failures;
import dev.dbx.core.store.Store;
import dev.dbx.workloads.query.QueryResult;
import dev.dbx.workloads.query.QueryRunConfig;
import dev.dbx.workloads.query.QueryRunner;
import dev.dbx.workloads.query.QuerySuite;
import dev.dbx.workloads.query.SuiteRun;
import dev.dbx.workloads.runner.BenchmarkRun;
import dev.dbx.workloads.runner.StoreRun;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code dbx bench tpch|tpch-native|search|graph}: a query suite on each store in turn (each has the machine to itself),
 * every answer checked, gathered as a run like any other benchmark's (stored, reported, compared). For a suite whose
 * answers are compared across stores, a store whose answer differs from the others' is wrong too.
 */
public final class QueryBenchmarks {
    private static final DateTimeFormatter ID =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private QueryBenchmarks() {}

    /** Follows a query benchmark: which store, then each query as it ends. */
    public interface Listener extends QueryRunner.Listener {
        Listener NONE = new Listener() {};

        default void storeStarted(StoreTarget target) {}

        default void storeFinished(SuiteRun run) {}
    }

    /** Whether {@code suite} can run on the store at all (and why not), asked of the store itself. */
    public static Optional<String> notApplicable(Lab lab, QuerySuite suite, StoreTarget target) {
        try (Store store = lab.open(target)) {
            return suite.notApplicable(store);
        }
    }

    public static BenchmarkRun run(
            Lab lab,
            QuerySuite suite,
            List<StoreTarget> targets,
            QueryRunConfig config,
            Map<String, String> settings,
            Listener listener) {
        Instant started = Instant.now();
        String id = ID.format(started) + "-" + suite.name().toLowerCase(Locale.ROOT);
        QueryRunner runner = new QueryRunner();
        List<SuiteRun> runs = new ArrayList<>();
        for (StoreTarget target : targets) {
            listener.storeStarted(target);
            SuiteRun result;
            try (Store store = lab.open(target, Math.max(config.streams(), 1))) {
                result = runner.run(suite, store, config, listener);
            } catch (RuntimeException e) {
                result = SuiteRun.failed(suite.name(), target.storeId(), null, Failures.describe(e));
            }
            listener.storeFinished(result);
            runs.add(result);
        }
        if (suite.comparesAcrossStores()) {
            runs = crossChecked(runs);
        }
        runs = suite.acrossStores(runs);
        Map<String, String> view = new LinkedHashMap<>(settings);
        view.put("runs", Integer.toString(config.runs()));
        view.put("streams", Integer.toString(config.streams()));
        view.put("timeout", config.timeout().toString());
        view.put("cold", config.dropCaches() ? "caches dropped before each query's first run" : "no (--hot)");
        List<StoreRun> results =
                runs.stream().map(r -> r.toStoreRun(config.runs())).toList();
        return new BenchmarkRun(
                id,
                id,
                "",
                suite.name(),
                suite.description(),
                suite.parameters(),
                view,
                Machine.describe().asMap(),
                Revision.current(),
                started,
                results);
    }

    /**
     * Marks wrong each answer that differs from the answer most stores gave to the same query (the first store's
     * answer breaks a tie): without a ground truth, agreement is what can be checked.
     */
    static List<SuiteRun> crossChecked(List<SuiteRun> runs) {
        Map<String, Map<String, Integer>> votes = new LinkedHashMap<>();
        Map<String, String> firstSeen = new LinkedHashMap<>();
        for (SuiteRun run : runs) {
            for (QueryResult q : run.queries()) {
                if (q.digest() != null && !Boolean.FALSE.equals(q.correct())) {
                    votes.computeIfAbsent(q.query(), k -> new LinkedHashMap<>()).merge(q.digest(), 1, Integer::sum);
                    firstSeen.putIfAbsent(q.query(), run.store() + ":" + q.digest());
                }
            }
        }
        Map<String, String> agreed = new LinkedHashMap<>();
        votes.forEach((query, counts) -> {
            int best =
                    counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            String first = firstSeen.get(query);
            String firstDigest = first.substring(first.indexOf(':') + 1);
            agreed.put(
                    query,
                    counts.get(firstDigest) == best
                            ? firstDigest
                            : counts.entrySet().stream()
                                    .filter(e -> e.getValue() == best)
                                    .findFirst()
                                    .orElseThrow()
                                    .getKey());
        });
        List<SuiteRun> out = new ArrayList<>();
        for (SuiteRun run : runs) {
            List<QueryResult> checked = new ArrayList<>();
            for (QueryResult q : run.queries()) {
                String expected = agreed.get(q.query());
                if (q.digest() != null
                        && expected != null
                        && !expected.equals(q.digest())
                        && !Boolean.FALSE.equals(q.correct())) {
                    checked.add(q.wrong(
                            "differs from the other stores' answer: " + q.digest() + ", most gave " + expected));
                } else {
                    checked.add(q);
                }
            }
            out.add(run.withQueries(checked));
        }
        return out;
    }
}
