package dev.dbx.lab;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.Explain;
import dev.dbx.core.query.QueryPlan;
import dev.dbx.core.store.Store;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code dbx explain}: one query's plan from one store, in the engine's own words and summarised. */
public final class Plans {
    private Plans() {}

    /**
     * A plan and what it is of.
     *
     * @param store the store
     * @param server the server that planned it, as it calls itself
     * @param workload the workload the query is from ("given" for a query typed in)
     * @param query the query's name
     * @param language the query's language
     * @param text the query as sent
     * @param plan the plan
     */
    public record Explained(
            String store, String server, String workload, String query, String language, String text, QueryPlan plan) {}

    /** Explains {@code query} of {@code source} on store {@code storeId}, running it too with {@code analyze}. */
    public static Explained explain(
            Lab lab, String storeId, QueryTexts source, String query, boolean analyze, Duration timeout) {
        StoreTarget target =
                StoreSelection.resolve(lab, List.of(storeId)).targets().get(0);
        try (Store store = lab.open(target)) {
            Explain explain = requireExplain(store);
            String text = textOf(store, source, query);
            String server = store.identity().toString();
            QueryPlan plan = explain.explain(text, analyze, timeout);
            return new Explained(store.id(), server, source.workload(), query, explain.language(), text, plan);
        }
    }

    static Explain requireExplain(Store store) {
        return store.capability(Explain.class)
                .orElseThrow(() -> new DbxException(
                        "store " + store.id() + " cannot explain queries (it has no Explain capability"
                                + lacking(store.id()) + ")",
                        "stores that explain: postgres, sqlite, duckdb, and those whose `dbx explain` says so"));
    }

    private static String lacking(String id) {
        return switch (id) {
            case "redis" -> ": Redis has no query planner";
            case "mongo" ->
                ": the local server is mongo-java-server, which has no explain command; a real MongoDB reached by"
                        + " URI would have one";
            case "clickhouse" -> ": ClickHouse 18.16 has no EXPLAIN statement";
            default -> "";
        };
    }

    /** The query's text on {@code store}, after checking the store holds the workload's dataset and has the query. */
    static String textOf(Store store, QueryTexts source, String query) {
        if (source.dataset() != null) {
            Optional<DatasetModel> model = store.capability(DatasetModel.class);
            if (model.isPresent() && !model.get().isLoaded(source.dataset())) {
                throw new DbxException(
                        "store " + store.id() + " holds no " + source.dataset().name() + " dataset",
                        "load it first: dbx load --dataset " + source.dataset().name() + " --stores " + store.id());
            }
        }
        if (!source.queries().contains(query)) {
            throw new DbxException(
                    "the " + source.workload() + " workload has no query '" + query + "'",
                    "its queries: " + String.join(", ", source.queries()));
        }
        Optional<String> why = source.unsupported(store, query);
        if (why.isPresent()) {
            throw new DbxException(
                    "store " + store.id() + " has no " + source.workload() + " " + query + ": " + why.get());
        }
        return source.text(store, query);
    }
}
