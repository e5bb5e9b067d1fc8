package dev.dbx.store.duckdb;

import dev.dbx.core.DbxException;
import dev.dbx.core.Uris;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a DuckDB database lives and how to run it, parsed from {@code duckdb:/path/to/file.duckdb} with optional
 * {@code ?threads=N&memory_limit=4GB}. Only those two DuckDB settings are accepted (checked here, handed to DuckDB as
 * configuration values, never spliced into SQL): the rest of the configuration is dbx's.
 *
 * @param file the database file (absolute); DuckDB creates it, and its {@code .wal}, on first open
 * @param settings DuckDB settings from the URI's query, by name
 */
record DuckdbLocation(Path file, Map<String, String> settings) {
    static final String EXAMPLE = "duckdb:/path/to/dbx.duckdb";

    private static final Pattern THREADS = Pattern.compile("[1-9][0-9]{0,3}");
    private static final Pattern MEMORY = Pattern.compile("[0-9]+(\\.[0-9]+)?\\s*([KMGT]i?B|B)?|[0-9]{1,3}%");

    DuckdbLocation {
        settings = Map.copyOf(settings);
    }

    /** The URI naming {@code file}. */
    static URI uriOf(Path file) {
        try {
            return new URI("duckdb", file.toAbsolutePath().toString(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static DuckdbLocation parse(URI uri) {
        String path;
        String query;
        if (uri.isOpaque()) { // duckdb:relative/file.duckdb
            String ssp = uri.getSchemeSpecificPart();
            int q = ssp.indexOf('?');
            path = q < 0 ? ssp : ssp.substring(0, q);
            query = q < 0 ? null : ssp.substring(q + 1);
        } else {
            if (uri.getAuthority() != null) {
                throw bad(uri, "a DuckDB database is a local file, not a server ('" + uri.getAuthority() + "')");
            }
            path = uri.getPath();
            query = uri.getQuery();
        }
        if (path == null || path.isBlank()) {
            throw bad(uri, "it names no database file");
        }
        if (path.indexOf(';') >= 0) {
            // the DuckDB driver reads ';' in its URL as the start of connection options
            throw bad(uri, "the path contains ';', which DuckDB's JDBC URL cannot carry");
        }
        Path file;
        try {
            file = Path.of(path).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw bad(uri, "'" + path + "' is not a file path");
        }
        if (file.getFileName() == null || Files.isDirectory(file)) {
            throw bad(uri, file + " is a directory; name a file in it, e.g. " + file.resolve("dbx.duckdb"));
        }
        return new DuckdbLocation(file, settings(uri, query));
    }

    /** The directory holding the file; it must exist and be writable (DuckDB writes its WAL and spill files there). */
    Path directory() {
        return file.getParent();
    }

    /** Refuses a directory that is missing or not writable, before DuckDB gives a less helpful error. */
    void requireWritableDirectory() {
        Path dir = directory();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new DbxException(
                    "cannot open DuckDB database " + file + ": directory " + dir + " does not exist",
                    "create it, or give another path like " + EXAMPLE);
        }
        if (!Files.isWritable(dir)) {
            throw new DbxException(
                    "cannot open DuckDB database " + file + ": directory " + dir + " is not writable",
                    "DuckDB writes its WAL and temporary files next to the database: use a writable directory");
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new DbxException("cannot open DuckDB database " + file + ": the file is not writable");
        }
    }

    private static Map<String, String> settings(URI uri, String query) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return settings;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1)).strip();
            Pattern allowed = switch (name) {
                case "threads" -> THREADS;
                case "memory_limit" -> MEMORY;
                default -> throw bad(uri, "unknown option '" + name + "'; options are threads and memory_limit");
            };
            if (!allowed.matcher(value).matches()) {
                throw bad(uri, "option " + name + " has an invalid value '" + value + "'");
            }
            settings.put(name, value);
        }
        return settings;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static DbxException bad(URI uri, String why) {
        return new DbxException(
                "invalid DuckDB URI '" + Uris.redact(uri) + "': " + why,
                "use a URI like " + EXAMPLE + " (options: ?threads=2&memory_limit=4GB)");
    }
}
