package dev.dbx.store.neo4j;

import dev.dbx.core.DbxException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the Cypher kept as resource files under {@code dev/dbx/store/neo4j/schema/}: a whole file as one statement, or
 * a script of statements each ending with {@code ;} at the end of a line ({@code //} comment lines are dropped).
 */
final class CypherResources {
    static final String ROOT = "schema/";

    private CypherResources() {}

    /** The file's text, or empty when there is no such resource. */
    static Optional<String> text(String path) {
        try (InputStream in = CypherResources.class.getResourceAsStream(ROOT + path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DbxException("cannot read resource " + ROOT + path + ": " + e.getMessage());
        }
    }

    /** The file's text; a missing file is a build error, said clearly. */
    static String required(String path) {
        return text(path).orElseThrow(() -> new DbxException("neo4j store resource " + ROOT + path + " is missing"));
    }

    /** The statements of a script, in order; none when there is no such resource. */
    static List<String> statements(String path) {
        return text(path).map(CypherResources::split).orElse(List.of());
    }

    static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("//")) {
                continue;
            }
            if (!current.isEmpty()) {
                current.append('\n');
            }
            if (trimmed.endsWith(";")) {
                current.append(line, 0, line.lastIndexOf(';'));
                statements.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(line);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return List.copyOf(statements);
    }
}
