package dev.dbx.workloads.churn;

import dev.dbx.core.capability.OrderEntryData;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The order keys a churn run draws from for updates, cancellations and deletes: the loaded orders (TPC-H numbers them
 * sparsely: the first 8 of every 32 keys) and the orders this run entered, all equally likely. An order deleted since
 * is not taken out: the store works on the next order at or above the key drawn.
 */
final class OrderKeys {
    private final long loaded;
    private final long highestLoaded;
    private long[] entered = new long[1024];
    private int enteredCount;

    OrderKeys(OrderEntryData data) {
        this.loaded = data.orders();
        this.highestLoaded = data.highestOrderKey();
    }

    synchronized void entered(long key) {
        if (enteredCount == entered.length) {
            entered = Arrays.copyOf(entered, entered.length * 2);
        }
        entered[enteredCount++] = key;
    }

    synchronized int enteredCount() {
        return enteredCount;
    }

    long draw(SplittableRandom random) {
        long r;
        synchronized (this) {
            r = random.nextLong(loaded + enteredCount);
            if (r >= loaded) {
                return entered[(int) (r - loaded)];
            }
        }
        // a store loaded otherwise than TPC-H's generator does may number densely: never draw past its highest key
        return Math.min(sparse(r + 1), highestLoaded);
    }

    /** TPC-H's n-th order key (from 1): the first 8 of every 32 keys are used (dbgen's mk_sparse). */
    static long sparse(long n) {
        return ((n >>> 3) << 5) | (n & 7);
    }
}
