package dev.dbx.lab;

import dev.dbx.core.DbxException;
import dev.dbx.workloads.graph.GraphSuite;
import dev.dbx.workloads.query.QuerySuite;
import dev.dbx.workloads.search.SearchSuite;
import dev.dbx.workloads.tpch.TpchSuite;
import java.util.List;

/** The query suites {@code dbx bench} runs, by name. */
public final class QuerySuites {
    /** Every suite's name, in the order {@code dbx bench --help} lists them. */
    public static final List<String> NAMES = List.of("tpch", "tpch-native", "search", "graph");

    private QuerySuites() {}

    /** What a suite runs, for help texts. */
    public static String description(String name) {
        return switch (name) {
            case "tpch" ->
                "TPC-H's 22 queries in each SQL engine's dialect, every answer checked against the published one.";
            case "tpch-native" ->
                "TPC-H Q1, Q3, Q6, Q10, Q12, Q14 in each engine's own language (aggregation pipelines, search"
                        + " aggregations, Cypher, SQL), every answer checked against the published one.";
            case "search" ->
                "Full-text queries over the order comments (a term, two ANDed, a phrase, a prefix, a rare and a frequent"
                        + " term): match counts against dbx's own ground truth under each engine's matching rule, and"
                        + " each ranking's top-10 overlap with OpenSearch's.";
            case "graph" ->
                "Co-purchase recommendations and k-hop reachability (k = 1..4) over customer-order-part, checked"
                        + " against dbx's own ground truth and across stores.";
            default -> throw unknown(name);
        };
    }

    /** The suite {@code name} over TPC-H at {@code scale}, limited to {@code only} when given. */
    public static QuerySuite named(String name, double scale, List<String> only) {
        return switch (name) {
            case "tpch" ->
                only == null || only.isEmpty()
                        ? TpchSuite.all(scale)
                        : TpchSuite.all(scale).only(only);
            case "tpch-native" ->
                only == null || only.isEmpty()
                        ? TpchSuite.nativeSubset(scale)
                        : TpchSuite.nativeSubset(scale).only(only);
            case "search" ->
                only == null || only.isEmpty()
                        ? SearchSuite.create(scale)
                        : SearchSuite.create(scale).only(only);
            case "graph" -> {
                if (only != null && !only.isEmpty()) {
                    throw new DbxException("--queries is not offered for graph", "it runs its whole fixed set");
                }
                yield GraphSuite.create(scale);
            }
            default -> throw unknown(name);
        };
    }

    private static DbxException unknown(String name) {
        return new DbxException("no query suite " + name, "use one of " + String.join(", ", NAMES));
    }
}
