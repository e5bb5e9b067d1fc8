package dev.dbx.sync.cdc;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbx.core.DbxException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The status file a running {@code dbx sync} writes and {@code dbx sync status} reads, in another process:
 * {@code <dir>/sync-status.json}, shaped
 *
 * <pre>{"targets": [{"target": "sqlite", "applied": 120, "eventsPerSec": 40.0, "lagP50Ms": 12, "lagP99Ms": 80,
 *   "lagMaxMs": 95, "pending": 0, "deadLettered": 1}], "slotRetainedBytes": 56}</pre>
 *
 * Written whole into a file of its own (owner-only) and moved over the old one, so a reader sees the old status or the
 * new one, never half of one.
 */
public final class SyncStatusFile {
    public static final String NAME = "sync-status.json";
    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SyncStatusFile() {}

    public static Path path(Path dir) {
        return dir.resolve(NAME);
    }

    public static void write(Path dir, SyncStatus status) {
        Path target = path(dir);
        Path temp = null;
        try {
            Files.createDirectories(dir);
            boolean posix =
                    FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            temp = posix
                    ? Files.createTempFile(
                            dir,
                            ".sync-status",
                            ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, ".sync-status", ".tmp");
            Files.write(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(status));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new DbxException(
                    "cannot write the sync status to " + target + ": " + e.getMessage(),
                    "check that the directory is writable and not full",
                    e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the move took it, or the directory went away: nothing left to clean
                }
            }
        }
    }

    /** The last status written under {@code dir}; empty when no sync has written one there. */
    public static Optional<SyncStatus> read(Path dir) {
        Path file = path(dir);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (AccessDeniedException e) {
            throw new DbxException("cannot read " + file + ": permission denied", "run as the user running dbx sync");
        } catch (IOException e) {
            throw new DbxException("cannot read " + file + ": " + e.getMessage());
        }
        try {
            // a missing or null targets list fails in SyncStatus's constructor, which Jackson reports as an IOException
            return Optional.of(JSON.readValue(bytes, SyncStatus.class));
        } catch (IOException e) {
            throw new DbxException(
                    file + " is not a sync status ("
                            + e.getMessage().lines().findFirst().orElse("") + ")",
                    "delete it; a running dbx sync writes it again within a second or so");
        }
    }
}
