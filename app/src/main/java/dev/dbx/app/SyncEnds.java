package dev.dbx.app;

import java.util.List;
import picocli.CommandLine.Option;

/** What every sync mode takes: the source, the targets and the dataset. */
final class SyncEnds {
    @Option(names = "--from", paramLabel = "STORE", description = "The source (default: postgres).")
    String from = "postgres";

    @Option(
            names = "--to",
            split = ",",
            required = true,
            paramLabel = "STORE",
            description = "The targets, e.g. mongo,elasticsearch,redis,duckdb,clickhouse,neo4j,sqlite.")
    List<String> to;

    @Option(names = "--dataset", paramLabel = "tpch", description = "The dataset (default: tpch).")
    String dataset = "tpch";
}
