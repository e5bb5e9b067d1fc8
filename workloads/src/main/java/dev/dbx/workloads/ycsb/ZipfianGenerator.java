package dev.dbx.workloads.ycsb;

import java.util.SplittableRandom;

/**
 * YCSB's ZipfianGenerator (Gray et al., "Quickly Generating Billion-Record Synthetic Databases", SIGMOD 1994): item
 * {@code min} is the most popular, then {@code min + 1}, and so on, with P(rank r) proportional to 1/r^0.99.
 *
 * <p>As in YCSB, zeta (a sum over every item) is the costly part: it is computed once and can be handed in
 * precomputed, and when a caller asks for more items than zeta was computed for, it is extended incrementally (never
 * recomputed when the count goes down). Also as in YCSB, eta keeps the item count the generator was made with after
 * zeta grows: the distributions match YCSB's, quirk included. One instance per thread (it is not thread-safe; YCSB
 * shares one and synchronises the zeta update).
 */
public final class ZipfianGenerator implements NumberGenerator {
    public static final double ZIPFIAN_CONSTANT = 0.99;

    private final SplittableRandom random;
    private final long items;
    private final long base;
    private final double theta;
    private final double zeta2theta;
    private final double alpha;
    private final double halfPowTheta;
    private double zetan;
    private double eta;
    private long countForZeta;

    /** Items {@code min} to {@code max} inclusive, zeta computed here. */
    public ZipfianGenerator(long min, long max, SplittableRandom random) {
        this(min, max, zeta(max - min + 1, ZIPFIAN_CONSTANT), random);
    }

    /** Items {@code min} to {@code max} inclusive, with zeta for {@code max - min + 1} items computed before. */
    public ZipfianGenerator(long min, long max, double zetan, SplittableRandom random) {
        this.random = random;
        this.items = max - min + 1;
        this.base = min;
        this.theta = ZIPFIAN_CONSTANT;
        this.zeta2theta = zeta(2, theta);
        this.alpha = 1.0 / (1.0 - theta);
        this.halfPowTheta = Math.pow(0.5, theta);
        this.zetan = zetan;
        this.countForZeta = items;
        this.eta = eta();
    }

    /** Zeta from scratch: the sum of 1/i^theta for i = 1..n. */
    public static double zeta(long n, double theta) {
        return zeta(0, n, theta, 0);
    }

    /** Zeta for {@code n} items extended from {@code initialSum}, zeta for {@code from} items. */
    public static double zeta(long from, long n, double theta, double initialSum) {
        double sum = initialSum;
        for (long i = from; i < n; i++) {
            sum += 1 / Math.pow(i + 1, theta);
        }
        return sum;
    }

    @Override
    public long next() {
        return next(items);
    }

    /** The next item among {@code itemCount} items (zeta extended first when the count grew). */
    public long next(long itemCount) {
        if (itemCount > countForZeta) {
            zetan = zeta(countForZeta, itemCount, theta, zetan);
            countForZeta = itemCount;
            eta = eta();
        }
        double u = random.nextDouble();
        double uz = u * zetan;
        if (uz < 1.0) {
            return base;
        }
        if (uz < 1.0 + halfPowTheta) {
            return base + 1;
        }
        return base + (long) (itemCount * Math.pow(eta * u - eta + 1, alpha));
    }

    private double eta() {
        return (1 - Math.pow(2.0 / items, 1 - theta)) / (1 - zeta2theta / zetan);
    }
}
