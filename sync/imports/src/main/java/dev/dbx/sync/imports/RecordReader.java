package dev.dbx.sync.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Entity;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads an input file record by record, one record per line, so that a broken line (bad quoting, bad JSON, bytes that
 * are not UTF-8) is quarantined on its own, with its number, and never takes the rest of the file with it. A header
 * that names unknown or missing columns refuses the whole file before anything loads.
 */
public final class RecordReader implements Iterator<RawRecord>, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    // No schema: a CSV line reads as an array of its fields.
    private static final ObjectReader CSV_LINE = new CsvMapper().readerFor(String[].class);

    /** Names quoted back from a header, at most: a 10 MB header line must not become a 10 MB message. */
    private static final int MAX_NAMES = 10;

    private static final int MAX_NAME = 40;

    private final InputStream in;
    private final ByteArrayOutputStream lineBytes = new ByteArrayOutputStream(256);
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    /** Why the last line read could not be decoded, or null. */
    private String undecodable;

    private final ImportFormat format;
    private final Entity entity;
    private List<String> header;
    private long lineNumber;
    private RawRecord next;

    public RecordReader(Path file, ImportFormat format, Entity entity) {
        this.format = format;
        this.entity = entity;
        try {
            this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (IOException e) {
            throw new DbxException("cannot read " + file + ": " + e.getMessage());
        }
        if (format == ImportFormat.CSV) {
            readHeader(file);
        } else if (format == ImportFormat.TBL) {
            header = entity.columnNames();
        }
    }

    private void readHeader(Path file) {
        String line = readLine();
        if (line == null) {
            throw new DbxException(file + " is empty", "a CSV file starts with a header line naming the columns");
        }
        if (undecodable != null) {
            throw new DbxException(
                    file + ": line 1 (the header) " + undecodable, "save the file as UTF-8 and import it again");
        }
        String[] names;
        try {
            names = CSV_LINE.readValue(stripBom(line));
        } catch (IOException e) {
            throw new DbxException(file + ": line 1 is not a CSV header: " + firstLine(e.getMessage()));
        }
        List<String> cols = new ArrayList<>();
        for (String n : names) {
            cols.add(n.strip());
        }
        List<String> unknown =
                cols.stream().filter(c -> !entity.columnNames().contains(c)).toList();
        if (!unknown.isEmpty()) {
            throw new DbxException(
                    file + ": the header names columns " + entity.name() + " does not have: " + quoted(unknown),
                    "its columns are " + String.join(", ", entity.columnNames()));
        }
        List<String> missing =
                entity.columnNames().stream().filter(c -> !cols.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new DbxException(file + ": the header lacks columns of " + entity.name() + ": " + quoted(missing));
        }
        if (cols.stream().distinct().count() != cols.size()) {
            throw new DbxException(file + ": the header names a column twice: " + String.join(",", cols));
        }
        header = cols;
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            String line = readLine();
            if (line == null) {
                return false;
            }
            if (undecodable != null) {
                next = RawRecord.malformed(lineNumber, line, undecodable);
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            next = parse(line);
        }
        return true;
    }

    @Override
    public RawRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RawRecord r = next;
        next = null;
        return r;
    }

    private RawRecord parse(String line) {
        return switch (format) {
            case CSV -> csv(line);
            case TBL -> tbl(line);
            case JSONL -> jsonl(line);
        };
    }

    private RawRecord csv(String line) {
        String[] fields;
        try {
            fields = CSV_LINE.readValue(line);
        } catch (IOException e) {
            return RawRecord.malformed(lineNumber, line, "malformed CSV: " + firstLine(e.getMessage()));
        }
        return byPosition(line, fields);
    }

    private RawRecord tbl(String line) {
        String body = line.endsWith("|") ? line.substring(0, line.length() - 1) : line;
        return byPosition(line, body.split("\\|", -1));
    }

    private RawRecord byPosition(String line, String[] fields) {
        if (fields.length != header.size()) {
            return RawRecord.malformed(lineNumber, line, "has " + fields.length + " fields, expected " + header.size());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i++) {
            values.put(header.get(i), fields[i]);
        }
        return new RawRecord(lineNumber, line, values, null);
    }

    private RawRecord jsonl(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return RawRecord.malformed(lineNumber, line, "malformed JSON: " + firstLine(e.getOriginalMessage()));
        }
        if (node == null || !node.isObject()) {
            return RawRecord.malformed(lineNumber, line, "not a JSON object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!entity.columnNames().contains(field.getKey())) {
                unknown.add(field.getKey());
                continue;
            }
            JsonNode v = field.getValue();
            if (v.isContainerNode()) {
                return RawRecord.malformed(lineNumber, line, field.getKey() + " holds an object or array");
            }
            values.put(field.getKey(), v.isNull() ? null : v.asText());
        }
        if (!unknown.isEmpty()) {
            return RawRecord.malformed(lineNumber, line, "unknown fields " + quoted(unknown));
        }
        return new RawRecord(lineNumber, line, values, null);
    }

    /**
     * The next line ({@code \n} or {@code \r\n} ended) decoded as UTF-8, or null at the end. A line that is not valid
     * UTF-8 comes back with the bad bytes replaced (for the quarantine file) and {@link #undecodable} saying where.
     */
    private String readLine() {
        try {
            lineBytes.reset();
            undecodable = null;
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                lineBytes.write(b);
            }
            if (b < 0 && lineBytes.size() == 0) {
                return null;
            }
            lineNumber++;
            byte[] bytes = lineBytes.toByteArray();
            int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
            ByteBuffer source = ByteBuffer.wrap(bytes, 0, length);
            CharBuffer decoded = CharBuffer.allocate(length);
            CoderResult result = utf8.reset().decode(source, decoded, true);
            if (result.isError()) {
                int at = source.position();
                undecodable = "is not valid UTF-8 at byte " + (at + 1) + " (0x"
                        + String.format("%02X", bytes[at] & 0xff) + ")";
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            utf8.flush(decoded);
            return decoded.flip().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** Names quoted back, at most {@value #MAX_NAMES}, each cut at {@value #MAX_NAME} characters. */
    private static String quoted(List<String> names) {
        List<String> shown = names.stream()
                .limit(MAX_NAMES)
                .map(n -> "'" + (n.length() > MAX_NAME ? n.substring(0, MAX_NAME) + "…" : n) + "'")
                .toList();
        return String.join(", ", shown)
                + (names.size() > MAX_NAMES ? " and " + (names.size() - MAX_NAMES) + " more" : "");
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
