package dev.dbx.lab;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.Analytics;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.store.Store;
import dev.dbx.workloads.query.QuerySuite;
import dev.dbx.workloads.tpch.TpchAnswers;
import dev.dbx.workloads.tpch.TpchSuite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the text of a workload's queries comes from, for {@code dbx explain} and {@code dbx advise}: TPC-H's through
 * each store's {@link Analytics}, or queries given on the command line. Other workloads (search, graph) register
 * their own with {@link #register}.
 */
public interface QueryTexts {
    /** E.g. "tpch". */
    String workload();

    /** The dataset the queries read (the store must hold it), or null when they read no dataset of dbx's. */
    Dataset dataset();

    /** The workload's query names, in order. */
    List<String> queries();

    /** Why {@code store} does not have {@code query} in its language, or empty when it does. */
    Optional<String> unsupported(Store store, String query);

    /** The query's text as {@code store} runs it; call only when {@link #unsupported} is empty. */
    String text(Store store, String query);

    /**
     * A suite that runs (and checks) {@code queries} on a store, to time them before and after a change, or empty when
     * there is none (then the queries are timed through the engine's EXPLAIN ANALYZE or a plain run).
     */
    default Optional<QuerySuite> suite(Store store, Double scale, List<String> queries) {
        return Optional.empty();
    }

    /** The texts of every query {@code store} has, by name; the others are listed in {@code skipped} with why. */
    default Map<String, String> texts(Store store, List<String> skipped) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String query : queries()) {
            Optional<String> why = unsupported(store, query);
            if (why.isPresent()) {
                skipped.add(query + ": " + why.get());
            } else {
                texts.put(query, text(store, query));
            }
        }
        return texts;
    }

    /** The workload named {@code name}, or a clear error listing the known ones. */
    static QueryTexts of(String name) {
        QueryTexts found = Registry.WORKLOADS.get(name);
        if (found == null) {
            throw new DbxException(
                    "unknown workload '" + name + "'",
                    "known workloads: " + String.join(", ", Registry.WORKLOADS.keySet())
                            + " (or give the query itself with --text)");
        }
        return found;
    }

    /** Makes {@code texts} known by its {@link #workload} name (a search or graph workload, say). */
    static void register(QueryTexts texts) {
        Registry.WORKLOADS.put(texts.workload(), texts);
    }

    /** Queries given as text (name to text), in the store's own language; they read whatever they read. */
    static QueryTexts given(Map<String, String> queries) {
        Map<String, String> copy = new LinkedHashMap<>(queries);
        return new QueryTexts() {
            @Override
            public String workload() {
                return "given";
            }

            @Override
            public Dataset dataset() {
                return null;
            }

            @Override
            public List<String> queries() {
                return new ArrayList<>(copy.keySet());
            }

            @Override
            public Optional<String> unsupported(Store store, String query) {
                return copy.containsKey(query) ? Optional.empty() : Optional.of("no query named " + query);
            }

            @Override
            public String text(Store store, String query) {
                return copy.get(query);
            }
        };
    }

    /** TPC-H's 22 queries, in each store's language, through its {@link Analytics}. */
    final class Tpch implements QueryTexts {
        @Override
        public String workload() {
            return "tpch";
        }

        @Override
        public Dataset dataset() {
            return TpchSchema.DATASET;
        }

        @Override
        public List<String> queries() {
            return TpchAnswers.QUERIES;
        }

        @Override
        public Optional<String> unsupported(Store store, String query) {
            if (!TpchAnswers.QUERIES.contains(query)) {
                throw new DbxException("TPC-H has no query '" + query + "'", "use q01 to q22");
            }
            Optional<Analytics> analytics = store.capability(Analytics.class);
            if (analytics.isEmpty()) {
                return Optional.of("store " + store.id() + " has no Analytics capability (no TPC-H query texts)");
            }
            return analytics.get().unsupported("tpch", query);
        }

        @Override
        public String text(Store store, String query) {
            return store.require(Analytics.class).text("tpch", query);
        }

        @Override
        public Optional<QuerySuite> suite(Store store, Double scale, List<String> queries) {
            if (!store.capabilities().has(Analytics.class) || queries.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(TpchSuite.all(scale == null ? 0 : scale).only(queries));
        }
    }

    /** The workloads known by name. */
    final class Registry {
        static final Map<String, QueryTexts> WORKLOADS = new java.util.concurrent.ConcurrentSkipListMap<>();

        static {
            WORKLOADS.put("tpch", new Tpch());
        }

        private Registry() {}
    }
}
