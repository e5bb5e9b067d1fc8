package dev.dbx.workloads.ycsb;

import java.util.SplittableRandom;

/** YCSB's UniformLongGenerator: every number from {@code lowest} to {@code highest} inclusive, equally likely. */
public final class UniformLongGenerator implements NumberGenerator {
    private final SplittableRandom random;
    private final long lowest;
    private final long interval;

    public UniformLongGenerator(long lowest, long highest, SplittableRandom random) {
        if (highest < lowest) {
            throw new IllegalArgumentException("empty interval " + lowest + ".." + highest);
        }
        this.random = random;
        this.lowest = lowest;
        this.interval = highest - lowest + 1;
    }

    @Override
    public long next() {
        return lowest + random.nextLong(interval);
    }
}
