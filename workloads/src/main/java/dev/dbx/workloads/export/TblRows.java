package dev.dbx.workloads.export;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.ColumnBatch;
import dev.dbx.core.dataset.ColumnType;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Rows of a '|'-separated {@code .tbl} file as {@link TblWriter} writes them (canonical text), read back as canonical
 * values. Parses the bytes by hand (numbers and dates straight from the buffer, a string made only for text columns,
 * each distinct date made once), or straight into column batches ({@link #nextBatch}); a large file splits into
 * readers of byte ranges for several threads ({@link #split}). It is compared with the engines' own file readers,
 * written in C and C++. Input is trusted (dbx wrote it); user files go through {@code dbx import}, which validates.
 */
public final class TblRows implements RowStream {
    private static final int BUFFER = 1 << 20;
    /** Dates of years 1900-2099 are kept once each (TPC-H has about 2,500 distinct ones). */
    private static final int FIRST_YEAR = 1900;

    private static final int YEARS = 200;

    private static final int SMALL = 1024;

    /** Bytes past the data a word-at-a-time scan may read (never beyond the buffer). */
    private static final int SLACK = Long.BYTES;

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long BARS = ONES * '|';
    private static final long NEWLINES = ONES * '\n';

    /** Files smaller than two of these are read by one thread ({@link #split}). */
    private static final long MIN_PART = 4 << 20;

    private final Entity entity;
    private final Path file;
    /** Where this reader's part of the file starts: its first line is the first that starts at or after it. */
    private final long start;
    /** Lines starting at or after this offset belong to the next part. */
    private long end = Long.MAX_VALUE;
    /** The file offset of {@code buffer[0]}. */
    private long base;
    /** Whether the partial line before {@link #start} (the previous part's) is still to be skipped. */
    private boolean skipping;

    private final Column[] columns;
    private final InputStream in;
    private final LocalDate[] dates;
    /** Per decimal column, values 0 to 0.(SMALL-1) at its scale, made once (quantities, discounts, taxes). */
    private final BigDecimal[][] smallDecimals;
    /** Per text column, its few distinct values made once (flags, modes); null once it proves to have many. */
    private final ShortTexts[] texts;
    /** Where each field of the current line starts and ends: column c is [bounds[2c], bounds[2c + 1]). */
    private final int[] bounds;

    private byte[] buffer;
    private int position;
    private int limit;
    private boolean eof;
    /** Where the buffer's last complete line ends: every line before it can be parsed without reading. */
    private int lastNewline = -1;

    private long line;

    public TblRows(Entity entity, Path file) {
        this(entity, file, BUFFER);
    }

    TblRows(Entity entity, Path file, int bufferSize) {
        this(entity, file, bufferSize, 0, Long.MAX_VALUE);
    }

    /** The lines of {@code file} that start in {@code [start, end)}. */
    TblRows(Entity entity, Path file, int bufferSize, long start, long end) {
        this.entity = entity;
        this.file = file;
        this.start = start;
        this.end = end;
        this.columns = entity.columns().toArray(Column[]::new);
        this.smallDecimals = new BigDecimal[columns.length][];
        this.texts = new ShortTexts[columns.length];
        this.bounds = new int[2 * columns.length];
        boolean hasDates = false;
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].type() == ColumnType.DECIMAL) {
                smallDecimals[i] = new BigDecimal[SMALL];
            } else if (columns[i].type() == ColumnType.VARCHAR) {
                texts[i] = new ShortTexts();
            }
            hasDates |= columns[i].type() == ColumnType.DATE;
        }
        this.dates = hasDates ? new LocalDate[YEARS * 13 * 32] : null;
        this.buffer = new byte[bufferSize + SLACK];
        try {
            this.in = Files.newInputStream(file);
            if (start > 0) { // from the byte before: a part starting exactly at a line skips just the '\n'
                in.skipNBytes(start - 1);
                base = start - 1;
                skipping = true;
            }
        } catch (IOException e) {
            throw new DbxException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /**
     * A whole file not yet read, cut at byte offsets into up to {@code parts} readers (this one reads the first), each
     * taking the lines that start in its range: every line is read once, by one of them.
     */
    @Override
    public List<RowStream> split(int parts) {
        return split(parts, MIN_PART);
    }

    List<RowStream> split(int parts, long minPart) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new DbxException("cannot read " + file + ": " + e.getMessage());
        }
        int n = (int) Math.min(parts, size / minPart);
        if (n <= 1 || start != 0 || end != Long.MAX_VALUE || line > 0 || base + position > 0) {
            return List.of(this);
        }
        List<RowStream> readers = new ArrayList<>(List.of(this));
        for (int i = 1; i < n; i++) {
            readers.add(new TblRows(entity, file, buffer.length - SLACK, size * i / n, size * (i + 1) / n));
        }
        end = size / n;
        return readers;
    }

    @Override
    public boolean hasNext() {
        if (skipping) {
            skipPartialLine();
        }
        if (base + position >= end) {
            return false;
        }
        while (position > lastNewline) {
            if (eof) {
                if (position < limit) { // a last line without '\n' gets one
                    ensureRoom();
                    buffer[limit] = '\n';
                    lastNewline = limit++;
                    return true;
                }
                return false;
            }
            fill();
        }
        return true;
    }

    /** Moves past the first '\n' (or to the end of the file): what comes before it is the previous part's line. */
    private void skipPartialLine() {
        while (true) {
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    position = i + 1;
                    skipping = false;
                    return;
                }
            }
            position = limit;
            if (eof) {
                skipping = false;
                return;
            }
            fill();
        }
    }

    /** Moves the unread rest to the front and reads more; a line longer than the buffer grows it. */
    private void fill() {
        ensureRoom();
        try {
            int n = in.read(buffer, limit, buffer.length - SLACK - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lastNewline = -1;
        for (int i = limit - 1; i >= position; i--) {
            if (buffer[i] == '\n') {
                lastNewline = i;
                break;
            }
        }
    }

    /** Compacts the unread rest to the front of the buffer, growing it when the rest fills it. */
    private void ensureRoom() {
        int rest = limit - position;
        if (rest == buffer.length - SLACK) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        } else {
            System.arraycopy(buffer, position, buffer, 0, rest);
        }
        lastNewline -= position;
        base += position;
        position = 0;
        limit = rest;
    }

    @Override
    public Object[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        splitLine();
        Object[] row = new Object[columns.length];
        for (int c = 0; c < row.length; c++) {
            row[c] = value(c, bounds[2 * c], bounds[2 * c + 1]);
        }
        return row;
    }

    /** Parses straight into the batch's columns: no object per number or date, text kept as its bytes. */
    @Override
    public int nextBatch(ColumnBatch batch) {
        batch.clear();
        int capacity = batch.capacity();
        int n = 0;
        while (n < capacity && hasNext()) {
            splitLine();
            for (int c = 0; c < columns.length; c++) {
                int start = bounds[2 * c];
                int end = bounds[2 * c + 1];
                switch (columns[c].type()) {
                    case INTEGER -> batch.longs(c)[n] = digits(start, end);
                    case DATE -> batch.longs(c)[n] = date(start).toEpochDay();
                    case VARCHAR -> batch.texts(c)[n] = Arrays.copyOfRange(buffer, start, end);
                    case DECIMAL -> {
                        if (batch.longs(c) != null) {
                            batch.longs(c)[n] = unscaled(c, start, end);
                        } else {
                            batch.decimals(c)[n] = decimal(c, start, end);
                        }
                    }
                }
            }
            n++;
        }
        batch.size(n);
        return n;
    }

    /**
     * Finds where each field of the next line starts and ends ({@link #bounds}) in one pass, and moves past the line,
     * which {@link #hasNext()} made sure is in the buffer.
     */
    private void splitLine() {
        line++;
        byte[] b = buffer;
        int last = columns.length - 1;
        int start = position;
        int stop = start;
        for (int i = 0; ; i++) {
            stop = separator(b, stop);
            byte c = b[stop];
            bounds[2 * i] = start;
            bounds[2 * i + 1] = c == '\n' && stop > start && b[stop - 1] == '\r' ? stop - 1 : stop;
            if (i == last) {
                break;
            }
            if (c == '\n') {
                String where = this.start == 0 ? "line " + line : "line " + line + " after byte " + this.start;
                throw new DbxException(
                        where + " of " + file + " has " + (i + 1) + " fields, expected " + columns.length);
            }
            start = ++stop;
        }
        while (b[stop] != '\n') { // a trailing '|', as dbgen writes, ends the line too
            stop++;
        }
        position = stop + 1;
    }

    /**
     * The first '|' or '\n' from {@code i} on, eight bytes at a time (the classic "has zero byte" test on the word
     * XORed with each separator). A complete line is in the buffer, so one is found before {@link #limit}.
     */
    private static int separator(byte[] b, int i) {
        while (true) {
            long word = (long) WORDS.get(b, i);
            long bars = word ^ BARS;
            long newlines = word ^ NEWLINES;
            long found = ((bars - ONES) & ~bars | (newlines - ONES) & ~newlines) & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            i += Long.BYTES;
        }
    }

    private Object value(int column, int start, int end) {
        return switch (columns[column].type()) {
            case INTEGER -> digits(start, end);
            case DECIMAL -> decimal(column, start, end);
            case DATE -> date(start);
            case VARCHAR -> texts[column] != null ? texts[column].get(column, buffer, start, end) : text(start, end);
        };
    }

    private String text(int start, int end) {
        return new String(buffer, start, end - start, StandardCharsets.UTF_8);
    }

    private long digits(int start, int end) {
        boolean negative = buffer[start] == '-';
        long v = 0;
        for (int i = negative ? start + 1 : start; i < end; i++) {
            v = v * 10 + (buffer[i] - '0');
        }
        return negative ? -v : v;
    }

    private BigDecimal decimal(int column, int start, int end) {
        int scale = columns[column].scale();
        long unscaled = unscaled(column, start, end);
        if (unscaled < 0 || unscaled >= SMALL) {
            return BigDecimal.valueOf(unscaled, scale);
        }
        BigDecimal[] cache = smallDecimals[column];
        BigDecimal value = cache[(int) unscaled];
        if (value == null) {
            value = BigDecimal.valueOf(unscaled, scale);
            cache[(int) unscaled] = value;
        }
        return value;
    }

    /** "-12.5" at scale 2 is unscaled -1250: digits accumulated, the fraction padded to the scale. */
    private long unscaled(int column, int start, int end) {
        int scale = columns[column].scale();
        boolean negative = buffer[start] == '-';
        long unscaled = 0;
        int fraction = -1;
        for (int i = negative ? start + 1 : start; i < end; i++) {
            byte c = buffer[i];
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
        return negative ? -unscaled : unscaled;
    }

    /** yyyy-mm-dd. */
    private LocalDate date(int start) {
        int year = (int) digits(start, start + 4);
        int month = (int) digits(start + 5, start + 7);
        int day = (int) digits(start + 8, start + 10);
        int y = year - FIRST_YEAR;
        if (y < 0 || y >= YEARS || month < 1 || month > 12 || day < 1 || day > 31) {
            return LocalDate.of(year, month, day);
        }
        int slot = (y * 13 + month) * 32 + day;
        LocalDate date = dates[slot];
        if (date == null) {
            date = LocalDate.of(year, month, day);
            dates[slot] = date;
        }
        return date;
    }

    /**
     * The values of a text column with few distinct ones (flags, modes, priorities), each made into a String once: a
     * direct-mapped table on (length, first and last byte) whose entries are replaced on a miss. A column whose
     * values rarely repeat (comments, names) stops using it after its first rows.
     */
    private final class ShortTexts {
        private static final int SLOTS = 64;
        private static final int TRIAL = 1024;
        private final byte[][] keys = new byte[SLOTS][];
        private final String[] values = new String[SLOTS];
        private int lookups;
        private int hits;

        String get(int column, byte[] b, int start, int end) {
            int length = end - start;
            int slot = length == 0 ? 0 : (length * 31 + b[start] * 7 + b[end - 1]) & (SLOTS - 1);
            byte[] key = keys[slot];
            lookups++;
            if (key != null && Arrays.equals(key, 0, key.length, b, start, end)) {
                hits++;
                return values[slot];
            }
            String value = text(start, end);
            if (lookups == TRIAL && hits < TRIAL / 2) {
                texts[column] = null; // values rarely repeat here: read the column without this from now on
            } else {
                keys[slot] = Arrays.copyOfRange(b, start, end);
                values[slot] = value;
            }
            return value;
        }
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
