package dev.dbx.workloads.ycsb;

import java.util.concurrent.atomic.AtomicLong;

/** YCSB's CounterGenerator: start, start + 1, ... shared by every thread, each number given out once. */
public class CounterGenerator implements NumberGenerator {
    private final AtomicLong counter;

    public CounterGenerator(long start) {
        this.counter = new AtomicLong(start);
    }

    @Override
    public long next() {
        return counter.getAndIncrement();
    }

    /** The last number given out (what readers may use). */
    public long last() {
        return counter.get() - 1;
    }
}
