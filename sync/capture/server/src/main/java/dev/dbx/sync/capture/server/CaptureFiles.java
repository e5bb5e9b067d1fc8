package dev.dbx.sync.capture.server;

/**
 * The files a capture process and its controller share in the pipeline's directory, and the keys in them: the one
 * contract between the two JVMs (this class names no Debezium type, so the controller may use it).
 */
public final class CaptureFiles {
    /** What the process is told to capture (no secret in it): a properties file the controller writes. */
    public static final String SETTINGS = "capture.properties";
    /** The passwords, owner-only; the process reads it once and deletes it. */
    public static final String SECRETS = "secrets.properties";
    /** Progress the process writes about once a second, and its end (a properties file). */
    public static final String STATUS = "status.properties";
    /** Debezium's source offsets (the LSN to resume from), written only for records Kafka acknowledged. */
    public static final String OFFSETS = "offsets.dat";
    /** The process's stdout and stderr. */
    public static final String LOG = "capture.log";

    public static final String MAIN_CLASS = "dev.dbx.sync.capture.server.CaptureMain";

    // settings
    public static final String DATASET = "dataset";
    public static final String PIPELINE = "pipeline";
    public static final String PG_HOST = "postgres.host";
    public static final String PG_PORT = "postgres.port";
    public static final String PG_DATABASE = "postgres.database";
    public static final String PG_USER = "postgres.user";
    public static final String SLOT = "slot";
    public static final String PUBLICATION = "publication";
    public static final String TABLES = "tables";
    public static final String HEARTBEAT_TABLE = "heartbeat.table";
    public static final String HEARTBEAT_QUERY = "heartbeat.query";
    public static final String HEARTBEAT_MS = "heartbeat.interval.ms";
    public static final String POLL_MS = "poll.interval.ms";
    public static final String PARTITIONS = "topic.partitions";

    // secrets
    public static final String PG_PASSWORD = "postgres.password";
    public static final String KAFKA_URI = "kafka.uri";

    // status
    public static final String STATE = "state";
    public static final String EVENTS = "events";
    public static final String SNAPSHOT_EVENTS = "snapshot.events";
    public static final String LAST_POSITION = "last.position";
    public static final String LAST_COMMITTED_AT = "last.committed.at";
    public static final String UPDATED_AT = "updated.at";
    public static final String ERROR = "error";

    /** Exit code when the capture stopped on an error (a record it could not publish, a lost source). */
    public static final int EXIT_FAILED = 3;

    private CaptureFiles() {}
}
