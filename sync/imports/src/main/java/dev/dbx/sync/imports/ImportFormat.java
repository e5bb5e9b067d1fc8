package dev.dbx.sync.imports;

import dev.dbx.core.DbxException;
import java.nio.file.Path;
import java.util.Locale;

/** The file formats {@code dbx import} reads. */
public enum ImportFormat {
    /** Comma-separated, RFC 4180 quoting, a header line naming the columns, one record per line. */
    CSV,
    /** One JSON object per line, keys naming the columns. */
    JSONL,
    /** TPC-H dbgen's format: '|'-separated fields in schema order, a trailing '|', no header, no quoting. */
    TBL;

    public static ImportFormat parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DbxException("unknown format '" + text + "'", "use csv, jsonl or tbl");
        }
    }

    /** The format a file name suggests, or a clear error asking for --format. */
    public static ImportFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return JSONL;
        }
        if (name.endsWith(".tbl")) {
            return TBL;
        }
        throw new DbxException(
                "cannot tell the format of " + file.getFileName() + " from its name",
                "say it with --format csv|jsonl|tbl");
    }
}
