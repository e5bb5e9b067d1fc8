package dev.dbx.store.redis;

import dev.dbx.core.capability.OwnClientResources;
import dev.dbx.core.capability.ServerResources;
import io.lettuce.core.api.StatefulRedisConnection;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Redis's CPU and memory as {@code INFO} reports them: {@code used_cpu_sys + used_cpu_user} (the server process's
 * CPU seconds, all its threads, from getrusage) and {@code used_memory_rss} (its resident set, as the OS reports it).
 * One {@code INFO} a reading (a few KB), on a connection of its own opened at the first reading, whose commands time
 * out after {@link ServerResources#TIMEOUT}; while the server is down its commands fail at once (the connection
 * reconnects by itself). A failure gives a reading without figures; connecting reaches the server (within the store's
 * timeout), so after a failed connect the next attempt waits {@link OwnClientResources#RETRY_AFTER}: a dead server
 * costs at most one connect timeout per that period.
 */
final class RedisResources extends OwnClientResources<StatefulRedisConnection<String, String>> {
    static final String SOURCE = "Redis INFO (CPU: used_cpu_sys + used_cpu_user; memory: used_memory_rss)";

    private final RedisConnector connector;

    RedisResources(RedisConnector connector) {
        this.connector = connector;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    protected StatefulRedisConnection<String, String> connect() {
        StatefulRedisConnection<String, String> connection = connector.connect();
        connection.setTimeout(ServerResources.timeout(connector.timeout()));
        return connection;
    }

    @Override
    protected Reading read(StatefulRedisConnection<String, String> connection) {
        return reading(ServerInfo.parse(connection.sync().info()));
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
