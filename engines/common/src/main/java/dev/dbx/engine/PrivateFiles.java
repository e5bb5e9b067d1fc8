package dev.dbx.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Directories and files only their owner can open: the lab's data, logs, state and secret are nobody else's business
 * on a shared machine. A directory of mode 0700 is enough to keep everything below it from other users; files are
 * made 0600 as well, so a copy or a moved file stays private.
 */
public final class PrivateFiles {
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {}

    /** Creates {@code dir} and its missing parents, and makes {@code dir} itself owner-only (also when it existed). */
    public static Path directory(Path dir) throws IOException {
        Files.createDirectories(dir);
        restrict(dir, DIRECTORY);
        return dir;
    }

    /**
     * Makes every directory and file below {@code dir} (and {@code dir}) owner-only: what an older dbx, or a server with
     * a laxer umask, left readable by all. Links are left alone. Nothing happens when {@code dir} does not exist.
     */
    public static void tree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        java.util.List<Path> paths;
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            paths = walk.toList();
        }
        for (Path p : paths) {
            if (Files.isSymbolicLink(p)) {
                continue;
            }
            if (Files.isDirectory(p)) {
                restrict(p, DIRECTORY);
            } else if (Files.isRegularFile(p)) {
                restrict(p, FILE);
            }
        }
    }

    /** Makes an existing file owner-only. */
    public static Path file(Path file) throws IOException {
        restrict(file, FILE);
        return file;
    }

    /** Creates an empty owner-only file unless it exists (then only its mode is set). */
    public static Path createFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // made meanwhile by another dbx: set its mode below
            }
        }
        return file(file);
    }

    private static void restrict(Path path, Set<PosixFilePermission> mode) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(path).equals(mode)) {
                Files.setPosixFilePermissions(path, mode);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to set
        }
    }
}
