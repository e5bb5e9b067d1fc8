package dev.dbx.core.capability;

import dev.dbx.core.store.Capability;
import java.time.Duration;

/**
 * The server's CPU and memory as the server itself reports them through its own statistics API (Redis {@code INFO},
 * Elasticsearch's {@code _nodes/stats}, ClickHouse's system tables, MongoDB's {@code serverStatus}): what a benchmark
 * can know of an external server, which is not a process on this machine. A local engine is measured from its PID
 * instead (see {@link dev.dbx.core.store.ResourceProbe}); figures from the two are not the same measure, so reports
 * name which one they show.
 *
 * <p>Asking must not disturb the run it measures: one small request on a connection of the capability's own (never a
 * benchmark session's), bounded by {@link #TIMEOUT}, and a failed, refused or unsupported request gives a reading
 * without figures instead of an error, and is not logged each second. {@link OwnClientResources} is that shape, for a
 * store to fill in.
 */
public interface ServerResources extends Capability {
    /** The longest one reading may take: a runner asks once a second, between its ticks. */
    Duration TIMEOUT = Duration.ofSeconds(1);

    /** The timeout for a reading's client: the store's own where that is shorter than {@link #TIMEOUT}. */
    static Duration timeout(Duration storeTimeout) {
        return storeTimeout.compareTo(TIMEOUT) < 0 ? storeTimeout : TIMEOUT;
    }

    /**
     * Where the figures come from and what they are, for reports, e.g. "Redis INFO (CPU: used_cpu_sys + used_cpu_user;
     * memory: used_memory_rss)"; it also says what the server does not report. After a reading it may name what that
     * server turned out to have (an older version's metric instead of a newer one's).
     */
    String source();

    /** What the server reports now; never throws (a failed request gives {@link Reading#NONE}). */
    Reading read();

    /**
     * One reading.
     *
     * @param cpuNanos CPU time the server has used since it started, as it counts it (all its threads, all cores), in
     *     nanoseconds; a rate comes from two readings. Null when it does not report one, or the request failed.
     * @param memoryBytes the server's memory now, as {@link #source()} names it (resident set where the server reports
     *     one); null when it does not report one, or the request failed
     */
    record Reading(Long cpuNanos, Long memoryBytes) {
        public static final Reading NONE = new Reading(null, null);
    }
}
