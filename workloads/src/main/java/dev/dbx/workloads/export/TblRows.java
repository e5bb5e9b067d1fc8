package dev.dbx.workloads.export;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Canonical;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;

/** Rows of a '|'-separated {@code .tbl} file as {@link TblWriter} writes them, read back as canonical values. */
public final class TblRows implements RowStream {
    private final Entity entity;
    private final BufferedReader in;
    private String next;

    public TblRows(Entity entity, Path file) {
        this.entity = entity;
        try {
            this.in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DbxException("cannot read " + file + ": " + e.getMessage());
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = in.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return next != null;
    }

    @Override
    public Object[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        String line = next.endsWith("|") ? next.substring(0, next.length() - 1) : next;
        next = null;
        String[] fields = line.split("\\|", -1);
        Object[] row = new Object[entity.columns().size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = Canonical.value(entity.columns().get(i), fields[i]);
        }
        return row;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // read-only
        }
    }
}
