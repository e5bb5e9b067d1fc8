package dev.dbx.sync.cdc;

import dev.dbx.core.DbxException;
import java.time.Duration;

/**
 * How an applier paces itself.
 *
 * @param maxBatch the most records one poll hands over (Kafka's {@code max.poll.records}): one {@code Sink.apply} each
 * @param poll how long one poll waits for records; also how soon a stop is noticed
 * @param backoffStart the first wait before a failed batch is tried again
 * @param backoffMax the longest wait between tries (the waits double up to it)
 * @param rejectAttempts how many times an event must fail on its own, while the target answers its health check,
 *     before it is taken as rejected and dead-lettered
 * @param statusEvery how often the running process writes its status file
 */
public record ApplySettings(
        int maxBatch,
        Duration poll,
        Duration backoffStart,
        Duration backoffMax,
        int rejectAttempts,
        Duration statusEvery) {
    public static final ApplySettings DEFAULTS = new ApplySettings(
            2000, Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofSeconds(5), 3, Duration.ofSeconds(1));

    public ApplySettings {
        if (maxBatch < 1) {
            throw new DbxException("a CDC batch needs at least 1 record, not " + maxBatch);
        }
        if (rejectAttempts < 1) {
            throw new DbxException("an event needs at least 1 attempt before it is rejected, not " + rejectAttempts);
        }
        for (Duration d : new Duration[] {poll, backoffStart, backoffMax, statusEvery}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new DbxException("CDC waits must be positive durations, not " + d);
            }
        }
        if (backoffMax.compareTo(backoffStart) < 0) {
            throw new DbxException(
                    "the longest backoff (" + backoffMax + ") is shorter than the first (" + backoffStart + ")");
        }
    }

    public ApplySettings withMaxBatch(int records) {
        return new ApplySettings(records, poll, backoffStart, backoffMax, rejectAttempts, statusEvery);
    }
}
