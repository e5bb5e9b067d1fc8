package dev.dbx.workloads.export;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A dataset read from the {@code .tbl} files {@link TblWriter} wrote: {@code <dir>/<entity>.tbl}. */
public final class TblSource implements DatasetSource {
    private final Dataset dataset;
    private final Path dir;
    private final Map<String, Long> counts = new ConcurrentHashMap<>();

    public TblSource(Dataset dataset, Path dir) {
        this.dataset = dataset;
        this.dir = dir;
    }

    @Override
    public Dataset dataset() {
        return dataset;
    }

    @Override
    public String description() {
        return dataset.name() + " from " + dir;
    }

    @Override
    public long rowCount(Entity entity) {
        return counts.computeIfAbsent(entity.name(), n -> {
            try (var lines = Files.lines(file(entity))) {
                return lines.count();
            } catch (IOException e) {
                throw new DbxException("cannot read " + file(entity) + ": " + e.getMessage());
            }
        });
    }

    @Override
    public RowStream rows(Entity entity) {
        return new TblRows(entity, file(entity));
    }

    private Path file(Entity entity) {
        return dir.resolve(entity.name() + ".tbl");
    }
}
