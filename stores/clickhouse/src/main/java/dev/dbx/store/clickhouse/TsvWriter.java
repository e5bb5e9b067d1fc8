package dev.dbx.store.clickhouse;

import dev.dbx.core.DbxException;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Writes canonical rows in ClickHouse's TabSeparated input format: one line per row, tab between values, backslash
 * escapes for the characters that would break a line or a field. Decimals go as plain text (never exponent notation)
 * and dates as ISO, which every ClickHouse version parses into Decimal and Date columns. Encodes straight into a byte
 * buffer (ASCII without detours, numbers and dates without intermediate strings): on a load, this runs per value.
 */
final class TsvWriter {
    private static final int FLUSH_AT = 1 << 16;

    private OutputStream out;
    private final String[] columns;
    private byte[] buffer;
    private int length;

    TsvWriter(OutputStream out, String[] columns) {
        this(columns, FLUSH_AT + 1024);
        this.out = out;
    }

    /**
     * A writer kept for many small requests (a key-value session's single rows): {@link #to} points it at each
     * request's stream, and its buffer of {@code capacity} bytes (grown when a row needs more) is reused.
     */
    TsvWriter(String[] columns, int capacity) {
        this.columns = columns;
        this.buffer = new byte[capacity];
    }

    /** Writes to {@code stream} from now on, starting with an empty buffer. */
    TsvWriter to(OutputStream stream) {
        this.out = stream;
        this.length = 0;
        return this;
    }

    void row(Object[] row) throws IOException {
        if (row.length != columns.length) {
            throw new DbxException("a row of " + row.length + " values for " + columns.length + " columns");
        }
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                put((byte) '\t');
            }
            Object v = row[i];
            if (v == null) {
                // TPC-H and YCSB have no nulls; the columns are not Nullable (Nullable costs every query a mask)
                throw new DbxException("column " + columns[i] + " got a null value, which ClickHouse's schema here"
                        + " does not hold (no column is Nullable)");
            } else if (v instanceof String s) {
                string(s);
            } else if (v instanceof Long l) {
                number(l);
            } else if (v instanceof BigDecimal d) {
                decimal(d);
            } else if (v instanceof LocalDate d) {
                date(d);
            } else {
                string(v.toString());
            }
        }
        put((byte) '\n');
        if (length >= FLUSH_AT) {
            flushBuffer();
        }
    }

    /** Escapes what the TabSeparated parser reads specially: backslash, tab, line breaks, NUL, \b and \f. */
    private void string(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                // rare here: encode the rest of the string as UTF-8, then escape its (ASCII) specials
                bytes(s.substring(i).getBytes(StandardCharsets.UTF_8));
                return;
            }
            ascii(c);
        }
    }

    private void bytes(byte[] utf8) {
        for (byte b : utf8) {
            if (b < 0) {
                put(b); // part of a multi-byte sequence, never special
            } else {
                ascii((char) b);
            }
        }
    }

    private void ascii(char c) {
        switch (c) {
            case '\\' -> escape('\\');
            case '\t' -> escape('t');
            case '\n' -> escape('n');
            case '\r' -> escape('r');
            case '\0' -> escape('0');
            case '\b' -> escape('b');
            case '\f' -> escape('f');
            default -> put((byte) c);
        }
    }

    private void escape(char c) {
        put((byte) '\\');
        put((byte) c);
    }

    private void number(long value) {
        if (value == Long.MIN_VALUE) {
            string(Long.toString(value));
            return;
        }
        if (value < 0) {
            put((byte) '-');
            value = -value;
        }
        digits(value, 1);
    }

    /** A decimal as plain text; the unscaled value fits a long for every DECIMAL(15, s) of the schemas. */
    private void decimal(BigDecimal d) {
        if (d.scale() < 0 || d.precision() > 18) {
            string(d.toPlainString());
            return;
        }
        long unscaled = d.unscaledValue().longValueExact();
        if (unscaled < 0) {
            put((byte) '-');
            unscaled = -unscaled;
        }
        int scale = d.scale();
        if (scale == 0) {
            digits(unscaled, 1);
            return;
        }
        long pow = 1;
        for (int i = 0; i < scale; i++) {
            pow *= 10;
        }
        digits(unscaled / pow, 1);
        put((byte) '.');
        digits(unscaled % pow, scale);
    }

    private void date(LocalDate d) {
        if (d.getYear() < 0 || d.getYear() > 9999) {
            string(d.toString());
            return;
        }
        digits(d.getYear(), 4);
        put((byte) '-');
        digits(d.getMonthValue(), 2);
        put((byte) '-');
        digits(d.getDayOfMonth(), 2);
    }

    /** A non-negative value in decimal, left-padded with zeros to {@code width} digits. */
    private void digits(long value, int width) {
        int n = 1;
        for (long v = value / 10; v > 0; v /= 10) {
            n++;
        }
        int count = Math.max(n, width);
        ensure(count);
        for (int i = length + count - 1; i >= length; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += count;
    }

    private void put(byte b) {
        ensure(1);
        buffer[length++] = b;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }

    private void flushBuffer() throws IOException {
        out.write(buffer, 0, length);
        length = 0;
    }

    /** Sends what is buffered; the stream itself stays open (the client owns it). */
    void flush() throws IOException {
        flushBuffer();
        out.flush();
    }
}
