package dev.dbx.engine.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL refuses to run as root. As root, its programs run under {@code unshare -U}: in a new user namespace
 * without a mapping the process is uid 65534 (and so is the owner of root's files), which PostgreSQL accepts, while
 * the kernel still checks file access as root. {@code unshare} exec's the program, so the PID stays the server's.
 */
final class UserNamespace {
    private UserNamespace() {}

    /** {@code command}, prefixed with {@code unshare -U} when this process runs as root. */
    static List<String> wrap(List<String> command) {
        if (!runningAsRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("unshare", "-U"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** The effective uid is 0 (from /proc, which needs no native code). */
    static boolean runningAsRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    String[] ids = line.substring("Uid:".length()).strip().split("\\s+");
                    return "0".equals(ids[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc is unreadable: assume an ordinary user
        }
        return false;
    }
}
