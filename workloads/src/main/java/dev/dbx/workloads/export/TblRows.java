package dev.dbx.workloads.export;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.NoSuchElementException;

/**
 * Rows of a '|'-separated {@code .tbl} file as {@link TblWriter} writes them (canonical text), read back as canonical
 * values. Parses by hand, not through {@code LocalDate.parse} and friends: as fast as the engines' own file readers
 * it is compared with. Input is trusted (dbx wrote it); user files go through {@code dbx import}, which validates.
 */
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
        String line = next;
        next = null;
        Object[] row = new Object[entity.columns().size()];
        int start = 0;
        for (int i = 0; i < row.length; i++) {
            int end = line.indexOf('|', start);
            if (end < 0) {
                end = line.length();
            }
            row[i] = value(entity.columns().get(i), line, start, end);
            start = end + 1;
        }
        return row;
    }

    private static Object value(Column column, String line, int start, int end) {
        return switch (column.type()) {
            case INTEGER -> Long.parseLong(line, start, end, 10);
            case DECIMAL -> decimal(line, start, end, column.scale());
            case DATE ->
                LocalDate.of(
                        Integer.parseInt(line, start, start + 4, 10),
                        Integer.parseInt(line, start + 5, start + 7, 10),
                        Integer.parseInt(line, start + 8, start + 10, 10));
            case VARCHAR -> line.substring(start, end);
        };
    }

    /** "-12.5" at scale 2 is unscaled -1250: digits accumulated, the fraction padded to the scale. */
    private static BigDecimal decimal(String line, int start, int end, int scale) {
        boolean negative = line.charAt(start) == '-';
        long unscaled = 0;
        int fraction = -1;
        for (int i = negative ? start + 1 : start; i < end; i++) {
            char c = line.charAt(i);
            if (c == '.') {
                fraction = 0;
            } else {
                unscaled = unscaled * 10 + (c - '0');
                if (fraction >= 0) {
                    fraction++;
                }
            }
        }
        for (int f = Math.max(fraction, 0); f < scale; f++) {
            unscaled *= 10;
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
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
