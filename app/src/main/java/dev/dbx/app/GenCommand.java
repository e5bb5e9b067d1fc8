package dev.dbx.app;

import dev.dbx.lab.DatasetChoice;
import dev.dbx.workloads.dataset.TpchSource;
import dev.dbx.workloads.export.TblWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "gen",
        mixinStandardHelpOptions = true,
        description = {
            "Write TPC-H as dbgen-style .tbl files, the same rows dbx load generates.",
            "For loading with each engine's own tools (psql \\copy, DuckDB COPY) and for dbx import."
        })
final class GenCommand implements Callable<Integer> {
    @ParentCommand
    Dbx dbx;

    @Option(names = "--scale", paramLabel = "SF", description = "TPC-H scale factor (default: 0.01).")
    double scale = DatasetChoice.DEFAULT_SCALE;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the .tbl files.")
    Path out;

    @Option(
            names = "--no-trailing-bar",
            description = "End lines without dbgen's trailing '|' (what COPY ... DELIMITER '|' expects).")
    boolean noTrailingBar;

    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        AtomicLong rows = new AtomicLong();
        List<Path> files = TblWriter.write(new TpchSource(scale), out, !noTrailingBar, rows::addAndGet);
        System.err.println(
                "dbx: wrote " + Format.count(rows.get()) + " rows in " + Format.seconds(System.nanoTime() - t0));
        files.forEach(f -> System.out.println(f));
        return 0;
    }
}
