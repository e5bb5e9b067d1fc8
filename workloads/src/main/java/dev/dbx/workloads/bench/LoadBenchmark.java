package dev.dbx.workloads.bench;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.NativeBulkLoad;
import dev.dbx.core.dataset.Checksum;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.store.Store;
import dev.dbx.workloads.dataset.TpchSource;
import dev.dbx.workloads.export.TblRows;
import dev.dbx.workloads.export.TblSource;
import dev.dbx.workloads.export.TblWriter;
import dev.dbx.workloads.load.CountingSource;
import dev.dbx.workloads.load.DatasetLoader;
import dev.dbx.workloads.load.HeapPeak;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Load throughput of a store: dbx's own load ({@link DatasetModel#load}) against the engine's own bulk loader
 * ({@link NativeBulkLoad}) on the same rows, into the same schema, in the same run. dbx is measured twice: reading the
 * very {@code .tbl} files the native loader reads (the like-for-like comparison: both parse the same bytes), and
 * generating TPC-H on the fly (what {@code dbx load} does). Index building is left out of all. Each runs
 * {@code runs} times, in turn; every run is kept (the raw values), and the best of each is the headline figure (the
 * machines are shared: a slower run is more often a neighbour than dbx). Every load must end with exactly the expected
 * rows, and
 * the last run of each loader with exactly the expected values (each entity's checksum equal to that of the
 * {@code .tbl} file), or the benchmark fails: a fast wrong load is not a result.
 */
public final class LoadBenchmark {
    private LoadBenchmark() {}

    /** One timed load. */
    public record Run(String loader, long rows, Duration time, Long peakHeapBytes, Long liveHeapBytes) {
        public double rowsPerSecond() {
            return rows / Math.max(1e-9, time.toNanos() / 1e9);
        }
    }

    /**
     * Every run of dbx's loads and of the native loader, on one store at one scale factor, in the order they ran.
     *
     * @param dbxRuns dbx's load reading the same .tbl files as the native loader
     * @param generatingRuns dbx's load generating the rows on the fly
     * @param loadMethod how dbx's load got the rows in (see {@link DatasetModel#loadMethod()}), as of its last run
     */
    public record Comparison(
            String store,
            String server,
            double scale,
            List<Run> dbxRuns,
            List<Run> generatingRuns,
            List<Run> nativeRuns,
            String loadMethod) {
        public Comparison {
            dbxRuns = List.copyOf(dbxRuns);
            generatingRuns = List.copyOf(generatingRuns);
            nativeRuns = List.copyOf(nativeRuns);
        }

        /** dbx's best run from the .tbl files. */
        public Run dbx() {
            return best(dbxRuns);
        }

        /** dbx's best run generating the rows. */
        public Run dbxGenerating() {
            return best(generatingRuns);
        }

        /** The native loader's best run. */
        public Run nativeLoad() {
            return best(nativeRuns);
        }

        /** dbx's best rows/s over the native loader's best, on the same input. */
        public double ratio() {
            return dbx().rowsPerSecond() / nativeLoad().rowsPerSecond();
        }

        /** dbx's rows/s over the native loader's in each round (run i of each), the spread behind {@link #ratio}. */
        public List<Double> roundRatios() {
            List<Double> out = new ArrayList<>();
            for (int i = 0; i < Math.min(dbxRuns.size(), nativeRuns.size()); i++) {
                out.add(dbxRuns.get(i).rowsPerSecond() / nativeRuns.get(i).rowsPerSecond());
            }
            return out;
        }
    }

    /** Writes the TPC-H {@code .tbl} files for {@code scale} under {@code dir} unless already there. */
    public static Path tblFiles(double scale, Path dir, Consumer<String> progress) {
        Path target = dir.resolve("tpch-sf" + TpchSource.formatScale(scale));
        Path done = target.resolve(".complete");
        if (Files.exists(done)) {
            return target;
        }
        progress.accept("writing TPC-H SF " + TpchSource.formatScale(scale) + " as .tbl files in " + target);
        TblWriter.write(new TpchSource(scale), target, false, n -> {});
        try {
            Files.writeString(done, "");
        } catch (IOException e) {
            throw new DbxException("cannot write " + done + ": " + e.getMessage());
        }
        return target;
    }

