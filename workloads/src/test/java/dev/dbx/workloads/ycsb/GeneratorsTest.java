package dev.dbx.workloads.ycsb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dbx.workloads.dataset.YcsbData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * YCSB's generators against YCSB's definitions, over 100,000 draws each: shares within about four standard deviations
 * of what the definition gives (the draws are seeded, so a pass is repeatable, and a wrong constant or formula moves a
 * share by far more than that).
 */
class GeneratorsTest {
    private static final int DRAWS = 100_000;
    private static final double THETA = ZipfianGenerator.ZIPFIAN_CONSTANT;

    /** Four standard deviations of a share {@code p} measured over {@link #DRAWS} draws. */
    private static double tolerance(double p) {
        return 4 * Math.sqrt(p * (1 - p) / DRAWS);
    }

    private static long[] histogram(NumberGenerator generator, int size) {
        long[] counts = new long[size];
        for (int i = 0; i < DRAWS; i++) {
            counts[(int) generator.next()]++;
        }
        return counts;
    }

    private static double share(long[] counts, int item) {
        return counts[item] / (double) DRAWS;
    }

    @Test
    void zipfianGivesItemZeroOneOverZetaAndItemOneHalfToTheThetaOverZeta() {
        int n = 1000;
        double zeta = ZipfianGenerator.zeta(n, THETA);
        long[] counts = histogram(new ZipfianGenerator(0, n - 1, new SplittableRandom(1)), n);

        double p0 = 1 / zeta;
        double p1 = Math.pow(0.5, THETA) / zeta;
        assertThat(p0).isCloseTo(0.1294, within(0.0005)); // zeta(1000, 0.99) = 7.73
        assertThat(share(counts, 0)).isCloseTo(p0, within(tolerance(p0)));
        assertThat(share(counts, 1)).isCloseTo(p1, within(tolerance(p1)));
        // the tail follows 1/r^0.99 (Gray's approximation: within 15% over ranks 3 to 100)
        double head = 0;
        double expectedHead = 0;
        for (int r = 2; r < 100; r++) {
            head += share(counts, r);
            expectedHead += Math.pow(r + 1, -THETA) / zeta;
        }
        assertThat(head).isCloseTo(expectedHead, within(0.15 * expectedHead));
        // most popular first
        assertThat(counts[0]).isGreaterThan(counts[1]);
        assertThat(counts[1]).isGreaterThan(counts[10]);
        assertThat(counts[10]).isGreaterThan(counts[900]);
    }

    @Test
    void zetaGrowsIncrementallyToWhatItIsFromScratch() {
        double scratch = ZipfianGenerator.zeta(2000, THETA);
        double grown = ZipfianGenerator.zeta(1000, 2000, THETA, ZipfianGenerator.zeta(1000, THETA));
        assertThat(grown).isCloseTo(scratch, within(1e-9));

        // a generator made for 1,000 items asked for 2,000 extends its zeta: item 0 then has 1/zeta(2000)
        ZipfianGenerator zipfian = new ZipfianGenerator(0, 999, new SplittableRandom(2));
        long zero = 0;
        for (int i = 0; i < DRAWS; i++) {
            if (zipfian.next(2000) == 0) {
                zero++;
            }
        }
        double p0 = 1 / scratch;
        assertThat(zero / (double) DRAWS).isCloseTo(p0, within(tolerance(p0)));
    }

    @Test
    void scrambledZipfianUsesYcsbsConstantsAndScattersTheHotItems() {
        assertThat(ScrambledZipfianGenerator.ITEM_COUNT).isEqualTo(10_000_000_000L);
        assertThat(ScrambledZipfianGenerator.ZETAN).isEqualTo(26.46902820178302);
        int n = 1000;
        long[] counts = histogram(new ScrambledZipfianGenerator(0, n - 1, new SplittableRandom(3)), n);

        // the hottest item is where fnvhash64 sends rank 0, with rank 0's share (1/ZETAN) plus the few other
        // ranks that land on it
        int hottest = (int) (YcsbData.fnvhash64(0) % n);
        double p0 = 1 / ScrambledZipfianGenerator.ZETAN;
        List<Integer> byPopularity = IntStream.range(0, n)
                .boxed()
                .sorted(Comparator.comparingLong((Integer i) -> counts[i]).reversed())
                .toList();
        assertThat(byPopularity.getFirst()).isEqualTo(hottest);
        assertThat(share(counts, hottest)).isBetween(p0 - tolerance(p0), p0 + 0.01);
        // the ten hottest are scattered, not the first ten items
        List<Integer> topTen = byPopularity.subList(0, 10);
        assertThat(topTen.stream().filter(i -> i < 10).count()).isLessThanOrEqualTo(1);
        assertThat(topTen.stream().mapToInt(Integer::intValue).max().getAsInt()
                        - topTen.stream().mapToInt(Integer::intValue).min().getAsInt())
                .isGreaterThan(n / 2);
        // and every item is still chosen now and then (a zipfian over ten billion, folded onto 1,000)
        assertThat(IntStream.range(0, n).filter(i -> counts[i] == 0).count()).isLessThan(n / 100);
    }

