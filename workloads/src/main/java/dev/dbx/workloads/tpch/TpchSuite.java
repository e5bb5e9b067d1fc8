package dev.dbx.workloads.tpch;

import dev.dbx.core.capability.Analytics;
import dev.dbx.core.query.CacheDrop;
import dev.dbx.core.query.ResultTable;
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

/**
 * TPC-H's queries through each store's {@link Analytics}, every answer checked against the published one for the scale
 * factor: all 22 ("tpch", the SQL engines' dialects), or the six that the document, search and graph engines answer
 * natively ("tpch-native": Q1, Q3, Q6, Q10, Q12, Q14 — pricing summary, shipping priority, revenue forecast, returned
 * items, shipping modes, promotion effect), which the SQL engines can run too, for comparison.
 */
public final class TpchSuite implements QuerySuite {
    /** The queries every store with {@link Analytics} answers in its own language. */
    public static final List<String> NATIVE = List.of("q01", "q03", "q06", "q10", "q12", "q14");

    private static final String SUITE = "tpch";

    private final String name;
    private final double scale;
    private final List<String> queries;

    private TpchSuite(String name, double scale, List<String> queries) {
        this.name = name;
        this.scale = scale;
        this.queries = List.copyOf(queries);
    }

    /** All 22 queries. */
    public static TpchSuite all(double scale) {
        return new TpchSuite("tpch", scale, TpchAnswers.QUERIES);
    }

    /** The six queries every store with {@link Analytics} answers natively. */
    public static TpchSuite nativeSubset(double scale) {
        return new TpchSuite("tpch-native", scale, NATIVE);
    }

    /** Only {@code names} (e.g. q05), in the order given. */
    public TpchSuite only(List<String> names) {
        for (String q : names) {
            if (!TpchAnswers.QUERIES.contains(q)) {
                throw new dev.dbx.core.DbxException("TPC-H has no query " + q, "use q01 to q22");
            }
        }
        return new TpchSuite(name, scale, names);
    }

    public double scale() {
        return scale;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "TPC-H "
                + (queries.size() == 22 ? "Q1-Q22" : String.join(",", queries).toUpperCase())
                + " with the default substitution parameters at SF " + TpchSource.formatScale(scale)
                + (TpchAnswers.published(scale)
                        ? ", answers checked against the published ones"
                        : ", no published answers at this scale");
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("scale", TpchSource.formatScale(scale));
        p.put("queries", String.join(",", queries));
        return p;
    }

    @Override
    public Optional<String> notApplicable(Store store) {
        return store.capability(Analytics.class).isPresent()
                ? Optional.empty()
                : Optional.of("no analytical queries (" + store.id() + " has no Analytics capability)");
    }

    @Override
    public List<SuiteQuery<?>> queries(Store store) {
        Analytics analytics = store.require(Analytics.class);
        List<SuiteQuery<?>> out = new ArrayList<>();
        for (String query : queries) {
            out.add(new TpchQuery(analytics, query));
        }
        return out;
    }

    @Override
    public CacheDrop dropCaches(Store store) {
        return store.require(Analytics.class).dropCaches();
    }

    private final class TpchQuery implements SuiteQuery<ResultTable> {
        private final Analytics analytics;
        private final String query;

        TpchQuery(Analytics analytics, String query) {
            this.analytics = analytics;
            this.query = query;
        }

        @Override
        public String name() {
            return query;
        }

        @Override
        public Optional<String> unsupported() {
            return analytics.unsupported(SUITE, query);
        }

        @Override
        public ResultTable execute(Duration timeout) {
            return analytics.run(SUITE, query, timeout);
        }

        @Override
        public Verdict check(ResultTable answer) {
            return TpchAnswers.answer(scale, query)
                    .map(expected -> AnswerCheck.check(expected, answer))
                    .orElseGet(() -> Verdict.unchecked("no published answer at SF " + TpchSource.formatScale(scale)));
        }

        @Override
        public String digest(ResultTable answer) {
            return answer.size() + " rows";
        }
    }
}
