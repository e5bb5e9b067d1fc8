package dev.dbx.sync.capture.server;

import java.util.Properties;
import java.util.stream.Collectors;

/** The embedded engine's configuration for one pipeline: Debezium's PostgreSQL connector reading through pgoutput. */
final class DebeziumSettings {
    private DebeziumSettings() {}

    static Properties of(CaptureSettings s) {
        Properties p = new Properties();
        p.setProperty("name", "dbx-capture-" + s.pipeline());
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        // Offsets in a file of the pipeline's own directory; the engine writes only what the handler marked processed,
        // i.e. what Kafka acknowledged. Flushed every second: the slot's confirmed position follows each flush.
        p.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
        p.setProperty(
                "offset.storage.file.filename",
                s.home().resolve(CaptureFiles.OFFSETS).toString());
        p.setProperty("offset.flush.interval.ms", "1000");

        p.setProperty("database.hostname", s.pgHost());
        p.setProperty("database.port", Integer.toString(s.pgPort()));
        p.setProperty("database.user", s.pgUser());
        p.setProperty("database.password", s.pgPassword());
        p.setProperty("database.dbname", s.pgDatabase());
        p.setProperty("topic.prefix", s.slot());

        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", s.slot());
        // dbx made the publication (the tables' owner may; the replication role need not own them)
        p.setProperty("publication.name", s.publication());
        p.setProperty("publication.autocreate.mode", "disabled");
        p.setProperty(
                "table.include.list",
                s.tables().stream().map(t -> t.replace(".", "\\.")).collect(Collectors.joining(",")));

        // a consistent snapshot on the first start, streaming from its position after it; never again once offsets
        // exist
        p.setProperty("snapshot.mode", "initial");
        // exact values: NUMERIC as its decimal string, DATE as days since the epoch (io.debezium.time.Date)
        p.setProperty("decimal.handling.mode", "string");
        p.setProperty("time.precision.mode", "adaptive");
        // a delete is one event: the sinks need no Kafka tombstone
        p.setProperty("tombstones.on.delete", "false");

        // on a quiet dataset the heartbeat's write gives the slot a position to confirm, so the source can free WAL
        p.setProperty("heartbeat.interval.ms", Long.toString(s.heartbeatMillis()));
        p.setProperty("heartbeat.action.query", s.heartbeatQuery());
        // how long the stream waits for more changes: a short wait keeps commit-to-Kafka latency low
        p.setProperty("poll.interval.ms", Long.toString(s.pollMillis()));
        return p;
    }
}
