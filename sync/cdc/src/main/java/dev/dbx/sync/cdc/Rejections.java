package dev.dbx.sync.cdc;

/**
 * When events that failed on their own, while the target answered its health check, count as rejected (dead-lettered)
 * rather than as a sign that the target cannot write at all (a dropped table, a full disk, a lock held past the
 * target's timeout: failures with no transient shape): only with evidence that the target writes other events.
 *
 * <ul>
 *   <li>another event of the same batch was applied in the same pass; or
 *   <li>the batch is that one event (low traffic hands over one event per poll), and fewer than {@link #MAX_IN_A_ROW}
 *       events were rejected since the target last applied one: a target that refuses everything stops the flow after
 *       that many dead letters, instead of dead-lettering the whole stream.
 * </ul>
 *
 * Otherwise the batch waits and is tried again, like a batch of a target that is down.
 */
final class Rejections {
    static final int MAX_IN_A_ROW = 10;

    private Rejections() {}

    static boolean mayReject(boolean otherEventApplied, int batchSize, int rejectedInARow) {
        return otherEventApplied || (batchSize == 1 && rejectedInARow < MAX_IN_A_ROW);
    }
}
