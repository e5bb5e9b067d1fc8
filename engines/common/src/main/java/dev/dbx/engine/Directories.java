package dev.dbx.engine;

import dev.dbx.core.DbxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deleting what dbx keeps on disk for an engine or an embedded store. */
public final class Directories {
    private Directories() {}

    /** Deletes {@code root} and everything below it; nothing happens when it does not exist. */
    public static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new DbxException("cannot delete " + root + ": " + e.getMessage());
        }
    }
}
