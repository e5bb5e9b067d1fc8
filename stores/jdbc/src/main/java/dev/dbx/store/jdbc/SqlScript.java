package dev.dbx.store.jdbc;

import dev.dbx.core.DbxException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A SQL file kept as a resource next to a store adapter (the engine's own DDL, like BenchBase's per-benchmark DDL
 * files), split into statements. Statements end with {@code ;} at the end of a line; a {@code CREATE TRIGGER} body
 * runs to its {@code END;}, and a dollar-quoted block ({@code DO $$ ... $$;}) to its closing {@code $$}. Lines
 * starting with {@code --} are comments.
 */
public final class SqlScript {
    private SqlScript() {}

    /** The statements of resource {@code name} next to {@code owner}, or an empty list when there is none. */
    public static List<String> load(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                return List.of();
            }
            return split(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DbxException("cannot read " + name + ": " + e.getMessage());
        }
    }

    /** Splits {@code script} into statements by the rules above (for a script built from a template). */
    public static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inTrigger = false;
        boolean inDollarQuote = false;
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (!inDollarQuote && (trimmed.isEmpty() || trimmed.startsWith("--"))) {
                continue;
            }
            if (current.isEmpty()) {
                inTrigger = trimmed.toUpperCase(Locale.ROOT).startsWith("CREATE TRIGGER");
            }
            current.append(line).append('\n');
            if (countDollarQuotes(line) % 2 == 1) {
                inDollarQuote = !inDollarQuote;
            }
            boolean ends = !inDollarQuote
                    && trimmed.endsWith(";")
                    && (!inTrigger || trimmed.toUpperCase(Locale.ROOT).matches("END\\s*;"));
            if (ends) {
                String statement = current.toString().strip();
                if (!inTrigger) {
                    statement = statement.substring(0, statement.length() - 1).strip();
                }
                statements.add(statement);
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new DbxException(
                    "SQL script ends inside a statement: " + current.toString().strip());
        }
        return statements;
    }

    private static int countDollarQuotes(String line) {
        int count = 0;
        for (int i = line.indexOf("$$"); i >= 0; i = line.indexOf("$$", i + 2)) {
            count++;
        }
        return count;
    }
}