    public static Comparison run(
            Store store, double scale, Path tblDir, Path workDir, int runs, Consumer<String> progress) {
        NativeBulkLoad nativeLoad = store.capability(NativeBulkLoad.class)
                .orElseThrow(
                        () -> new DbxException("store " + store.id() + " has no native bulk loader to compare with"));
        DatasetModel model = store.require(DatasetModel.class);
        Dataset dataset = TpchSchema.DATASET;
        String server = store.identity().toString();

        // one read of the files gives both what every load must end with: each entity's rows and their checksum
        Map<String, Checksum> files = checksums(tblDir, dataset);
        Map<String, Long> expected = new LinkedHashMap<>();
        files.forEach((entity, checksum) -> expected.put(entity, checksum.count()));
        List<Run> dbxRuns = new ArrayList<>();
        List<Run> generatingRuns = new ArrayList<>();
        List<Run> nativeRuns = new ArrayList<>();
        String loadMethod = null;
        try {
            int rounds = Math.max(1, runs);
            for (int i = 0; i < rounds; i++) {
                boolean last = i == rounds - 1;
                progress.accept(store.id() + ": " + nativeLoad.nativeLoader() + ", run " + (i + 1));
                settle(model, nativeLoad, dataset);
                Run n = nativeRun(model, nativeLoad, dataset, tblDir, workDir, expected);
                if (last) {
                    checkValues(model, dataset, files, nativeLoad.nativeLoader(), progress);
                }
                progress.accept(String.format("  %,.0f rows/s", n.rowsPerSecond()));
                nativeRuns.add(n);

                progress.accept(store.id() + ": dbx load from the same .tbl files, run " + (i + 1));
                settle(model, nativeLoad, dataset);
                Run d = dbxRun(store, model, new TblSource(dataset, tblDir), "dbx load (.tbl files)", expected);
                if (last) {
                    checkValues(model, dataset, files, d.loader(), progress);
                }
                progress.accept(report(d));
                dbxRuns.add(d);
                loadMethod = model.loadMethod();

                progress.accept(store.id() + ": dbx load generating TPC-H, run " + (i + 1));
                settle(model, nativeLoad, dataset);
                Run g = dbxRun(store, model, new TpchSource(scale), "dbx load (generating)", expected);
                if (last) {
                    checkValues(model, dataset, files, g.loader(), progress);
                }
                progress.accept(report(g));
                generatingRuns.add(g);
            }
        } finally {
            nativeLoad.afterRuns();
        }
        model.drop(dataset);
        return new Comparison(store.id(), server, scale, dbxRuns, generatingRuns, nativeRuns, loadMethod);
    }

    /** Every run starts from an empty store in the same state (see {@link NativeBulkLoad#beforeRun}). */
    private static void settle(DatasetModel model, NativeBulkLoad nativeLoad, Dataset dataset) {
        model.drop(dataset);
        nativeLoad.beforeRun();
    }

    private static String report(Run run) {
        return String.format(
                "  %,.0f rows/s, peak heap %,d MB (live %,d MB)",
                run.rowsPerSecond(), run.peakHeapBytes() >> 20, run.liveHeapBytes() >> 20);
    }

    private static Run dbxRun(
            Store store, DatasetModel model, DatasetSource rows, String loader, Map<String, Long> expected) {
        CountingSource source = DatasetLoader.counting(rows);
        HeapPeak.reset();
        DatasetLoader.Result result = DatasetLoader.load(store, source, true);
        long peak = HeapPeak.bytes();
        long live = HeapPeak.liveBytes();
        check(model, TpchSchema.DATASET, expected, loader);
        return new Run(loader, result.totalRows(), result.loadTime(), peak, live);
    }

    private static Run nativeRun(
            DatasetModel model,
            NativeBulkLoad nativeLoad,
            Dataset dataset,
            Path tblDir,
            Path workDir,
            Map<String, Long> expected) {
        model.create(dataset); // on the empty store settle() left
        long nanos = 0;
        long rows = 0;
        for (Entity entity : dataset.entities()) {
            Path tbl = tblDir.resolve(entity.name() + ".tbl");
            Path file;
            try (TblRows parsed = new TblRows(entity, tbl)) {
                file = nativeLoad.prepareNative(dataset, entity, tbl, parsed, workDir);
            }
            long t0 = System.nanoTime();
            nativeLoad.loadNative(dataset, entity, file);
            nanos += System.nanoTime() - t0;
            rows += expected.get(entity.name());
        }
        check(model, dataset, expected, nativeLoad.nativeLoader());
        return new Run(nativeLoad.nativeLoader(), rows, Duration.ofNanos(nanos), null, null);
    }

    /** A load that does not end with exactly the expected rows is a failure, not a fast run. */
    private static void check(DatasetModel model, Dataset dataset, Map<String, Long> expected, String loader) {
        for (Entity entity : dataset.entities()) {
            long count = model.count(dataset, entity);
            if (count != expected.get(entity.name())) {
                throw new DbxException(loader + " left " + count + " rows in " + entity.name() + ", expected "
                        + expected.get(entity.name()));
            }
        }
    }

    /** Each entity's checksum as its {@code .tbl} file holds it: what every loader must leave in the store. */
    private static Map<String, Checksum> checksums(Path tblDir, Dataset dataset) {
        Map<String, Checksum> checksums = new LinkedHashMap<>();
        for (Entity entity : dataset.entities()) {
            Path tbl = tblDir.resolve(entity.name() + ".tbl");
            checksums.put(entity.name(), Checksum.of(entity, new TblRows(entity, tbl)));
        }
        return checksums;
    }

    /** A load whose values differ from the files' (a checksum of every entity, read back) is a failure. */
    private static void checkValues(
            DatasetModel model,
            Dataset dataset,
            Map<String, Checksum> files,
            String loader,
            Consumer<String> progress) {
        progress.accept("  checking the values " + loader + " left (a checksum of every table)");
        for (Entity entity : dataset.entities()) {
            String checksum = Checksum.of(model, dataset, entity).value();
            String file = files.get(entity.name()).value();
            if (!checksum.equals(file)) {
                throw new DbxException(loader + " left different values in " + entity.name() + ": checksum " + checksum
                        + ", the .tbl file's " + file);
            }
        }
    }

    private static Run best(List<Run> runs) {
        return runs.stream()
                .max(java.util.Comparator.comparingDouble(Run::rowsPerSecond))
                .orElseThrow();
    }
}
