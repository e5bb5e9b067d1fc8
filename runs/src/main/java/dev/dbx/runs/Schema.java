package dev.dbx.runs;

import dev.dbx.core.DbxException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The run store's schema: created from {@code schema.sql} in an empty database, brought up to {@link #VERSION} from an
 * older one by {@code migrate-<n>.sql} (the statements that turn version n-1 into n), and refused when a newer dbx
 * wrote it (an older dbx cannot know what its columns mean).
 */
final class Schema {
    /** The version this dbx writes. Raise it with a migrate-(VERSION).sql beside schema.sql. */
    static final int VERSION = 2;

    static final String RESOURCE = "schema.sql";

    private Schema() {}

    /** Makes the database at {@code file} hold the current schema. Call inside a write transaction. */
    static void prepare(Connection connection, Path file) throws SQLException {
        if (!hasTable(connection, "schema_version")) {
            if (hasTable(connection, null)) {
                throw new DbxException(
                        file + " is not a dbx run store (it has tables, but no schema_version)",
                        "move it away; dbx then starts a new one there");
            }
            run(connection, RESOURCE);
            record(connection, VERSION);
            return;
        }
        int version = version(connection);
        if (version > VERSION) {
            throw new DbxException(
                    file + " was written by a newer dbx (run store schema version " + version + "; this dbx reads up"
                            + " to version " + VERSION + ")",
                    "use that newer dbx, or move the file away to let this one start a new run store");
        }
        for (int next = version + 1; next <= VERSION; next++) {
            run(connection, "migrate-" + next + ".sql");
            record(connection, next);
        }
    }

    static int version(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT max(version) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** The statements of a resource file, comments removed (a statement ends with ';'). */
    static List<String> statements(String resource) {
        String text;
        try (InputStream in = Schema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " beside " + Schema.class);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
        StringBuilder code = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            int comment = line.indexOf("--");
            code.append(comment < 0 ? line : line.substring(0, comment)).append('\n');
        }
        List<String> statements = new ArrayList<>();
        for (String statement : code.toString().split(";")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }

    private static void run(Connection connection, String resource) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String statement : statements(resource)) {
                s.execute(statement);
            }
        }
    }

    private static void record(Connection connection, int version) throws SQLException {
        try (PreparedStatement s =
                connection.prepareStatement("INSERT INTO schema_version (version, applied) VALUES (?, ?)")) {
            s.setInt(1, version);
            s.setString(2, Times.text(Instant.now()));
            s.executeUpdate();
        }
    }

    /** Whether the database has a table of that name (any table, for null). */
    private static boolean hasTable(Connection connection, String name) throws SQLException {
        String sql = "SELECT 1 FROM sqlite_master WHERE type = 'table'" + (name == null ? "" : " AND name = ?");
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            if (name != null) {
                s.setString(1, name);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
