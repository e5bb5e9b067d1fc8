package dev.dbx.core.capability;

import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.store.Capability;
import java.nio.file.Path;

/**
 * The engine's own bulk loader (PostgreSQL's {@code psql \copy}, DuckDB's {@code COPY}, {@code redis-cli --pipe}): the
 * baseline that dbx's {@link DatasetModel#load} is measured against, on the same rows, into the same schema.
 */
public interface NativeBulkLoad extends Capability {
    /** What runs, for reports, e.g. "psql \copy (psql 15.18)". */
    String nativeLoader();

    /**
     * The file the native loader reads for {@code entity}, made before timing starts: the SQL engines read the
     * dbgen-style {@code tblFile} ('|'-separated canonical text, no trailing bar) as is; others convert {@code rows}
     * (the same rows, parsed from that file) into their own bulk format in {@code workDir}.
     */
    default Path prepareNative(Dataset dataset, Entity entity, Path tblFile, RowStream rows, Path workDir) {
        return tblFile;
    }

    /** Runs the native loader on {@code file} into the existing, empty schema of {@code dataset}. */
    void loadNative(Dataset dataset, Entity entity, Path file);

    /**
     * Brings the server to the same state before every timed run, native or dbx's, so that no run pays for work a
     * previous one left behind (Redis compacts its append-only file and holds off automatic rewrites, which fork and
     * copy the whole dataset in the middle of whichever run they hit). Untimed; best effort.
     */
    default void beforeRun() {}

    /** Undoes what {@link #beforeRun} changed, once the benchmark is over. */
    default void afterRuns() {}
}
