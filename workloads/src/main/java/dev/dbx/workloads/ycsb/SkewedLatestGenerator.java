package dev.dbx.workloads.ycsb;

import java.util.SplittableRandom;

/**
 * YCSB's SkewedLatestGenerator ("latest"): the newest record the insert counter has acknowledged is the most popular,
 * then the one before, zipfian over all of them, so reads follow the inserts as they come.
 */
public final class SkewedLatestGenerator implements NumberGenerator {
    private final CounterGenerator basis;
    private final ZipfianGenerator zipfian;

    /**
     * @param initialItems the count YCSB's generator is made with (the counter's last value when the run starts)
     * @param zetaOfInitialItems zeta for {@code initialItems}, computed once and shared by every thread's generator
     */
    public SkewedLatestGenerator(
            CounterGenerator basis, long initialItems, double zetaOfInitialItems, SplittableRandom random) {
        this.basis = basis;
        this.zipfian = new ZipfianGenerator(0, initialItems - 1, zetaOfInitialItems, random);
    }

    @Override
    public long next() {
        long max = basis.last();
        return max - zipfian.next(max);
    }
}
