package dev.dbx.workloads.search;

import dev.dbx.core.capability.TextSearch;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.query.CacheDrop;
import dev.dbx.core.query.search.MatchingRule;
import dev.dbx.core.query.search.SearchQuery;
import dev.dbx.core.query.search.SearchResult;
import dev.dbx.core.store.Store;
import dev.dbx.workloads.dataset.TpchSource;
import dev.dbx.workloads.query.QueryResult;
import dev.dbx.workloads.query.QuerySuite;
import dev.dbx.workloads.query.SuiteQuery;
import dev.dbx.workloads.query.SuiteRun;
import dev.dbx.workloads.query.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * dbx's full-text queries ({@link SearchQueries}: a term, a frequent and a rare term, two terms ANDed, a phrase, a
 * prefix, a stop word) over TPC-H's order comments, through each store's {@link TextSearch}. Each answer's match count
 * is checked against a ground truth dbx computes itself from the canonical rows ({@link TpchSource}) under the
 * engine's declared {@link MatchingRule}; where that rule matches differently from exact words (a stemmer, a stop
 * word), the verdict's reason says how and why. The top 10 of each ranking engine are compared with OpenSearch's
 * ({@link #withOverlaps}), across the runs of several stores.
 */
public final class SearchSuite implements QuerySuite {
    public static final String NAME = "search";

    /** How many ranked keys each query returns, and the depth of the overlap compared. */
    public static final int TOP_K = 10;

    /** The store whose ranking the others are compared with: OpenSearch's BM25 with the english analyzer. */
    public static final String REFERENCE_STORE = "elasticsearch";

    private final double scale;
    private final List<SearchQuery> queries;
    private final Supplier<Iterator<String>> texts;
    private final Map<List<Object>, Map<String, GroundTruth.Answer>> truths = new HashMap<>();

    SearchSuite(double scale, List<SearchQuery> queries, Supplier<Iterator<String>> texts) {
        this.scale = scale;
        this.queries = List.copyOf(queries);
        this.texts = texts;
    }

    /** The whole query set over TPC-H at {@code scale}, with its ground truth computed from the generator's rows. */
    public static SearchSuite create(double scale) {
        return new SearchSuite(scale, SearchQueries.ALL, () -> comments(new TpchSource(scale)));
    }

    /** Only {@code names}, in the order given. */
    public SearchSuite only(List<String> names) {
        return new SearchSuite(scale, names.stream().map(SearchQueries::named).toList(), texts);
    }

    public double scale() {
        return scale;
    }

    public List<SearchQuery> searchQueries() {
        return queries;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "full-text search over orders.o_comment at SF " + TpchSource.formatScale(scale) + ": "
                + queries.stream().map(SearchQuery::toString).collect(Collectors.joining(", "))
                + "; match counts checked against dbx's ground truth under each engine's matching rule, top "
                + TOP_K + " compared with " + REFERENCE_STORE + "'s";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("scale", TpchSource.formatScale(scale));
        p.put("searched", TextSearch.ENTITY + "." + TextSearch.COLUMN);
        p.put("queries", queries.stream().map(q -> q.name() + "=" + q.display()).collect(Collectors.joining(",")));
        p.put("topK", String.valueOf(TOP_K));
        return p;
    }

    @Override
    public Optional<String> notApplicable(Store store) {
        return store.capability(TextSearch.class).isPresent()
                ? Optional.empty()
                : Optional.of("no full-text search (" + store.id() + " has no TextSearch capability)");
    }

    @Override
    public List<SuiteQuery<?>> queries(Store store) {
        TextSearch search = store.require(TextSearch.class);
        List<SuiteQuery<?>> out = new ArrayList<>();
        for (SearchQuery query : queries) {
            out.add(new Query(search, query));
        }
        return out;
    }

    @Override
    public CacheDrop dropCaches(Store store) {
        return store.require(TextSearch.class).dropCaches();
    }

    /**
     * The ground truth for {@code rule}: each query's answer by name, computed once per rule (the ranking aside) from
     * every comment at this scale.
     */
    public synchronized Map<String, GroundTruth.Answer> truth(MatchingRule rule) {
        List<Object> key = List.of(rule.tokenizer(), rule.stemmer(), rule.stopWords(), rule.prefix());
        Map<String, GroundTruth.Answer> known = truths.get(key);
        if (known == null) {
            known = GroundTruth.compute(texts.get(), TextAnalyzer.forRule(rule), queries);
            truths.put(key, known);
        }
        return known;
    }

    /** Whether {@code result} is right for {@code query} under {@code rule}, with the rule's difference from words. */
    public Verdict check(SearchQuery query, MatchingRule rule, SearchResult result) {
        Optional<String> unmodelled = TextAnalyzer.unmodelled(rule);
        if (unmodelled.isPresent()) {
            return Verdict.unchecked(result.matches() + " matches, unchecked: " + unmodelled.get());
        }
        GroundTruth.Answer expected = truth(rule).get(query.name());
        GroundTruth.Answer words = truth(MatchingRule.exactWords("none")).get(query.name());
        String difference = difference(expected, words, rule);
        if (result.matches() != expected.matches()) {
            return Verdict.wrong(result.matches() + " matches, expected " + expected.matches() + " under its rule ("
                    + rule.description() + ")" + (difference == null ? "" : "; " + difference));
        }
        long shown = Math.min(TOP_K, expected.matches());
        if (result.topKeys().size() != shown || new HashSet<>(result.topKeys()).size() != shown) {
            return Verdict.wrong("the right count (" + result.matches() + ") but "
                    + result.topKeys().size() + " distinct top keys, not " + shown + ": " + result.topKeys());
        }
        return difference == null ? Verdict.right() : new Verdict(true, difference);
    }

    /** How the rule's answer differs from exact words, and why; null when it does not. */
    static String difference(GroundTruth.Answer rule, GroundTruth.Answer words, MatchingRule matching) {
        if (rule.note() != null) {
            return rule.note() + " (as exact words: " + words.matches() + " matches)";
        }
        if (rule.matches() == words.matches() && rule.words().equals(words.words())) {
            return null;
        }
        StringBuilder out = new StringBuilder("exact words would match " + words.matches() + ", not "
                + rule.matches() + " (" + matching.stemmer().description() + ", "
                + matching.stopWords().description() + ")");
        SortedSet<String> extra = new TreeSet<>(rule.words());
        extra.removeAll(words.words());
        SortedSet<String> missing = new TreeSet<>(words.words());
        missing.removeAll(rule.words());
        if (!extra.isEmpty()) {
            out.append(": also matched through ").append(quoted(extra));
        }
        if (!missing.isEmpty()) {
            out.append(extra.isEmpty() ? ": " : "; ").append("not through ").append(quoted(missing));
        }
        return out.toString();
    }

    private static String quoted(SortedSet<String> words) {
        List<String> shown = words.stream().limit(8).map(w -> "'" + w + "'").toList();
        return String.join(", ", shown) + (words.size() > shown.size() ? " and " + (words.size() - 8) + " more" : "");
    }

    /** One store's top keys for one query, as its digest carries them. */
    public record Ranking(long matches, boolean ranked, List<Long> top) {
        static String digest(SearchResult result, boolean ranked) {
            return "matches=" + result.matches() + (ranked ? " ranked" : " key-order") + " top="
                    + result.topKeys().stream().map(String::valueOf).collect(Collectors.joining(","));
        }

        static Optional<Ranking> parse(String digest) {
            if (digest == null || !digest.startsWith("matches=")) {
                return Optional.empty();
            }
            String[] f = digest.split(" ");
            String top = f[2].substring("top=".length());
            return Optional.of(new Ranking(
                    Long.parseLong(f[0].substring("matches=".length())),
                    f[1].equals("ranked"),
                    top.isEmpty()
                            ? List.of()
                            : Arrays.stream(top.split(",")).map(Long::valueOf).toList()));
        }
    }

    /**
     * How many of {@code store}'s top keys for {@code query} are among the reference store's.
     *
     * @param common keys in both top lists
     * @param of the reference's list length (at most {@link #TOP_K})
     */
    public record Overlap(String store, String query, int common, int of) {
        @Override
        public String toString() {
            return "top-" + TOP_K + " overlap with " + REFERENCE_STORE + ": " + common + "/" + of;
        }
    }

    /**
     * Each ranking store's top-10 overlap with {@link #REFERENCE_STORE}'s, query by query, from the digests of their
     * runs of this suite; empty when the reference did not run. Engines that do not rank (a scan in key order),
     * queries that did not run on both, and queries the reference matched nothing with are left out.
     */
    public static List<Overlap> overlaps(List<SuiteRun> runs) {
        Optional<SuiteRun> reference = runs.stream()
                .filter(r -> r.store().equals(REFERENCE_STORE) && r.suite().equals(NAME))
                .findFirst();
        if (reference.isEmpty()) {
            return List.of();
        }
        Map<String, Ranking> expected = new HashMap<>();
        for (QueryResult q : reference.get().queries()) {
            Ranking.parse(q.digest()).filter(Ranking::ranked).ifPresent(r -> expected.put(q.query(), r));
        }
        List<Overlap> out = new ArrayList<>();
        for (SuiteRun run : runs) {
            if (run == reference.get() || !run.suite().equals(NAME)) {
                continue;
            }
            for (QueryResult q : run.queries()) {
                Ranking theirs = Ranking.parse(q.digest()).orElse(null);
                Ranking ours = expected.get(q.query());
                if (theirs == null
                        || ours == null
                        || !theirs.ranked()
                        || ours.top().isEmpty()) {
                    continue;
                }
                Set<Long> common = new HashSet<>(ours.top());
                common.retainAll(theirs.top());
                out.add(new Overlap(
                        run.store(), q.query(), common.size(), ours.top().size()));
            }
        }
        return out;
    }

    @Override
    public List<SuiteRun> acrossStores(List<SuiteRun> runs) {
        return withOverlaps(runs);
    }

    /** {@code runs} with each ranking store's overlap ({@link #overlaps}) added to its queries' reasons. */
    public static List<SuiteRun> withOverlaps(List<SuiteRun> runs) {
        Map<String, Overlap> byStoreQuery = new HashMap<>();
        for (Overlap o : overlaps(runs)) {
            byStoreQuery.put(o.store() + "/" + o.query(), o);
        }
        List<SuiteRun> out = new ArrayList<>();
        for (SuiteRun run : runs) {
            List<QueryResult> queries = new ArrayList<>();
            for (QueryResult q : run.queries()) {
                Overlap o = byStoreQuery.get(run.store() + "/" + q.query());
                queries.add(
                        o == null
                                ? q
                                : new QueryResult(
                                        q.query(),
                                        q.coldMs(),
                                        q.hotMs(),
                                        q.runsMs(),
                                        q.correct(),
                                        q.reason() == null ? o.toString() : q.reason() + "; " + o,
                                        q.digest()));
            }
            out.add(run.withQueries(queries));
        }
        return out;
    }

    private static Iterator<String> comments(TpchSource source) {
        Entity orders = TpchSchema.DATASET.entity(TextSearch.ENTITY);
        int column = orders.indexOf(TextSearch.COLUMN);
        RowStream rows = source.rows(orders);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean more = rows.hasNext();
                if (!more) {
                    rows.close();
                }
                return more;
            }

            @Override
            public String next() {
                return (String) rows.next()[column];
            }
        };
    }

    private final class Query implements SuiteQuery<SearchResult> {
        private final TextSearch search;
        private final SearchQuery query;

        Query(TextSearch search, SearchQuery query) {
            this.search = search;
            this.query = query;
        }

        @Override
        public String name() {
            return query.name();
        }

        @Override
        public Optional<String> unsupported() {
            return search.unsupported(query);
        }

        @Override
        public SearchResult execute(Duration timeout) {
            return search.search(query, TOP_K, timeout);
        }

        @Override
        public Verdict check(SearchResult answer) {
            return SearchSuite.this.check(query, search.rule(), answer);
        }

        @Override
        public String digest(SearchResult answer) {
            return Ranking.digest(answer, search.rule().ranked());
        }
    }
}
