package dev.dbx.workloads.ycsb;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The versions updates write, one counter for the whole workload: every update takes the next, so a value newer than
 * the newest given out was never written.
 *
 * <p>Runs of another dbx process may have updated the same store before (a store is loaded once and benchmarked many
 * times), so a run does not start at 1: it starts at its start time in seconds (since November 2023) times 2^24. An
 * earlier process's versions are then all lower than this one's, unless one of them wrote more than 16 million
 * updates a second, so "no newer than the newest given out" holds across processes too. Loaded values are version 0.
 */
final class Versions {
    private static final long ORIGIN_SECONDS = 1_700_000_000L;
    private static final int PER_SECOND_BITS = 24;

    private final AtomicLong newest;

    Versions(long start) {
        this.newest = new AtomicLong(start);
    }

    /** Versions starting above the current time's base. */
    static Versions startingNow() {
        long seconds = Math.max(0, Instant.now().getEpochSecond() - ORIGIN_SECONDS);
        return new Versions(seconds << PER_SECOND_BITS);
    }

    /** The version for a new write. */
    long next() {
        return newest.incrementAndGet();
    }

    /** The newest version given out so far. */
    long newest() {
        return newest.get();
    }
}
