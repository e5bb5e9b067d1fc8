package dev.dbx.workloads.ycsb;

import dev.dbx.workloads.dataset.YcsbData;
import java.util.SplittableRandom;

/**
 * YCSB's ScrambledZipfianGenerator: a zipfian choice among ten billion items, scattered over {@code min..max} by
 * fnvhash64, so the popular records are spread across the key space instead of clustered at its start. Its zeta is
 * YCSB's constant, precomputed for ten billion items and the constant 0.99, so making one costs nothing.
 */
public final class ScrambledZipfianGenerator implements NumberGenerator {
    public static final long ITEM_COUNT = 10_000_000_000L;
    public static final double ZETAN = 26.46902820178302;

    private final ZipfianGenerator zipfian;
    private final long min;
    private final long itemCount;

    /** Items {@code min} to {@code max} inclusive. */
    public ScrambledZipfianGenerator(long min, long max, SplittableRandom random) {
        this.min = min;
        this.itemCount = max - min + 1;
        // as YCSB: items 0..ITEM_COUNT inclusive, with the zeta of ITEM_COUNT items
        this.zipfian = new ZipfianGenerator(0, ITEM_COUNT, ZETAN, random);
    }

    @Override
    public long next() {
        return min + YcsbData.fnvhash64(zipfian.next()) % itemCount;
    }
}
