package dev.dbx.lab;

import dev.dbx.core.DbxException;
import dev.dbx.workloads.query.QuerySuite;
import dev.dbx.workloads.tpch.TpchSuite;
import java.util.List;

/** The query suites {@code dbx bench} runs, by name. */
public final class QuerySuites {
    /** Every suite's name, in the order {@code dbx bench --help} lists them. */
    public static final List<String> NAMES = List.of("tpch", "tpch-native");

    private QuerySuites() {}

    /** What a suite runs, for help texts. */
    public static String description(String name) {
        return switch (name) {
            case "tpch" ->
                "TPC-H's 22 queries in each SQL engine's dialect, every answer checked against the published one.";
            case "tpch-native" ->
                "TPC-H Q1, Q3, Q6, Q10, Q12, Q14 in each engine's own language (aggregation pipelines, search"
                        + " aggregations, Cypher, SQL), every answer checked against the published one.";
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
            default -> throw unknown(name);
        };
    }

    private static DbxException unknown(String name) {
        return new DbxException("no query suite " + name, "use one of " + String.join(", ", NAMES));
    }
}
