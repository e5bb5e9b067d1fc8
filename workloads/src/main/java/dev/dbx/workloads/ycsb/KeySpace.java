package dev.dbx.workloads.ycsb;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The records of one store's usertable as the workload knows them: numbers 0 to {@code records - 1} loaded, then
 * those inserted, which continue the loaded sequence (YCSB's transaction insert key sequence) and are shared by every
 * thread and every run on that store, so no key is inserted twice.
 */
final class KeySpace {
    private final long records;
    private final AcknowledgedCounterGenerator inserts;
    /** Inserts that failed: readers may still be sent to them (the counter moves on), and must not call them lost. */
    private final Set<Long> failedInserts = ConcurrentHashMap.newKeySet();

    KeySpace(long records) {
        this.records = records;
        this.inserts = new AcknowledgedCounterGenerator(records);
    }

    long records() {
        return records;
    }

    /** The counter readers follow: its last value is the newest record whose insert has finished. */
    CounterGenerator acknowledged() {
        return inserts;
    }

    /** The highest record number a reader may ask for. */
    long last() {
        return inserts.last();
    }

    /** A new record number for an insert. */
    long nextInsert() {
        return inserts.next();
    }

    /** The insert of {@code n} is over, written or not. */
    void inserted(long n, boolean written) {
        if (!written) {
            failedInserts.add(n);
        }
        inserts.acknowledge(n);
    }

    /** Whether {@code n}'s insert failed (so it may rightly be missing). */
    boolean insertFailed(long n) {
        return n >= records && !failedInserts.isEmpty() && failedInserts.contains(n);
    }
}
