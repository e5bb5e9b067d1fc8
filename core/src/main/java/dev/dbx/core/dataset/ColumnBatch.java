package dev.dbx.core.dataset;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Up to {@link #capacity()} rows of one entity held a column at a time in primitive arrays, for stores that take
 * their data in columns (DuckDB's vectors): no Java object per value. Each column is held by its type:
 *
 * <ul>
 *   <li>INTEGER: {@link #longs}, the value;
 *   <li>DATE: {@link #longs}, the day counted from 1970-01-01 (as {@link LocalDate#toEpochDay()});
 *   <li>DECIMAL of up to 18 digits ({@link #unscaled}): {@link #longs}, the unscaled value at the column's scale
 *       ({@code 12.50} at scale 2 is 1250); wider DECIMALs: {@link #decimals}, as {@link BigDecimal};
 *   <li>VARCHAR: {@link #texts}, UTF-8 bytes.
 * </ul>
 *
 * A null leaves its slot alone and is marked in {@link #nulls}. The arrays are handed out, not copied: producers
 * write them directly and then set the {@link #size}; slots past the size hold nothing meaningful.
 */
public final class ColumnBatch {
    /** The most digits whose unscaled value always fits a {@code long}. */
    private static final int LONG_DIGITS = 18;

    private final Column[] columns;
    private final long[][] longs;
    private final byte[][][] texts;
    private final BigDecimal[][] decimals;
    private final boolean[][] nulls;
    private int size;

    public ColumnBatch(List<Column> columns, int capacity) {
        this.columns = columns.toArray(Column[]::new);
        int width = this.columns.length;
        this.longs = new long[width][];
        this.texts = new byte[width][][];
        this.decimals = new BigDecimal[width][];
        this.nulls = new boolean[width][];
        for (int c = 0; c < width; c++) {
            Column column = this.columns[c];
            if (column.type() == ColumnType.VARCHAR) {
                texts[c] = new byte[capacity][];
            } else if (column.type() == ColumnType.DECIMAL && !unscaled(column)) {
                decimals[c] = new BigDecimal[capacity];
            } else {
                longs[c] = new long[capacity];
            }
        }
    }

    /** Whether a DECIMAL column is held as unscaled {@code long}s (it has at most 18 digits). */
    public static boolean unscaled(Column column) {
        return column.type() == ColumnType.DECIMAL && column.length() <= LONG_DIGITS;
    }

    public int capacity() {
        return nulls.length == 0 ? 0 : arrayLength(0);
    }

    private int arrayLength(int c) {
        return longs[c] != null ? longs[c].length : texts[c] != null ? texts[c].length : decimals[c].length;
    }

    public int size() {
        return size;
    }

    public void size(int rows) {
        if (rows < 0 || rows > capacity()) {
            throw new IllegalArgumentException(rows + " rows do not fit a batch of " + capacity());
        }
        this.size = rows;
    }

    /** Empties the batch for reuse: no rows, no nulls. */
    public void clear() {
        size = 0;
        Arrays.fill(nulls, null);
    }

    public boolean isFull() {
        return size == capacity();
    }

    /** INTEGER, DATE and unscaled DECIMAL columns; null for the others. */
    public long[] longs(int column) {
        return longs[column];
    }

    /** VARCHAR columns as UTF-8; null for the others. */
    public byte[][] texts(int column) {
        return texts[column];
    }

    /** DECIMAL columns wider than 18 digits; null for the others. */
    public BigDecimal[] decimals(int column) {
        return decimals[column];
    }

    /** Which rows of a column are null; null when none is. */
    public boolean[] nulls(int column) {
        return nulls[column];
    }

    public void setNull(int column, int row) {
        if (nulls[column] == null) {
            nulls[column] = new boolean[arrayLength(column)];
        }
        nulls[column][row] = true;
    }

    /**
     * Appends a row of canonical values (see {@link ColumnType}). A DECIMAL with more fraction digits than its column
     * fails rather than being rounded.
     */
    public void add(Object[] row) {
        if (isFull()) {
            throw new IllegalStateException("the batch is full (" + capacity() + " rows)");
        }
        int r = size;
        for (int c = 0; c < columns.length; c++) {
            Object value = row[c];
            if (value == null) {
                setNull(c, r);
                continue;
            }
            Column column = columns[c];
            switch (column.type()) {
                case INTEGER -> longs[c][r] = (Long) value;
                case DATE -> longs[c][r] = ((LocalDate) value).toEpochDay();
                case VARCHAR -> texts[c][r] = ((String) value).getBytes(StandardCharsets.UTF_8);
                case DECIMAL -> {
                    BigDecimal decimal = (BigDecimal) value;
                    if (longs[c] != null) {
                        longs[c][r] = unscaledValue(decimal, column.scale());
                    } else {
                        decimals[c][r] = decimal;
                    }
                }
            }
        }
        size = r + 1;
    }

    /** The value's digits at {@code scale}, without making a BigInteger; more decimals than the scale fail. */
    private static long unscaledValue(BigDecimal value, int scale) {
        BigDecimal scaled = value.scale() == scale ? value : value.setScale(scale);
        // moving the point by the scale keeps the digits and makes longValueExact a read of them
        return scaled.scaleByPowerOfTen(scale).longValueExact();
    }
}
