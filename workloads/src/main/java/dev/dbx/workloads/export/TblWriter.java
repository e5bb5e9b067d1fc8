package dev.dbx.workloads.export;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Writes a dataset as dbgen-style {@code .tbl} files ('|'-separated, canonical text), one per entity, streamed. With
 * {@code trailingBar} each line ends in '|' as dbgen writes it; without, the files load as is with PostgreSQL's
 * {@code COPY ... (FORMAT csv, DELIMITER '|')} and DuckDB's {@code COPY}.
 */
public final class TblWriter {
    private TblWriter() {}

    /** Writes every entity of {@code source} to {@code dir}/{entity}.tbl and returns the files. */
    public static List<Path> write(DatasetSource source, Path dir, boolean trailingBar, LongConsumer rowsWritten) {
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DbxException("cannot create " + dir + ": " + e.getMessage());
        }
        for (Entity entity : source.entities()) {
            Path file = dir.resolve(entity.name() + ".tbl");
            try (RowStream rows = source.rows(entity);
                    BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                StringBuilder line = new StringBuilder(256);
                long n = 0;
                while (rows.hasNext()) {
                    Object[] row = rows.next();
                    line.setLength(0);
                    for (int i = 0; i < row.length; i++) {
                        if (i > 0) {
                            line.append('|');
                        }
                        Object v = row[i];
                        line.append(v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v));
                    }
                    if (trailingBar) {
                        line.append('|');
                    }
                    line.append('\n');
                    out.write(line.toString());
                    if (++n % 100_000 == 0) {
                        rowsWritten.accept(100_000);
                    }
                }
                rowsWritten.accept(n % 100_000);
            } catch (IOException e) {
                throw new DbxException("cannot write " + file + ": " + e.getMessage());
            }
            files.add(file);
        }
        return files;
    }
}
