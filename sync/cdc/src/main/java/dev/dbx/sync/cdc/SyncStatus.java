package dev.dbx.sync.cdc;

import java.util.List;

/**
 * What a running {@code dbx sync} reports about its targets; written to a status file for other processes (see
 * {@link SyncStatusFile}).
 *
 * @param targets one entry per target
 * @param slotRetainedBytes WAL the source's replication slot holds back (PostgreSQL's {@code pg_current_wal_lsn() -
 *     restart_lsn}), or null when not measured
 */
public record SyncStatus(List<TargetStatus> targets, Long slotRetainedBytes) {
    public SyncStatus {
        targets = List.copyOf(targets);
    }

    public SyncStatus withSlotRetainedBytes(Long bytes) {
        return new SyncStatus(targets, bytes);
    }
}
