package dev.dbx.app;

import dev.dbx.core.DbxException;
import dev.dbx.core.config.ConfigLoader;
import dev.dbx.lab.Plans;
import dev.dbx.lab.QueryTexts;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = {
            "The engine's own plan for one query, summarised: each operator with the",
            "relation and index it reads, whether an index or a full scan answered it,",
            "estimated and actual rows, and time where the engine gives it. PostgreSQL:",
            "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON); SQLite: EXPLAIN QUERY PLAN (and a",
            "timed run); DuckDB: EXPLAIN (ANALYZE, FORMAT JSON). The query runs (inside a",
            "transaction rolled back) unless --no-analyze. A store without a planner to ask",
            "says so.",
            "",
            "  dbx explain --store postgres --workload tpch --query q05",
            "  dbx explain --store sqlite --text \"SELECT * FROM orders WHERE o_custkey = 7\" --raw"
        })
final class ExplainCommand implements Callable<Integer> {
    @ParentCommand
    Dbx dbx;

    @Option(
            names = "--workload",
            paramLabel = "NAME",
            defaultValue = "tpch",
            description = "Whose query: tpch (default), or a workload other commands registered.")
    String workload;

    @Option(names = "--query", paramLabel = "NAME", description = "The workload's query, e.g. q05.")
    String query;

    @Option(
            names = "--text",
            paramLabel = "QUERY",
            description = "A query of your own, in the store's language, instead of a workload's.")
    String text;

    @Option(
            names = "--no-analyze",
            description = "Only plan the query (by default it also runs, for actual rows and times).")
    boolean noAnalyze;

    @Option(names = "--raw", description = "Print the engine's own output as it came.")
    boolean raw;

    @Option(
            names = "--query-timeout",
            paramLabel = "DURATION",
            defaultValue = "5m",
            description = "Longest the query may run (default: 5m); the engine cancels it.")
    String queryTimeout;

    @Option(
            names = "--json",
            description =
                    "Print JSON: {\"store\", \"server\", \"workload\", \"query\", \"language\", \"text\","
                            + " \"plan\": {\"method\", \"analyzed\", \"totalMs\", \"totalCost\", \"root\", \"raw\", \"notes\"}}.")
    boolean json;

    @Override
    public Integer call() {
        String store = dbx.chosenStore();
        if ((query == null) == (text == null)) {
            throw new DbxException(
                    "give either --query NAME (a workload's query) or --text QUERY",
                    "e.g. dbx explain --store " + store + " --workload tpch --query q05");
        }
        Duration timeout = ConfigLoader.parseDuration("--query-timeout", queryTimeout);
        QueryTexts source = text != null ? QueryTexts.given(Map.of("text", text)) : QueryTexts.of(workload);
        Plans.Explained explained =
                Plans.explain(dbx.lab(), store, source, text != null ? "text" : query, !noAnalyze, timeout);
        if (json) {
            PlanRendering.json(explained, System.out);
        } else if (raw) {
            System.out.println(explained.plan().raw());
        } else {
            PlanRendering.table(explained, System.out);
        }
        return 0;
    }
}
