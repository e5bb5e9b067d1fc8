package dev.dbx.store.clickhouse;

import dev.dbx.core.capability.OwnClientResources;
import dev.dbx.core.capability.ServerResources;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The CPU and memory ClickHouse reports of itself in its system tables, in one small read that works on 18.16 and on
 * current servers alike:
 *
 * <ul>
 *   <li>CPU: {@code system.events} {@code UserTimeMicroseconds + SystemTimeMicroseconds}, the CPU time ClickHouse
 *       counts for the threads it profiles (queries' threads): work outside them (background merges on older servers)
 *       is left out, so it may read lower than the process's own figure;
 *   <li>memory: {@code system.asynchronous_metrics} {@code MemoryResident}, the process's resident set (current
 *       servers), else {@code jemalloc.resident}, the allocator's resident bytes (18.16, which has no MemoryResident;
 *       refreshed once a minute, and absent in the first minute after the server started).
 * </ul>
 *
 * <p>Through a client of its own (one HTTP connection, {@link ServerResources#TIMEOUT}), made at the first reading. A
 * failure gives a reading without figures. Making the client does not reach the server (HTTP connects per request): a
 * dead server fails each reading's query within the timeout, and {@link OwnClientResources#RETRY_AFTER} applies only
 * where the client cannot be made at all. {@link #source()} names the memory metric the server turned out to have.
 */
final class ClickHouseResources extends OwnClientResources<ClickHouseSql> {
    static final String CPU = "CPU: system.events UserTimeMicroseconds + SystemTimeMicroseconds, the threads ClickHouse"
            + " profiles (queries'; background work may be left out)";
    static final String QUERY = "SELECT event, toString(value) FROM system.events"
            + " WHERE event IN ('UserTimeMicroseconds', 'SystemTimeMicroseconds')"
            + " UNION ALL SELECT metric, toString(value) FROM system.asynchronous_metrics"
            + " WHERE metric IN ('MemoryResident', 'jemalloc.resident')";

    private final Supplier<ClickHouseSql> connect;
    private volatile String memory = "memory: system.asynchronous_metrics MemoryResident, or jemalloc.resident (the"
            + " allocator's resident bytes, refreshed once a minute) on servers without it";

    /** @param connect makes the client of its own, with the short timeout */
    ClickHouseResources(Supplier<ClickHouseSql> connect) {
        this.connect = connect;
    }

    @Override
    public String source() {
        return "ClickHouse system tables (" + CPU + "; " + memory + ")";
    }

    @Override
    protected ClickHouseSql connect() {
        return connect.get();
    }

    @Override
    protected Reading read(ClickHouseSql sql) {
        return reading(sql.rows("reading its resource figures", QUERY, 2));
    }

    Reading reading(List<String[]> rows) {
        Map<String, Double> values = new HashMap<>();
        for (String[] row : rows) {
            try {
                values.put(row[0], Double.parseDouble(row[1]));
            } catch (NumberFormatException e) {
                // not a figure: left out
            }
        }
        Double user = values.get("UserTimeMicroseconds");
        Double system = values.get("SystemTimeMicroseconds");
        // 18.16 lists only the events that happened: a missing one is zero, both missing is no figure
        Long cpu = user == null && system == null
                ? null
                : Math.round(((user == null ? 0 : user) + (system == null ? 0 : system)) * 1_000);
        Long bytes = null;
        if (values.containsKey("MemoryResident")) {
            bytes = Math.round(values.get("MemoryResident"));
            memory = "memory: system.asynchronous_metrics MemoryResident, the process's resident set";
        } else if (values.containsKey("jemalloc.resident")) {
            bytes = Math.round(values.get("jemalloc.resident"));
            memory = "memory: system.asynchronous_metrics jemalloc.resident, the allocator's resident bytes (this"
                    + " server has no MemoryResident; refreshed once a minute)";
        }
        return new Reading(cpu, bytes == null || bytes <= 0 ? null : bytes);
    }
}
