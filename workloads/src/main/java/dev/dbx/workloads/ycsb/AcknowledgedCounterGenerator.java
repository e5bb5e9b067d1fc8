package dev.dbx.workloads.ycsb;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReentrantLock;

/**
 * YCSB's AcknowledgedCounterGenerator: numbers are given out as by a {@link CounterGenerator}, but {@link #last()} is
 * the highest number below which every number has been acknowledged (its insert finished), so a reader choosing among
 * records up to {@code last()} never asks for one still being written.
 *
 * <p>As YCSB's, it keeps a window of 2^20 pending acknowledgements and moves the limit forward under a lock that
 * acknowledgers only try. Unlike YCSB's (plain booleans written without a lock, and an acknowledgement that arrives
 * while another thread holds the lock left until the next one), the window is an atomic bit set and an acknowledger
 * looks again after letting the lock go, so the limit never stays behind a finished insert.
 */
public final class AcknowledgedCounterGenerator extends CounterGenerator {
    static final int WINDOW_SIZE = 1 << 20;
    private static final int WINDOW_MASK = WINDOW_SIZE - 1;

    private final AtomicLongArray window = new AtomicLongArray(WINDOW_SIZE / Long.SIZE);
    private final ReentrantLock lock = new ReentrantLock();
    private volatile long limit;

    public AcknowledgedCounterGenerator(long start) {
        super(start);
        this.limit = start - 1;
    }

    /** The highest number such that it and every number before it have been acknowledged. */
    @Override
    public long last() {
        return limit;
    }

    /** Marks {@code value} (given out by {@link #next()}) as written, whether its write succeeded or not. */
    public void acknowledge(long value) {
        int slot = (int) (value & WINDOW_MASK);
        long bit = 1L << slot;
        int word = slot >>> 6;
        long old;
        do {
            old = window.get(word);
            if ((old & bit) != 0) {
                throw new IllegalStateException("more than " + WINDOW_SIZE
                        + " inserts are waiting for an earlier one to finish (is one stuck?)");
            }
        } while (!window.compareAndSet(word, old, old | bit));
        while (lock.tryLock()) {
            try {
                advance();
            } finally {
                lock.unlock();
            }
            // an acknowledgement that came while the lock was held (and found it taken) is seen here
            if (!isSet(limit + 1)) {
                return;
            }
        }
    }

    /** Moves the limit over every acknowledged number that follows it, clearing their bits; under the lock. */
    private void advance() {
        long index = limit + 1;
        for (int n = 0; n < WINDOW_SIZE && isSet(index); n++, index++) {
            int slot = (int) (index & WINDOW_MASK);
            window.getAndAccumulate(slot >>> 6, ~(1L << slot), (current, mask) -> current & mask);
        }
        limit = index - 1;
    }

    private boolean isSet(long value) {
        int slot = (int) (value & WINDOW_MASK);
        return (window.get(slot >>> 6) & (1L << slot)) != 0;
    }
}
