package dev.dbx.workloads.load;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/** The most heap dbx used during a piece of work: the JVM's own peak counters, reset before and read after. */
public final class HeapPeak {
    private HeapPeak() {}

    /** Starts a measurement (after a GC, so what came before does not count). */
    public static void reset() {
        System.gc();
        pools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Peak used heap since {@link #reset}, summed over the heap pools: garbage included, so an upper bound. */
    public static long bytes() {
        return pools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> pools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
    }
}
