package dev.dbx.workloads.load;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The most heap dbx used during a piece of work, two ways. The peak, garbage included: the largest heap occupancy seen
 * just before a garbage collection (the moment it is highest), or now if that is more; a collector with room to spare
 * lets it grow towards {@code -Xmx}, so a peak near the limit is not by itself a sign of trouble. The live peak: the
 * largest occupancy right after a collection, what the work actually kept. Summing each pool's own peak would overstate
 * both, as the pools peak at different moments (it could exceed {@code -Xmx}).
 */
public final class HeapPeak {
    private static final AtomicLong PEAK = new AtomicLong();
    private static final AtomicLong LIVE = new AtomicLong();
    /** JVM uptime (ms) at the last reset: collections that began earlier, such as reset's own, do not count. */
    private static volatile long since;

    static {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(
                        (notification, handback) -> {
                            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                                    notification.getType())) {
                                GcInfo info = GarbageCollectionNotificationInfo.from(
                                                (CompositeData) notification.getUserData())
                                        .getGcInfo();
                                if (info.getStartTime() >= since) {
                                    long live = used(info.getMemoryUsageAfterGc());
                                    // what a collection left was in the heap before it too, whatever the report says
                                    PEAK.accumulateAndGet(
                                            Math.max(used(info.getMemoryUsageBeforeGc()), live), Math::max);
                                    LIVE.accumulateAndGet(live, Math::max);
                                }
                            }
                        },
                        null,
                        null);
            }
        }
    }

    private HeapPeak() {}

    /** Starts a measurement (after a GC, so what came before does not count). */
    public static void reset() {
        System.gc();
        since = ManagementFactory.getRuntimeMXBean().getUptime();
        PEAK.set(current());
        LIVE.set(current());
    }

    /** Peak used heap since {@link #reset}. */
    public static long bytes() {
        return Math.max(PEAK.get(), current());
    }

    /** Peak heap right after a collection since {@link #reset}: the most the work kept alive at once. */
    public static long liveBytes() {
        return LIVE.get();
    }

    private static long current() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Heap used across the heap pools at one moment (the non-heap pools of a GC's report left out). */
    private static long used(Map<String, MemoryUsage> pools) {
        long used = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                MemoryUsage usage = pools.get(pool.getName());
                used += usage == null ? 0 : usage.getUsed();
            }
        }
        return used;
    }
}
