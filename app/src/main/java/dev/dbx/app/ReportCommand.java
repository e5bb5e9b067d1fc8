package dev.dbx.app;

import dev.dbx.app.report.HtmlReport;
import dev.dbx.app.report.MarkdownReport;
import dev.dbx.core.DbxException;
import dev.dbx.runs.RunStore;
import dev.dbx.runs.RunSummary;
import dev.dbx.workloads.runner.BenchmarkRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Write stored runs as one self-contained HTML page (charts and tables; it opens from the file with no",
            "network) or as Markdown (tables, with the charts' figures summarised). Without RUN: the newest run, with",
            "the rest of its sweep or repeat."
        })
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    Dbx dbx;

    @Parameters(
            arity = "0..*",
            paramLabel = "RUN",
            description = "Runs by id, or the start of an id when that names one run (name every run of a sweep to"
                    + " get its curves).")
    List<String> ids = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the report.")
    Path out;

    @Option(
            names = "--format",
            paramLabel = "html|md",
            defaultValue = "html",
            description = "html (default): a page with charts; md: Markdown.")
    String format;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    @Override
    public Integer call() {
        boolean markdown = markdown(format);
        OutputFile.check(out, force);
        List<BenchmarkRun> runs = runs();
        String text = markdown ? MarkdownReport.render(runs) : HtmlReport.render(runs);
        long bytes = OutputFile.write(out, force, text);
        System.out.println("report of " + runs.size() + " run(s) written to " + out + " (" + Format.bytes(bytes) + ")"
                + (markdown ? "" : "; open " + out.toAbsolutePath().toUri()));
        return 0;
    }

    /** The runs named, each once, in the order named; or the newest run's whole group. */
    private List<BenchmarkRun> runs() {
        try (RunStore store = RunStore.open(dbx.lab().dataDir())) {
            if (ids.isEmpty()) {
                List<RunSummary> stored = store.list();
                if (stored.isEmpty()) {
                    throw new DbxException(
                            "no runs stored yet in " + store.file(), "dbx bench <workload> measures and stores one");
                }
                return store.group(stored.getFirst().id());
            }
            LinkedHashSet<String> named = new LinkedHashSet<>();
            ids.forEach(id -> named.add(store.resolve(id)));
            return named.stream().map(store::get).toList();
        }
    }

    private static boolean markdown(String format) {
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "html" -> false;
            case "md", "markdown" -> true;
            default -> throw new DbxException("unknown --format '" + format + "'", "use html or md");
        };
    }
}
