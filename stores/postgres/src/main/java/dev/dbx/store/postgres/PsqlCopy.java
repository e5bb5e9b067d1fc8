package dev.dbx.store.postgres;

import dev.dbx.core.DbxException;
import dev.dbx.core.Uris;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL's own client-side bulk path, {@code psql \copy}, run as the PostgreSQL client tools run it: the baseline
 * dbx's COPY is measured against. Needs {@code psql} on the PATH (Debian: postgresql-client).
 *
 * <p>The URI's password never goes on psql's command line (anyone on the machine can read that): psql gets it from a
 * password file of its own ({@code PGPASSFILE}, mode 0600, deleted when psql is done). psql never prompts.
 */
final class PsqlCopy {
    private final URI uri;

    PsqlCopy(URI uri) {
        this.uri = uri;
    }

    String describe() {
        return "psql \\copy (" + version() + ")";
    }

    /** Loads a '|'-separated file into {@code table} with {@code \copy ... (FORMAT text, DELIMITER '|')}. */
    void load(String table, List<String> columns, Path file) {
        run(command(table, columns, file));
    }

    /** psql's command line: where, as whom, what; never the password. */
    List<String> command(String table, List<String> columns, Path file) {
        String copy = "\\copy " + table + " (" + String.join(", ", columns) + ") FROM '"
                + file.toAbsolutePath().toString().replace("'", "''") + "' WITH (FORMAT text, DELIMITER '|')";
        return List.of(
                psql().toString(),
                "-X",
                "-q",
                // never ask for a password (it would wait for a terminal): the password file has it, or it fails
                "-w",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                Uris.host(uri, PostgresStoreProvider.EXAMPLE),
                "-p",
                Integer.toString(Uris.port(uri, 5432)),
                "-U",
                Uris.user(uri, "postgres"),
                "-d",
                Uris.database(uri, "postgres"),
                "-c",
                copy);
    }

    /**
     * A password file ({@code hostname:port:database:username:password}) matching any connection, holding the URI's
     * password; owner-only from its creation.
     */
    static Path passwordFile(String password) throws IOException {
        Path file = Files.createTempFile(
                "dbx-pgpass-", "", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        // in a password file, ':' and '\' are escaped with '\'
        String escaped = password.replace("\\", "\\\\").replace(":", "\\:");
        Files.writeString(file, "*:*:*:*:" + escaped + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private String version() {
        try {
            Process p = new ProcessBuilder(psql().toString(), "--version")
                    .redirectErrorStream(true)
                    .start();
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "psql";
        }
    }

    private void run(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        String password = Uris.password(uri, null);
        Path passfile = null;
        try {
            if (password != null) {
                passfile = passwordFile(password);
                builder.environment().put("PGPASSFILE", passfile.toString());
                // one from dbx's own environment would win over the file
                builder.environment().remove("PGPASSWORD");
            }
            Process p = builder.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0) {
                throw new DbxException("psql \\copy failed: " + Uris.redactText(output));
            }
        } catch (IOException e) {
            throw new DbxException("cannot run psql: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbxException("interrupted while psql ran");
        } finally {
            if (passfile != null) {
                try {
                    Files.deleteIfExists(passfile);
                } catch (IOException ignored) {
                    // owner-only in the temporary directory; nothing more can be done
                }
            }
        }
    }

    private static Path psql() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Arrays.stream(path.split(File.pathSeparator))
                .map(dir -> Path.of(dir, "psql"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new DbxException(
                        "psql is not installed",
                        "install the PostgreSQL client: sudo apt-get install postgresql-client"));
    }
}
