package dev.dbx.workloads.runner;

import com.sun.management.OperatingSystemMXBean;
import dev.dbx.core.os.ProcessTree;
import dev.dbx.core.store.Placement;
import dev.dbx.core.store.Store;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.OptionalLong;

/**
 * Samples, once a second, what the server and dbx use: a local engine's process tree (CPU from /proc, memory as PSS;
 * asked for its PID each time, so a restarted engine is followed), and dbx's own JVM (CPU, heap, GC time), so a reader
 * can see whether the driver or the database was the bottleneck. An embedded store works inside dbx's JVM: its share
 * is in dbx's figures. An external server is not a process here: nothing of it is sampled.
 */
final class ResourceSampler {
    private final Store store;
    private final RunClock clock;
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long lastNanos;
    private long lastServerCpu = -1;
    private long lastDbxCpu;
    private long lastGcMillis;

    ResourceSampler(Store store, RunClock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What "the server" means in this run's figures, for reports. */
    String source() {
        return switch (store.placement()) {
            case LOCAL_ENGINE -> "the local engine's process tree (CPU from /proc, memory as PSS)";
            case EMBEDDED -> "none of its own: the store runs inside dbx's JVM, whose CPU and heap include its work";
            case EXTERNAL -> "not sampled: an external server is not a process on this machine";
        };
    }

    /** Starts counting from now: the next sample covers the time since. */
    void start() {
        lastNanos = clock.nanoTime();
        lastServerCpu = serverCpu();
        lastDbxCpu = os.getProcessCpuTime();
        lastGcMillis = gcMillis();
    }

    ResourceSample sample(long second) {
        long now = clock.nanoTime();
        double elapsed = Math.max(1, now - lastNanos);
        Double serverPercent = null;
        Long serverMemory = null;
        long serverCpu = serverCpu();
        if (serverCpu >= 0 && lastServerCpu >= 0) {
            serverPercent = 100.0 * (serverCpu - lastServerCpu) / elapsed;
        }
        OptionalLong pid = serverPid();
        if (pid.isPresent()) {
            OptionalLong memory = ProcessTree.memoryBytes(pid.getAsLong());
            serverMemory = memory.isPresent() ? memory.getAsLong() : null;
        }
        long dbxCpu = os.getProcessCpuTime();
        long gc = gcMillis();
        ResourceSample sample = new ResourceSample(
                second,
                serverPercent,
                serverMemory,
                100.0 * (dbxCpu - lastDbxCpu) / elapsed,
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                gc - lastGcMillis);
        lastNanos = now;
        lastServerCpu = serverCpu;
        lastDbxCpu = dbxCpu;
        lastGcMillis = gc;
        return sample;
    }

    /** dbx's JVM CPU so far, in nanoseconds. */
    long dbxCpuNanos() {
        return os.getProcessCpuTime();
    }

    private OptionalLong serverPid() {
        return store.placement() == Placement.LOCAL_ENGINE ? store.resources().pid() : OptionalLong.empty();
    }

    private long serverCpu() {
        OptionalLong pid = serverPid();
        if (pid.isEmpty()) {
            return -1;
        }
        OptionalLong cpu = ProcessTree.cpuNanos(pid.getAsLong());
        return cpu.isPresent() ? cpu.getAsLong() : -1;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }
}
