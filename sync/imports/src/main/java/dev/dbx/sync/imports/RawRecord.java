package dev.dbx.sync.imports;

import java.util.Map;

/**
 * One record of an input file before validation.
 *
 * @param line its 1-based line number in the file
 * @param text the line as it was
 * @param values column name to text value, or null when the line could not be parsed
 * @param problem why the line could not be parsed, or null
 */
public record RawRecord(long line, String text, Map<String, String> values, String problem) {
    public static RawRecord malformed(long line, String text, String problem) {
        return new RawRecord(line, text, null, problem);
    }
}
