package dev.dbx.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbx.core.DbxException;
import dev.dbx.core.capability.NativeBulkLoad;
import dev.dbx.core.store.Store;
import dev.dbx.lab.Lab;
import dev.dbx.lab.Machine;
import dev.dbx.lab.StoreSelection;
import dev.dbx.lab.StoreTarget;
import dev.dbx.workloads.bench.LoadBenchmark;
import dev.dbx.workloads.dataset.TpchSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "load",
        mixinStandardHelpOptions = true,
        description = {
            "Load throughput: dbx load against each engine's own bulk loader, on the same TPC-H rows.",
            "psql \\copy for PostgreSQL, DuckDB's COPY, redis-cli --pipe for Redis, all reading the same .tbl files;",
            "dbx load reading those files (the ratio) and generating TPC-H (end to end). Same schema, index building",
            "left out; best of --runs each (every run is kept in the results); a load that does not end with exactly",
            "the expected rows and values fails. Results, with every run's raw values, go to <data-dir>/results/ as",
            "JSON."
        })
final class BenchLoadCommand implements Callable<Integer> {
    @ParentCommand
    BenchCommand bench;

    @Option(names = "--scale", split = ",", paramLabel = "SF", description = "TPC-H scale factors (default: 0.1).")
    List<Double> scales = List.of(0.1);

    @Option(
            names = "--stores",
            split = ",",
            paramLabel = "STORE",
            description = "Stores to measure (default: every reachable store with a native loader).")
    List<String> stores;

    @Option(names = "--runs", paramLabel = "N", description = "Runs of each loader; the best counts (default: 2).")
    int runs = 2;

    @Override
    public Integer call() throws IOException {
        Lab lab = bench.dbx.lab();
        StoreSelection selection = StoreSelection.resolve(lab, stores);
        selection.skipped().forEach(s -> System.err.println("  - " + s));
        List<StoreTarget> targets = selection.targets();
        Path benchDir = lab.dataDir().resolve("bench");
        Path work = Files.createDirectories(benchDir.resolve("work"));
        List<LoadBenchmark.Comparison> results = new ArrayList<>();
        boolean failed = false;
        for (double scale : scales) {
            Path tbl = LoadBenchmark.tblFiles(scale, benchDir, m -> System.err.println("dbx: " + m));
            for (StoreTarget target : targets) {
                try (Store store = lab.open(target)) {
                    if (store.capability(NativeBulkLoad.class).isEmpty()) {
                        if (stores != null && !stores.isEmpty()) {
                            throw new DbxException("store " + target.storeId() + " has no native bulk loader");
                        }
                        continue;
                    }
                    results.add(LoadBenchmark.run(store, scale, tbl, work, runs, m -> System.err.println("  " + m)));
                } catch (DbxException e) {
                    failed = true;
                    System.err.println("  ✗ " + target.storeId() + " at SF " + scale + ": " + e.userMessage());
                }
            }
        }
        print(results);
        Path file = save(lab, results);
        System.out.println("results: " + file);
        return failed ? 1 : 0;
    }

    private static void print(List<LoadBenchmark.Comparison> results) {
        TextTable table = new TextTable(
                "STORE",
                "SERVER",
                "SF",
                "ROWS",
                "NATIVE LOADER",
                "NATIVE ROWS/S",
                "DBX ROWS/S (SAME FILES)",
                "RATIO",
                "RATIO PER ROUND",
                "DBX ROWS/S (GENERATING)",
                "PEAK HEAP",
                "LIVE HEAP");
        for (LoadBenchmark.Comparison c : results) {
            table.row(
                    c.store(),
                    c.server(),
                    TpchSource.formatScale(c.scale()),
                    Format.count(c.dbx().rows()),
                    c.nativeLoad().loader(),
                    Format.count(Math.round(c.nativeLoad().rowsPerSecond())),
                    Format.count(Math.round(c.dbx().rowsPerSecond())),
                    String.format(Locale.ROOT, "%.2f", c.ratio()),
                    String.join(
                            " ",
                            c.roundRatios().stream()
                                    .map(r -> String.format(Locale.ROOT, "%.2f", r))
                                    .toList()),
                    Format.count(Math.round(c.dbxGenerating().rowsPerSecond())),
                    Format.bytes(
                            Math.max(c.dbx().peakHeapBytes(), c.dbxGenerating().peakHeapBytes())),
                    Format.bytes(
                            Math.max(c.dbx().liveHeapBytes(), c.dbxGenerating().liveHeapBytes())));
        }
        table.print(System.out);
        for (LoadBenchmark.Comparison c : results) {
            System.out.println("  " + c.store() + " SF " + TpchSource.formatScale(c.scale()) + ": dbx loads with "
                    + c.loadMethod());
        }
    }

    private static Path save(Lab lab, List<LoadBenchmark.Comparison> results) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("benchmark", "load");
        root.put("at", Instant.now().toString());
        root.set("machine", json.valueToTree(Machine.describe()));
        ArrayNode list = root.putArray("results");
        for (LoadBenchmark.Comparison c : results) {
            ObjectNode n = list.addObject();
            n.put("store", c.store());
            n.put("server", c.server());
            n.put("scale", c.scale());
            n.put("rows", c.dbx().rows());
            n.put("dbxSeconds", c.dbx().time().toNanos() / 1e9);
            n.put("dbxRowsPerSecond", c.dbx().rowsPerSecond());
            n.put("dbxPeakHeapBytes", c.dbx().peakHeapBytes());
            n.put("dbxLiveHeapBytes", c.dbx().liveHeapBytes());
            n.put("dbxGeneratingSeconds", c.dbxGenerating().time().toNanos() / 1e9);
            n.put("dbxGeneratingRowsPerSecond", c.dbxGenerating().rowsPerSecond());
            n.put("dbxGeneratingPeakHeapBytes", c.dbxGenerating().peakHeapBytes());
            n.put("dbxGeneratingLiveHeapBytes", c.dbxGenerating().liveHeapBytes());
            n.put("nativeLoader", c.nativeLoad().loader());
            n.put("nativeSeconds", c.nativeLoad().time().toNanos() / 1e9);
            n.put("nativeRowsPerSecond", c.nativeLoad().rowsPerSecond());
            n.put("ratio", c.ratio());
            n.put("loadMethod", c.loadMethod());
            runs(n.putArray("dbxRuns"), c.dbxRuns());
            runs(n.putArray("dbxGeneratingRuns"), c.generatingRuns());
            runs(n.putArray("nativeRuns"), c.nativeRuns());
        }
        Path dir = Files.createDirectories(lab.dataDir().resolve("results"));
        // the raw per-run values live in this file until the benchmark run store holds them
        Path file = dir.resolve("load-" + Instant.now().toString().replace(':', '-') + ".json");
        json.writeValue(file.toFile(), root);
        return file;
    }

    /** Every run's raw values, in the order they ran. */
    private static void runs(ArrayNode out, List<LoadBenchmark.Run> runs) {
        for (LoadBenchmark.Run r : runs) {
            ObjectNode n = out.addObject();
            n.put("rows", r.rows());
            n.put("seconds", r.time().toNanos() / 1e9);
            n.put("rowsPerSecond", r.rowsPerSecond());
            n.put("peakHeapBytes", r.peakHeapBytes());
            n.put("liveHeapBytes", r.liveHeapBytes());
        }
    }
}
