package dev.dbx.sync.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Canonical;
import dev.dbx.core.dataset.Entity;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Validated rows kept on disk between passes (so an import of any size never sits in memory, and nothing loads
 * before every check has run). One JSON object per line: the input line number, the input text and the canonical
 * values as text.
 */
final class Spool implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Entry(long line, String text, Object[] row) {}

    private final Path file;
    private final Entity entity;
    private BufferedWriter out;
    private long size;

    Spool(Path file, Entity entity) {
        this.file = file;
        this.entity = entity;
        try {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DbxException("cannot write a temporary file in " + file.getParent() + ": " + e.getMessage());
        }
    }

    void add(long line, String text, Object[] row) {
        ObjectNode node = JSON.createObjectNode();
        node.put("line", line);
        node.put("text", text);
        ArrayNode values = node.putArray("row");
        for (Object v : row) {
            values.add(v == null ? null : v instanceof BigDecimal d ? d.toPlainString() : v.toString());
        }
        try {
            out.write(JSON.writeValueAsString(node));
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        size++;
    }

    long size() {
        return size;
    }

    /** Ends writing; the spool can then be read, any number of times. */
    void seal() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Cursor read() {
        try {
            return new Cursor(Files.newBufferedReader(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    final class Cursor implements Iterator<Entry>, AutoCloseable {
        private final BufferedReader in;
        private String next;

        private Cursor(BufferedReader in) {
            this.in = in;
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
        public Entry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            try {
                JsonNode node = JSON.readTree(next);
                next = null;
                JsonNode values = node.get("row");
                Object[] row = new Object[values.size()];
                for (int i = 0; i < row.length; i++) {
                    JsonNode v = values.get(i);
                    row[i] =
                            v.isNull() ? null : Canonical.value(entity.columns().get(i), v.asText());
                }
                return new Entry(node.get("line").asLong(), node.get("text").asText(), row);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
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

    @Override
    public void close() {
        seal();
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file
        }
    }
}
