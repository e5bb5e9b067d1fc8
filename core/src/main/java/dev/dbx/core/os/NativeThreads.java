package dev.dbx.core.os;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * CPU time of this JVM's threads that are neither Java threads nor the JVM's own (GC, JIT compilers, VM thread): the
 * worker threads an embedded engine starts from native code, such as DuckDB's task scheduler. Linux gives such a thread
 * the name of the thread that created it, so it cannot be told apart by name; it is what remains of the process's CPU
 * once the Java threads' own CPU ({@link java.lang.management.ThreadMXBean}) and the JVM's named threads are taken
 * away. Counted per interval over the threads alive at both ends, so a thread that ends does not show as a jump.
 */
public final class NativeThreads {
    /** Names (as Linux cuts them, 15 characters) HotSpot gives its own threads, none of them a visible Java thread. */
    private static final String[] JVM_OWN = {
        "GC Thread#",
        "G1 ",
        "VM Thread",
        "VM Periodic",
        "C1 CompilerThre",
        "C2 CompilerThre",
        "Sweeper thread",
        "Service Thread",
        "Monitor Deflati",
        "Notification Th",
        "ZWorker",
        "ZDirector",
        "ZDriver",
        "ZStat",
        "Shenandoah",
        "JFR ",
        "Attach Listener"
    };

    private static final long NANOS_PER_TICK = 1_000_000_000L / 100;

    private final com.sun.management.ThreadMXBean java =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private Map<Long, Long> lastTasks = Map.of();
    private Map<Long, Long> lastJava = Map.of();

    /**
     * CPU the native threads used since the last call, in nanoseconds ; empty on the first
     * call, and where /proc or thread CPU time cannot be read.
     */
    public OptionalLong sinceLast() {
        Map<Long, Long> tasks = otherTasks();
        Map<Long, Long> threads = javaThreads();
        if (tasks == null || threads == null) {
            return OptionalLong.empty();
        }
        boolean first = lastTasks.isEmpty();
        long delta = delta(lastTasks, tasks) - delta(lastJava, threads);
        lastTasks = tasks;
        lastJava = threads;
        return first ? OptionalLong.empty() : OptionalLong.of(Math.max(0, delta));
    }

    /** How much the values of keys present both times grew. */
    private static long delta(Map<Long, Long> before, Map<Long, Long> now) {
        long sum = 0;
        for (Map.Entry<Long, Long> e : now.entrySet()) {
            Long was = before.get(e.getKey());
            if (was != null) {
                sum += Math.max(0, e.getValue() - was);
            }
        }
        return sum;
    }

    /**
     * CPU nanoseconds of each of this process's tasks that is not one of the JVM's own, by Linux thread id: from
     * {@code schedstat} (nanoseconds, as the Java threads' figures are), else {@code stat} (10 ms ticks).
     */
    private static Map<Long, Long> otherTasks() {
        Map<Long, Long> out = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (jvmOwn(name)) {
                        continue;
                    }
                    out.put(Long.parseLong(task.getFileName().toString()), cpuNanos(task, stat));
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return out;
    }

    private static long cpuNanos(Path task, String stat) {
        try {
            String schedstat = Files.readString(task.resolve("schedstat"));
            return Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK;
        }
    }

    private Map<Long, Long> javaThreads() {
        if (!java.isThreadCpuTimeSupported() || !java.isThreadCpuTimeEnabled()) {
            return null;
        }
        long[] ids = java.getAllThreadIds();
        long[] cpu = java.getThreadCpuTime(ids);
        Map<Long, Long> out = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (cpu[i] >= 0) {
                out.put(ids[i], cpu[i]);
            }
        }
        return out;
    }

    static boolean jvmOwn(String name) {
        for (String prefix : JVM_OWN) {
            if (prefix.equals("java") ? name.equals(prefix) : name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
