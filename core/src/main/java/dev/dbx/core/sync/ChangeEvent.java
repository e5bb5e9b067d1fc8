package dev.dbx.core.sync;

import java.util.Objects;

/**
 * A {@link Change} as it travels through Kafka, with what the pipeline measures it by: the source's commit time (lag is
 * the time from it to the target's acknowledged write) and the source's position (PostgreSQL's LSN, for logs and
 * dead letters). {@link ChangeEvents} turns it into a Kafka record's key and value and back.
 *
 * @param dataset the dataset the change belongs to, e.g. "tpch"
 * @param change the row change
 * @param committedAtMillis when the source committed the change (epoch milliseconds), or 0 for a snapshot read
 * @param position the source's position of the change, e.g. an LSN "0/16B3748"; empty when unknown
 */
public record ChangeEvent(String dataset, Change change, long committedAtMillis, String position) {
    public ChangeEvent {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(change, "change");
        position = position == null ? "" : position;
    }

    /** The Kafka record key: the target record the change lands in, so its changes share a partition (in order). */
    public String key() {
        return DocumentKeys.of(change);
    }
}
