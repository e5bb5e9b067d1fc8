package dev.dbx.sync.cdc;

/**
 * One target's figures, as {@code dbx sync status} shows them.
 *
 * @param target the target's name
 * @param applied changes applied since the applier started (a redelivered change counts each time it is applied)
 * @param eventsPerSec changes applied per second since the figures before (or since the start)
 * @param lagP50Ms median time from the source's commit to the target's acknowledged write, since the start; snapshot
 *     reads (no commit time) are not counted
 * @param lagP99Ms 99th percentile of the same
 * @param lagMaxMs the longest of the same
 * @param pending records of the topic the target's consumer group has not committed yet, as Kafka reports it (end
 *     offsets minus committed offsets); -1 when Kafka could not be asked
 * @param deadLettered events sent to the dead-letter topic since the start
 */
public record TargetStatus(
        String target,
        long applied,
        double eventsPerSec,
        long lagP50Ms,
        long lagP99Ms,
        long lagMaxMs,
        long pending,
        long deadLettered) {}
