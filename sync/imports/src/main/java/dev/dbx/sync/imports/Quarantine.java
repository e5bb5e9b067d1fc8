package dev.dbx.sync.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbx.core.DbxException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where rejected records go: one JSON object per line, {@code {"line": n, "reason": "...", "record": "..."}}, so each
 * can be found in the input, fixed and imported again. Also counts the reasons for the summary.
 */
public final class Quarantine implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, Long> reasons = new LinkedHashMap<>();
    private BufferedWriter out;
    private long count;

    public Quarantine(Path file) {
        this.file = file;
    }

    public void reject(long line, String text, String reason) {
        try {
            if (out == null) {
                // the importer checked the directory exists and the file may be written
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            }
            ObjectNode node = JSON.createObjectNode();
            node.put("line", line);
            node.put("reason", reason);
            node.put("record", text);
            out.write(JSON.writeValueAsString(node));
            out.newLine();
        } catch (IOException e) {
            throw new DbxException("cannot write the quarantine file " + file + ": " + e.getMessage());
        }
        count++;
        reasons.merge(kind(reason), 1L, Long::sum);
    }

    /**
     * The kind of a reason, for the summary: values and keys are left out, so "c_acctbal: 'lots' is not a number"
     * and "c_acctbal: 'ten' is not a number" count as one kind, "c_acctbal: '…' is not a number".
     */
    static String kind(String reason) {
        return reason.replaceAll("'[^']*'", "'…'")
                .replaceAll("\\s*\\([^)]*\\)", "")
                .replaceAll(", first on line \\d+", "")
                .replaceAll(" at byte \\d+", "")
                .replaceAll(": \\d+ characters, at most (\\d+) fit", ": longer than $1 characters")
                .strip();
    }

    public long count() {
        return count;
    }

    public Map<String, Long> reasons() {
        return reasons;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new DbxException("cannot write the quarantine file " + file + ": " + e.getMessage());
            }
        }
    }
}
