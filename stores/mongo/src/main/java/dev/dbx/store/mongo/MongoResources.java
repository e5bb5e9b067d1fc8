package dev.dbx.store.mongo;

import com.mongodb.client.MongoClient;
import dev.dbx.core.capability.OwnClientResources;
import dev.dbx.core.capability.ServerResources;
import java.util.function.Supplier;
import org.bson.Document;

/**
 * The CPU and memory a MongoDB server reports of itself in {@code serverStatus}: {@code mem.resident} (its resident
 * set, in MiB) and, where the server reports them, {@code extra_info.user_time_us + extra_info.system_time_us} (its
 * CPU time on Linux). The big sections of the answer (WiredTiger, metrics, locks...) are left out of the request.
 * mongo-java-server answers {@code serverStatus} with neither figure (host, version, uptime and connections only): a
 * store reaching it gets readings without figures, and the source says so.
 *
 * <p>Through a client of its own (one connection, {@link ServerResources#TIMEOUT}), made at the first reading, never a
 * benchmark session's connection. A failure gives a reading without figures. Making the client does not reach the
 * server (the driver connects in the background): a dead server fails each reading's command within the timeout, and
 * {@link OwnClientResources#RETRY_AFTER} applies only where the client cannot be made at all.
 */
final class MongoResources extends OwnClientResources<MongoClient> {
    static final String SOURCE = "MongoDB serverStatus (CPU: extra_info.user_time_us + extra_info.system_time_us,"
            + " where the server reports them; memory: mem.resident; mongo-java-server reports neither)";

    /** Top-level sections left out of the answer: only mem and extra_info are read. */
    private static final Document COMMAND = new Document("serverStatus", 1);

    static {
        for (String section : new String[] {
            "asserts",
            "catalogStats",
            "connections",
            "electionMetrics",
            "flowControl",
            "globalLock",
            "indexBulkBuilder",
            "locks",
            "logicalSessionRecordCache",
            "metrics",
            "network",
            "opLatencies",
            "opcounters",
            "opcountersRepl",
            "oplogTruncation",
            "queryAnalyzers",
            "readConcernCounters",
            "repl",
            "security",
            "sharding",
            "shardingStatistics",
            "storageEngine",
            "tcmalloc",
            "trafficRecording",
            "transactions",
            "transportSecurity",
            "twoPhaseCommitCoordinator",
            "wiredTiger",
            "writeBacksQueued"
        }) {
            COMMAND.append(section, 0);
        }
    }

    private final Supplier<MongoClient> connect;

    /** @param connect makes the client of its own, with one connection and the short timeout */
    MongoResources(Supplier<MongoClient> connect) {
        this.connect = connect;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    protected MongoClient connect() {
        return connect.get();
    }

    @Override
    protected Reading read(MongoClient client) {
        return reading(client.getDatabase("admin").runCommand(COMMAND));
    }

    static Reading reading(Document status) {
        Long cpu = null;
        if (status.get("extra_info") instanceof Document extra
                && extra.get("user_time_us") instanceof Number user
                && extra.get("system_time_us") instanceof Number system) {
            cpu = (user.longValue() + system.longValue()) * 1_000L;
        }
        Long memory = null;
        if (status.get("mem") instanceof Document mem
                && mem.get("resident") instanceof Number mib
                && mib.longValue() > 0) {
            memory = mib.longValue() * 1024 * 1024;
        }
        return new Reading(cpu, memory);
    }
}
