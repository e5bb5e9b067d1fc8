package dev.dbx.store.clickhouse;

import dev.dbx.core.DbxException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads ClickHouse's TabSeparated output one row at a time from a response stream (nothing is held but the current
 * row), undoing its backslash escapes. Works on bytes: tab, newline and backslash never occur inside a multi-byte
 * UTF-8 sequence, so a field is found without decoding and decoded once, in one piece. Each row must have the expected
 * number of fields.
 */
final class TsvReader {
    private InputStream in;
    private int fields;
    private final byte[] buffer;
    private byte[] field = new byte[256];
    private int length;
    private int position;
    private int limit;

    TsvReader(InputStream in, int fields) {
        this(1 << 16);
        reset(in, fields);
    }

    /** A reader kept for many small answers (a key-value session's point reads), its buffers reused. */
    TsvReader(int capacity) {
        this.buffer = new byte[capacity];
    }

    /** Reads {@code in}, rows of {@code fields} fields, from now on. */
    TsvReader reset(InputStream stream, int width) {
        this.in = stream;
        this.fields = width;
        this.position = 0;
        this.limit = 0;
        this.length = 0;
        return this;
    }

    /** The next row's fields, or null at the end of the stream. */
    String[] next() throws IOException {
        if (position == limit && !fill()) {
            return null;
        }
        String[] row = new String[fields];
        int index = 0;
        length = 0;
        while (true) {
            if (position == limit && !fill()) {
                // the last row lacks its newline: take it as it is
                return finish(row, index);
            }
            int start = position;
            // fast path: scan to the next special byte and take the run in one copy
            while (position < limit) {
                byte b = buffer[position];
                if (b == '\t' || b == '\n' || b == '\\') {
                    break;
                }
                position++;
            }
            if (position == limit) {
                append(buffer, start, position - start);
                continue;
            }
            byte b = buffer[position++];
            if (b != '\\' && length == 0) {
                // the whole field lies in the buffer, unescaped: decode it from there
                if (index >= fields) {
                    throw mismatch(index + 1);
                }
                row[index++] = new String(buffer, start, position - 1 - start, StandardCharsets.UTF_8);
                if (b == '\n') {
                    if (index != fields) {
                        throw mismatch(index);
                    }
                    return row;
                }
                continue;
            }
            append(buffer, start, position - 1 - start);
            if (b == '\t') {
                store(row, index++);
            } else if (b == '\n') {
                return finish(row, index);
            } else {
                if (position == limit && !fill()) {
                    throw new DbxException("ClickHouse's answer ends inside an escape sequence");
                }
                append(unescape(buffer[position++]));
            }
        }
    }

    private String[] finish(String[] row, int index) {
        store(row, index++);
        if (index != fields) {
            throw mismatch(index);
        }
        return row;
    }

    private void store(String[] row, int index) {
        if (index >= fields) {
            throw mismatch(index + 1);
        }
        row[index] = new String(field, 0, length, StandardCharsets.UTF_8);
        length = 0;
    }

    private DbxException mismatch(int got) {
        return new DbxException("ClickHouse answered a row of " + got + " fields where " + fields + " were expected");
    }

    /** ClickHouse's escapes (writeAnyEscapedString): \b \f \n \r \t \0, and a backslash before anything else. */
    private static byte unescape(byte b) {
        return switch (b) {
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case '0' -> 0;
            case 'a' -> 7;
            case 'v' -> 11;
            default -> b; // \\ \' and anything else stand for themselves
        };
    }

    private void append(byte[] bytes, int offset, int count) {
        if (length + count > field.length) {
            field = Arrays.copyOf(field, Math.max(field.length * 2, length + count));
        }
        System.arraycopy(bytes, offset, field, length, count);
        length += count;
    }

    private void append(byte b) {
        if (length == field.length) {
            field = Arrays.copyOf(field, field.length * 2);
        }
        field[length++] = b;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }
}
