package dev.dbx.app;

import dev.dbx.core.DbxException;
import dev.dbx.core.config.ConfigLoader;
import dev.dbx.lab.IndexAdvice;
import dev.dbx.lab.QueryTexts;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "advise",
        mixinStandardHelpOptions = true,
        description = {
            "Index advice from a workload's plans: the full scans an index would serve, the",
            "indexes that would serve them, and the gain the planner expects, found without",
            "keeping anything (each index is created inside a transaction, the queries",
            "planned again, or timed where the planner gives no cost, and rolled back).",
            "Nothing is changed without --apply, which builds them (named dbx_advised_...)",
            "and measures the affected queries and a small write workload (1000 rows",
            "inserted and deleted, rolled back) before and after, with each index's size.",
            "--revert drops every index dbx added, and nothing else.",
            "",
            "  dbx advise --store postgres --workload tpch",
            "  dbx advise --store sqlite --workload tpch --apply",
            "  dbx advise --store sqlite --revert"
        })
final class AdviseCommand implements Callable<Integer> {
    @ParentCommand
    Dbx dbx;

    @Option(
            names = "--workload",
            paramLabel = "NAME",
            defaultValue = "tpch",
            description = "Whose queries: tpch (default), or a workload other commands registered.")
    String workload;

    @Option(
            names = "--text",
            paramLabel = "QUERY",
            description = "Queries of your own instead of a workload's (repeat the option for more).")
    List<String> texts;

    @Option(names = "--apply", description = "Build the proposed indexes and measure before and after.")
    boolean apply;

    @Option(names = "--revert", description = "Drop every index dbx added to the store.")
    boolean revert;

    @Option(
            names = "--query-timeout",
            paramLabel = "DURATION",
            defaultValue = "5m",
            description = "Longest one query may run (default: 5m).")
    String queryTimeout;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() {
        String store = dbx.chosenStore();
        if (apply && revert) {
            throw new DbxException("--apply and --revert together make no sense", "choose one");
        }
        IndexAdvice.Report report;
        if (revert) {
            report = IndexAdvice.revert(dbx.lab(), store);
        } else {
            Duration timeout = ConfigLoader.parseDuration("--query-timeout", queryTimeout);
            QueryTexts source;
            if (texts != null && !texts.isEmpty()) {
                Map<String, String> given = new LinkedHashMap<>();
                for (int i = 0; i < texts.size(); i++) {
                    given.put("text" + (i + 1), texts.get(i));
                }
                source = QueryTexts.given(given);
            } else {
                source = QueryTexts.of(workload);
            }
            report = IndexAdvice.advise(dbx.lab(), store, source, apply, timeout);
        }
        if (json) {
            AdviceRendering.json(report, System.out);
        } else {
            AdviceRendering.text(report, System.out);
        }
        return 0;
    }
}
