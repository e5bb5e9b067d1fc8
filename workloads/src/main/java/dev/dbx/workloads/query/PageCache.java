package dev.dbx.workloads.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The operating system's page cache, dropped before a cold run where this process may (Linux, as root: {@code sync},
 * then {@code 3 > /proc/sys/vm/drop_caches}, which empties clean pages and dentries; dirty ones are written first).
 */
final class PageCache {
    private static final Path DROP = Path.of("/proc/sys/vm/drop_caches");

    private PageCache() {}

    /** Null when dropped; otherwise why it could not be. */
    static String drop() {
        if (!Files.isWritable(DROP)) {
            return "the OS page cache (" + DROP + " is not writable here: dropping it needs root on Linux)";
        }
        try {
            Process sync = new ProcessBuilder("sync").redirectErrorStream(true).start();
            sync.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            sync.waitFor();
            Files.writeString(DROP, "3");
            return null;
        } catch (IOException e) {
            return "the OS page cache (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "the OS page cache (interrupted)";
        }
    }
}
