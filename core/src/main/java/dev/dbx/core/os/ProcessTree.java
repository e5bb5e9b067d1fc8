package dev.dbx.core.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * CPU time and memory of a process and its descendants, from Linux's {@code /proc}: what a server uses, however many
 * processes it forks (PostgreSQL's backends, a JVM's helpers). Memory is PSS (shared pages divided among the processes
 * sharing them), so a multi-process server is not counted twice; RSS where PSS cannot be read.
 */
public final class ProcessTree {
    /** Clock ticks per second of /proc's CPU times: 100 on every Linux dbx runs on (USER_HZ). */
    private static final long TICKS_PER_SECOND = 100;

    private ProcessTree() {}

    /** The process and its live descendants. */
    public static List<ProcessHandle> of(long pid) {
        List<ProcessHandle> tree = new ArrayList<>();
        ProcessHandle.of(pid).ifPresent(p -> {
            tree.add(p);
            p.descendants().forEach(tree::add);
        });
        return tree;
    }

    /** CPU time (user + system) the tree has used so far, in nanoseconds; empty when the process is gone. */
    public static OptionalLong cpuNanos(long pid) {
        List<ProcessHandle> tree = of(pid);
        if (tree.isEmpty()) {
            return OptionalLong.empty();
        }
        long ticks = 0;
        for (ProcessHandle p : tree) {
            ticks += cpuTicks(p.pid());
        }
        return OptionalLong.of(ticks * (1_000_000_000L / TICKS_PER_SECOND));
    }

    /** Memory of the tree (PSS, else RSS), in bytes; empty when unreadable. */
    public static OptionalLong memoryBytes(long pid) {
        long total = 0;
        boolean any = false;
        for (ProcessHandle p : of(pid)) {
            Long bytes = kbField(Path.of("/proc", Long.toString(p.pid()), "smaps_rollup"), "Pss:");
            if (bytes == null) {
                bytes = kbField(Path.of("/proc", Long.toString(p.pid()), "status"), "VmRSS:");
            }
            if (bytes != null) {
                total += bytes;
                any = true;
            }
        }
        return any ? OptionalLong.of(total) : OptionalLong.empty();
    }

    /** utime + stime of one process, in clock ticks (0 when gone). */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name may hold spaces and parentheses: fields start after the last ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static Long kbField(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field)) {
                    String[] parts = line.substring(field.length()).strip().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not ours to read
        }
        return null;
    }
}