    @Test
    void latestFavoursTheNewestAcknowledgedRecordAndFollowsInserts() {
        int records = 1000;
        AcknowledgedCounterGenerator inserts = new AcknowledgedCounterGenerator(records);
        SkewedLatestGenerator latest = new SkewedLatestGenerator(
                inserts, records - 1, ZipfianGenerator.zeta(records - 1, THETA), new SplittableRandom(4));
        long[] counts = histogram(latest, records + 10);
        double p = 1 / ZipfianGenerator.zeta(records - 1, THETA);
        assertThat(share(counts, records - 1)).isCloseTo(p, within(tolerance(p)));
        assertThat(counts[records - 2]).isGreaterThan(counts[records - 10]);
        assertThat(counts[records - 10]).isGreaterThan(counts[100]);
        assertThat(counts[records]).isZero(); // not inserted yet

        for (int i = 0; i < 10; i++) {
            inserts.acknowledge(inserts.next());
        }
        counts = histogram(latest, records + 10);
        int newest = records + 9;
        double pNew = 1 / ZipfianGenerator.zeta(newest, THETA);
        assertThat(share(counts, newest)).isCloseTo(pNew, within(tolerance(pNew)));
        assertThat(counts[records - 1]).isLessThan(counts[newest] / 5); // the old newest is now eleventh
    }

    @Test
    void uniformGivesEveryNumberTheSameShareEndsIncluded() {
        long[] fields = histogram(new UniformLongGenerator(0, 9, new SplittableRandom(5)), 10);
        for (int i = 0; i < 10; i++) {
            assertThat(share(fields, i)).isCloseTo(0.1, within(tolerance(0.1)));
        }
        long[] lengths = histogram(new UniformLongGenerator(1, 100, new SplittableRandom(6)), 101);
        assertThat(lengths[0]).isZero();
        assertThat(lengths[1]).isPositive();
        assertThat(lengths[100]).isPositive();
        double mean = IntStream.range(0, 101)
                        .mapToDouble(i -> i * (double) lengths[i])
                        .sum()
                / DRAWS;
        assertThat(mean).isCloseTo(50.5, within(0.5));
    }

    @Test
    void theAcknowledgedCounterShowsOnlyNumbersWhoseInsertAndEveryEarlierOneFinished() {
        AcknowledgedCounterGenerator counter = new AcknowledgedCounterGenerator(1000);
        assertThat(counter.last()).isEqualTo(999);
        long a = counter.next();
        long b = counter.next();
        long c = counter.next();
        assertThat(List.of(a, b, c)).containsExactly(1000L, 1001L, 1002L);
        counter.acknowledge(c);
        counter.acknowledge(b);
        assertThat(counter.last()).isEqualTo(999); // 1000 is still being written
        counter.acknowledge(a);
        assertThat(counter.last()).isEqualTo(1002);
    }

    @Test
    void threadsSharingTheInsertCounterGetEveryNumberOnceAndTheLimitReachesTheLast() throws Exception {
        int threads = 8;
        int each = 20_000;
        AcknowledgedCounterGenerator counter = new AcknowledgedCounterGenerator(1000);
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            started.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    long n = counter.next();
                    long last = counter.last();
                    if (last >= n) {
                        failures.add(n + " was visible before its acknowledgement");
                    }
                    if (!seen.add(n)) {
                        failures.add(n + " was given twice");
                    }
                    counter.acknowledge(n);
                }
            }));
        }
        start.countDown();
        for (Thread t : started) {
            t.join();
        }
        assertThat(failures).isEmpty();
        assertThat(seen).hasSize(threads * each);
        Set<Long> expected = new HashSet<>();
        for (long n = 1000; n < 1000 + threads * each; n++) {
            expected.add(n);
        }
        assertThat(seen).isEqualTo(expected);
        assertThat(counter.last()).isEqualTo(1000L + threads * each - 1);
    }
}
