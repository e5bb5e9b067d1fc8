package dev.dbx.store.redis;

import dev.dbx.core.capability.ServerResources;
import io.lettuce.core.api.StatefulRedisConnection;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * Redis's CPU and memory as {@code INFO} reports them: {@code used_cpu_sys + used_cpu_user} (the server process's
 * CPU seconds, all its threads, from getrusage) and {@code used_memory_rss} (its resident set, as the OS reports it).
 * One {@code INFO} a reading (a few KB), on a connection of its own opened at the first reading, whose commands time
 * out after {@link ServerResources#TIMEOUT}; while the server is down its commands fail at once (the connection
 * reconnects by itself). A failure gives a reading without figures; after a failed connect the next attempt waits
 * {@link #RETRY_AFTER}, so a dead server costs at most one connect timeout per that period.
 */
final class RedisResources implements ServerResources {
    static final String SOURCE = "Redis INFO (CPU: used_cpu_sys + used_cpu_user; memory: used_memory_rss)";
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final RedisConnector connector;
    private StatefulRedisConnection<String, String> connection;
    private long nextConnect = System.nanoTime();

    RedisResources(RedisConnector connector) {
        this.connector = connector;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public synchronized Reading read() {
        try {
            StatefulRedisConnection<String, String> c = connection();
            return c == null ? Reading.NONE : reading(ServerInfo.parse(c.sync().info()));
        } catch (RuntimeException e) {
            return Reading.NONE;
        }
    }

    private StatefulRedisConnection<String, String> connection() {
        if (connection == null && System.nanoTime() - nextConnect >= 0) {
            try {
                connection = connector.connect();
                Duration timeout = connector.timeout();
                connection.setTimeout(timeout.compareTo(TIMEOUT) < 0 ? timeout : TIMEOUT);
            } catch (RuntimeException e) {
                nextConnect = System.nanoTime() + RETRY_AFTER.toNanos();
                throw e;
            }
        }
        return connection;
    }

    /** The figures in an {@code INFO} answer; each one null when missing or not a number. */
    static Reading reading(Map<String, String> info) {
        BigDecimal sys = decimal(info.get("used_cpu_sys"));
        BigDecimal user = decimal(info.get("used_cpu_user"));
        Long cpuNanos = sys == null || user == null
                ? null
                : sys.add(user).movePointRight(9).longValue();
        BigDecimal rss = decimal(info.get("used_memory_rss"));
        return new Reading(cpuNanos, rss == null ? null : rss.longValue());
    }

    private static BigDecimal decimal(String text) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
