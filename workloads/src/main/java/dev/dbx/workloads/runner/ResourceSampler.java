package dev.dbx.workloads.runner;

import com.sun.management.OperatingSystemMXBean;
import dev.dbx.core.capability.ServerResources;
import dev.dbx.core.os.NativeThreads;
import dev.dbx.core.os.ProcessTree;
import dev.dbx.core.store.Placement;
import dev.dbx.core.store.Store;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.OptionalLong;

/**
 * Samples, once a second, what the server and dbx use: a local engine's process tree (CPU from /proc, memory as PSS;
 * asked for its PID each time, so a restarted engine is followed), and dbx's own JVM (CPU, heap, GC time), so a reader
 * can see whether the driver or the database was the bottleneck. An embedded store works inside dbx's JVM: what it does
 * on dbx's client threads is in dbx's figures, and the CPU of the worker threads it starts itself from native code
 * ({@link NativeThreads}, e.g. DuckDB's) is its own "server" CPU. An external server is not a process here: what it reports of itself through its own statistics
 * API ({@link ServerResources}, when the store hands one out) is sampled instead, and {@link #source()} says so. A
 * reading that fails is a second without server figures, never a failed run.
 */
public final class ResourceSampler {
    private final Store store;
    private final RunClock clock;
    /** What an external server reports of itself, or null (not external, or the store reads nothing from it). */
    private final ServerResources reported;
    /** An embedded engine's own native threads, or null (not embedded). */
    private final NativeThreads natives;

    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long lastNanos;
    private long lastServerCpu = -1;
    /** When the last reading of an external server's figures came back. */
    private long lastReadNanos;

    private long lastDbxCpu;
    private long lastGcMillis;

    public ResourceSampler(Store store, RunClock clock) {
        this.store = store;
        this.clock = clock;
        this.reported = store.placement() == Placement.EXTERNAL
                ? store.capability(ServerResources.class).orElse(null)
                : null;
        this.natives = store.placement() == Placement.EMBEDDED ? new NativeThreads() : null;
    }

    /** What "the server" means in this run's figures, for reports. */
    public String source() {
        return switch (store.placement()) {
            case LOCAL_ENGINE -> "the local engine's process tree (CPU from /proc, memory as PSS)";
            case EMBEDDED ->
                "inside dbx's JVM: CPU is that of the worker threads the engine starts itself (none when it works on"
                        + " the calling threads only); its work on dbx's client threads, and its memory, are in dbx's"
                        + " figures";
            case EXTERNAL ->
                reported == null
                        ? "not sampled: an external server is not a process on this machine, and the store reads no"
                                + " figures of its own from it"
                        : "the server's own figures, from " + reported.source()
                                + " (an external server: not a process on this machine)";
        };
    }

    /** Starts counting from now: the next sample covers the time since. */
    public void start() {
        lastNanos = clock.nanoTime();
        if (reported != null) {
            ServerResources.Reading reading = read();
            lastReadNanos = clock.nanoTime();
            lastServerCpu = reading.cpuNanos() == null ? -1 : reading.cpuNanos();
        } else if (natives != null) {
            natives.sinceLast();
        } else {
            lastServerCpu = serverCpu();
        }
        lastDbxCpu = os.getProcessCpuTime();
        lastGcMillis = gcMillis();
    }

    public ResourceSample sample(long second) {
        long now = clock.nanoTime();
        double elapsed = Math.max(1, now - lastNanos);
        Double serverPercent = null;
        Long serverMemory = null;
        long serverCpu;
        if (reported != null) {
            ServerResources.Reading reading = read();
            long readAt = clock.nanoTime();
            serverCpu = reading.cpuNanos() == null ? -1 : reading.cpuNanos();
            // the server's counter over the time between two readings; a counter that went back (the server
            // restarted) gives no figure for that second
            if (serverCpu >= 0 && lastServerCpu >= 0 && serverCpu >= lastServerCpu) {
                serverPercent = 100.0 * (serverCpu - lastServerCpu) / Math.max(1, readAt - lastReadNanos);
            }
            serverMemory = reading.memoryBytes();
            lastReadNanos = readAt;
        } else if (natives != null) {
            serverCpu = -1;
            OptionalLong own = natives.sinceLast();
            serverPercent = own.isPresent() ? 100.0 * own.getAsLong() / elapsed : null;
        } else {
            serverCpu = serverCpu();
            if (serverCpu >= 0 && lastServerCpu >= 0) {
                serverPercent = 100.0 * (serverCpu - lastServerCpu) / elapsed;
            }
            OptionalLong pid = serverPid();
            if (pid.isPresent()) {
                OptionalLong memory = ProcessTree.memoryBytes(pid.getAsLong());
                serverMemory = memory.isPresent() ? memory.getAsLong() : null;
            }
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
    public long dbxCpuNanos() {
        return os.getProcessCpuTime();
    }

    /** The external server's own figures; a capability that breaks its promise and throws gives none. */
    private ServerResources.Reading read() {
        try {
            ServerResources.Reading reading = reported.read();
            return reading == null ? ServerResources.Reading.NONE : reading;
        } catch (RuntimeException e) {
            return ServerResources.Reading.NONE;
        }
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
