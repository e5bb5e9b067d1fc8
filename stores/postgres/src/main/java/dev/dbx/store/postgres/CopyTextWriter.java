package dev.dbx.store.postgres;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows to a {@code COPY FROM STDIN} in PostgreSQL's text format (tab-separated, {@code \N} for null,
 * backslash escapes), buffered in 256 KiB chunks so the driver sees few, large writes.
 */
final class CopyTextWriter {
    private static final int FLUSH_AT = 256 * 1024;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);

    CopyTextWriter(CopyIn copy) {
        this.copy = copy;
    }

    void row(Object[] row) throws IOException {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                buffer.append('\t');
            }
            Object v = row[i];
            if (v == null) {
                buffer.append("\\N");
            } else if (v instanceof String s) {
                escape(s);
            } else if (v instanceof BigDecimal d) {
                buffer.append(d.toPlainString());
            } else {
                buffer.append(v);
            }
        }
        buffer.append('\n');
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(ch);
            }
        }
    }

    private void flush() throws IOException {
        if (buffer.isEmpty()) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Sends what is buffered and ends the COPY (the server then commits it). */
    void finish() throws IOException {
        flush();
        try {
            if (copy.isActive()) {
                copy.endCopy();
            }
        } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
