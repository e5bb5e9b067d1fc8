package dev.dbx.store.clickhouse;

import dev.dbx.core.DbxException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A file of ClickHouse statements kept as a resource next to the adapter ({@code schema/<dataset>.sql} and friends),
 * split into statements: each ends with {@code ;} at the end of a line; lines starting with {@code --} are comments.
 */
final class SchemaScript {
    private SchemaScript() {}

    /** The statements of resource {@code schema/<name>}, or an empty list when there is none. */
    static List<String> load(String name) {
        String resource = "schema/" + name;
        try (InputStream in = SchemaScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                return List.of();
            }
            return split(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DbxException("cannot read " + resource + ": " + e.getMessage());
        }
    }

    static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1).strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new DbxException("schema script ends inside a statement: "
                    + current.toString().strip());
        }
        return statements;
    }
}
