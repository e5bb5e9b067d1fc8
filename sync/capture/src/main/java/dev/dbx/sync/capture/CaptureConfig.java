package dev.dbx.sync.capture;

import dev.dbx.core.DbxException;
import dev.dbx.core.Identifiers;
import dev.dbx.core.sync.CaptureSource;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What one capture pipeline reads and where it publishes.
 *
 * @param dataset the dataset whose changes are captured, e.g. "tpch" (its topic is {@code ChangeEvents.topic})
 * @param source what the source prepared for the pipeline ({@code ChangeSource.prepare})
 * @param sourceUri the PostgreSQL URI (host, port, database, password; the user is {@code replicationUser})
 * @param replicationUser the role the capture logs in as: it needs REPLICATION ({@code dbx_replication} on dbx's local
 *     engine)
 * @param kafkaUri the Kafka URI, e.g. {@code kafka://dbx:secret@127.0.0.1:19092}
 * @param partitions partitions of the topic when the capture creates it
 * @param heartbeat how often the capture writes its heartbeat (and so confirms its position on a quiet source)
 * @param poll how long the stream waits for more changes before it hands over a batch
 */
public record CaptureConfig(
        String dataset,
        CaptureSource source,
        URI sourceUri,
        String replicationUser,
        URI kafkaUri,
        int partitions,
        Duration heartbeat,
        Duration poll) {
    public static final String DEFAULT_REPLICATION_USER = "dbx_replication";
    public static final int DEFAULT_PARTITIONS = 4;
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_POLL = Duration.ofMillis(10);

    public CaptureConfig {
        Objects.requireNonNull(source, "source");
        Identifiers.require("dataset name", dataset);
        Identifiers.require("replication user", replicationUser);
        if (sourceUri == null || sourceUri.getHost() == null) {
            throw new DbxException(
                    "the capture needs the source's PostgreSQL URI with its host",
                    "e.g. postgresql://user:password@127.0.0.1:5432/dbx");
        }
        if (kafkaUri == null || kafkaUri.getHost() == null || kafkaUri.getPort() < 0) {
            throw new DbxException(
                    "the capture needs Kafka's URI with host and port", "e.g. kafka://dbx:secret@127.0.0.1:19092");
        }
        if (partitions < 1 || partitions > 1000) {
            throw new DbxException("the change topic's partitions must be 1 to 1000, not " + partitions);
        }
        if (heartbeat.isNegative() || heartbeat.isZero() || poll.isNegative() || poll.isZero()) {
            throw new DbxException("the capture's heartbeat and poll intervals must be positive");
        }
    }

    /** The defaults: {@value #DEFAULT_REPLICATION_USER}, {@value #DEFAULT_PARTITIONS} partitions, 10 s heartbeat. */
    public static CaptureConfig of(String dataset, CaptureSource source, URI sourceUri, URI kafkaUri) {
        return new CaptureConfig(
                dataset,
                source,
                sourceUri,
                DEFAULT_REPLICATION_USER,
                kafkaUri,
                DEFAULT_PARTITIONS,
                DEFAULT_HEARTBEAT,
                DEFAULT_POLL);
    }

    public CaptureConfig withHeartbeat(Duration every) {
        return new CaptureConfig(dataset, source, sourceUri, replicationUser, kafkaUri, partitions, every, poll);
    }

    public CaptureConfig withPartitions(int count) {
        return new CaptureConfig(dataset, source, sourceUri, replicationUser, kafkaUri, count, heartbeat, poll);
    }
}
