package dev.dbx.workloads.graph;

import dev.dbx.core.capability.Analytics;
import dev.dbx.core.capability.Graph;
import dev.dbx.core.capability.Graph.Reach;
import dev.dbx.core.capability.Graph.Recommendation;
import dev.dbx.core.query.CacheDrop;
import dev.dbx.core.store.Store;
import dev.dbx.workloads.dataset.TpchSource;
import dev.dbx.workloads.query.QuerySuite;
import dev.dbx.workloads.query.SuiteQuery;
import dev.dbx.workloads.query.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Graph traversals over TPC-H's customer -PLACED-> order -CONTAINS-> part graph through each store's {@link Graph}
 * (definitions there): co-purchase recommendations (top {@value #LIMIT}) for customers {@link #CO_PURCHASE_CUSTOMERS},
 * and the customers reachable within 1 to 4 hops of customer {@value #REACH_CUSTOMER}. Every answer is checked against
 * {@link GraphTruth}, which dbx computes itself from the generator's rows, and answers are compared across stores too.
 *
 * <p>The start customers exist at every scale from SF 0.001 (150 customers) and none is a multiple of 3 (TPC-H gives
 * those customers no orders).
 */
public final class GraphSuite implements QuerySuite {
    /** Whose recommendations are asked for. */
    public static final List<Long> CO_PURCHASE_CUSTOMERS = List.of(1L, 74L, 148L);

    /** Where the reachability queries start. */
    public static final long REACH_CUSTOMER = 1;

    /** Recommendations per query. */
    public static final int LIMIT = 10;

    /** The reachability queries' hop counts. */
    public static final List<Integer> HOPS = List.of(1, 2, 3, 4);

    private final double scale;
    private final Supplier<GraphTruth> truth;

    private GraphSuite(double scale, Supplier<GraphTruth> truth) {
        this.scale = scale;
        this.truth = truth;
    }

    /** The suite at {@code scale}, its ground truth computed from the TPC-H generator on first use (then kept). */
    public static GraphSuite create(double scale) {
        return of(scale, () -> GraphTruth.of(scale));
    }

    /** The suite checked against {@code truth} (e.g. computed from a reference store's scan), made on first use. */
    public static GraphSuite of(double scale, Supplier<GraphTruth> truth) {
        return new GraphSuite(scale, memoize(truth));
    }

    private static Supplier<GraphTruth> memoize(Supplier<GraphTruth> supplier) {
        return new Supplier<>() {
            private GraphTruth value;

            @Override
            public synchronized GraphTruth get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    public double scale() {
        return scale;
    }

    /** The ground truth (computed now if it was not yet). */
    public GraphTruth truth() {
        return truth.get();
    }

    @Override
    public String name() {
        return "graph";
    }

    @Override
    public String description() {
        return "graph traversals at SF " + TpchSource.formatScale(scale) + ": co-purchase top " + LIMIT
                + " for customers " + CO_PURCHASE_CUSTOMERS + ", customers reachable within 1-4 hops of customer "
                + REACH_CUSTOMER + " (a hop: customer-order-part-order-customer); answers checked against a ground"
                + " truth dbx computes from the generator's rows";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("scale", TpchSource.formatScale(scale));
        p.put(
                "co-purchase customers",
                CO_PURCHASE_CUSTOMERS.stream().map(String::valueOf).collect(Collectors.joining(",")));
        p.put("limit", String.valueOf(LIMIT));
        p.put("reach customer", String.valueOf(REACH_CUSTOMER));
        p.put("hops", HOPS.stream().map(String::valueOf).collect(Collectors.joining(",")));
        return p;
    }

    @Override
    public Optional<String> notApplicable(Store store) {
        return store.capability(Graph.class).isPresent()
                ? Optional.empty()
                : Optional.of("no graph traversals (" + store.id() + " has no Graph capability)");
    }

    @Override
    public List<SuiteQuery<?>> queries(Store store) {
        Graph graph = store.require(Graph.class);
        List<SuiteQuery<?>> out = new ArrayList<>();
        for (long customer : CO_PURCHASE_CUSTOMERS) {
            out.add(new CoPurchaseQuery(graph, customer));
        }
        for (int hops : HOPS) {
            out.add(new ReachQuery(graph, REACH_CUSTOMER, hops));
        }
        return out;
    }

    /** The store's own caches, through its {@link Analytics} where it has one; nothing otherwise. */
    @Override
    public CacheDrop dropCaches(Store store) {
        return store.capability(Analytics.class)
                .map(Analytics::dropCaches)
                .orElseGet(() -> CacheDrop.nothing("the engine's caches (" + store.id() + " cannot drop them)"));
    }

    @Override
    public boolean comparesAcrossStores() {
        return true;
    }

    /** Whether {@code answer} is the expected co-purchase list; the first difference when it is not. */
    public static Verdict checkCoPurchase(List<Recommendation> expected, List<Recommendation> answer) {
        for (int i = 0; i < Math.max(expected.size(), answer.size()); i++) {
            Recommendation want = i < expected.size() ? expected.get(i) : null;
            Recommendation got = i < answer.size() ? answer.get(i) : null;
            if (want == null || !want.equals(got)) {
                return Verdict.wrong("recommendation " + (i + 1) + " is " + describe(got) + ", expected "
                        + describe(want) + " (" + answer.size() + " returned, " + expected.size() + " expected)");
            }
        }
        return Verdict.right();
    }

    /** Whether {@code answer} is the expected reach; what differs when it is not. */
    public static Verdict checkReach(Reach expected, Reach answer) {
        if (expected.equals(answer)) {
            return Verdict.right();
        }
        return Verdict.wrong("reached " + answer.customers() + " customers (key sum " + answer.keySum() + ") within "
                + answer.hops() + " hops, expected " + expected.customers() + " (key sum " + expected.keySum()
                + ") within " + expected.hops());
    }

    private static String describe(Recommendation r) {
        return r == null ? "missing" : "part " + r.part() + " (" + r.customers() + " customers)";
    }

    /** Co-purchase recommendations for one customer. */
    private final class CoPurchaseQuery implements SuiteQuery<List<Recommendation>> {
        private final Graph graph;
        private final long customer;

        CoPurchaseQuery(Graph graph, long customer) {
            this.graph = graph;
            this.customer = customer;
        }

        @Override
        public String name() {
            return "co-purchase-c" + customer;
        }

        @Override
        public Optional<String> unsupported() {
            return graph.unsupported(Graph.Query.CO_PURCHASE);
        }

        @Override
        public List<Recommendation> execute(Duration timeout) {
            return graph.coPurchase(customer, LIMIT, timeout);
        }

        @Override
        public Verdict check(List<Recommendation> answer) {
            return checkCoPurchase(truth.get().coPurchase(customer, LIMIT), answer);
        }

        @Override
        public String digest(List<Recommendation> answer) {
            return answer.stream().map(r -> r.part() + ":" + r.customers()).collect(Collectors.joining(","));
        }
    }

    /** The customers reachable within some hops of one customer. */
    private final class ReachQuery implements SuiteQuery<Reach> {
        private final Graph graph;
        private final long customer;
        private final int hops;

        ReachQuery(Graph graph, long customer, int hops) {
            this.graph = graph;
            this.customer = customer;
            this.hops = hops;
        }

        @Override
        public String name() {
            return "reach-c" + customer + "-k" + hops;
        }

        @Override
        public Optional<String> unsupported() {
            return graph.unsupported(Graph.Query.REACHABLE);
        }

        @Override
        public Reach execute(Duration timeout) {
            return graph.reachable(customer, hops, timeout);
        }

        @Override
        public Verdict check(Reach answer) {
            return checkReach(truth.get().reachable(customer, hops), answer);
        }

        @Override
        public String digest(Reach answer) {
            return answer.customers() + " customers, key sum " + answer.keySum();
        }
    }
}
