package dev.dbx.workloads.ycsb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.YcsbSchema;
import dev.dbx.workloads.dataset.YcsbData;
import dev.dbx.workloads.runner.RunConfig;
import dev.dbx.workloads.runner.Runner;
import dev.dbx.workloads.runner.StoreRun;
import dev.dbx.workloads.runner.Worker;
import dev.dbx.workloads.runner.WrongAnswer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** YCSB A-F on a usertable in memory: the mixes, the key sequence, and every kind of wrong answer caught. */
class YcsbWorkloadTest {
    private static final int RECORDS = 1_000;
    private static final int LENGTH = YcsbSchema.FIELD_LENGTH;
    private static final List<YcsbMix> MIXES = YcsbMix.CORE;
    /** The hottest record of the scrambled zipfian over 1,000 records (plus the one beyond, drawn again). */
    private static final long HOTTEST = YcsbData.fnvhash64(0) % (RECORDS + 1);

    private static YcsbWorkload workload(String name) {
        return new YcsbWorkload(YcsbWorkloads.mix(name), YcsbOptions.of(RECORDS), new Versions(100));
    }

    @ParameterizedTest
    @FieldSource("MIXES")
    void eachWorkloadChoosesItsOperationsInYcsbsProportions(YcsbMix mix) {
        // within five standard deviations: ycsb-e's scans, at 4.5 with the default seed, are a fluke (over 200 seeds
        // their share averages 0.94998 with the binomial's spread)
        MemoryStore store = new MemoryStore().loaded(RECORDS, LENGTH);
        int draws = 100_000;
        int[] counts = new int[mix.operations().size()];
        try (Worker worker = new YcsbWorkload(mix, YcsbOptions.of(RECORDS)).worker(store, 0, 1)) {
            for (int i = 0; i < draws; i++) {
                counts[worker.choose()]++;
            }
        }
        for (int i = 0; i < counts.length; i++) {
            double p = mix.proportions().get(i);
            assertThat(counts[i] / (double) draws)
                    .as("%s %s", mix.name(), mix.operations().get(i))
                    .isCloseTo(p, within(5 * Math.sqrt(p * (1 - p) / draws) + 1e-12));
        }
    }

    @Test
    void theSixAreYcsbsCoreWorkloads() {
        assertThat(YcsbWorkloads.names()).containsExactly("ycsb-a", "ycsb-b", "ycsb-c", "ycsb-d", "ycsb-e", "ycsb-f");
        assertThat(workload("ycsb-a").description())
                .isEqualTo("YCSB workload A (update heavy): 50% read, 50% update, zipfian records");
        assertThat(workload("ycsb-d").operations()).containsExactly("read", "insert");
        assertThat(workload("ycsb-d").parameters())
                .containsEntry("requestdistribution", "latest")
                .containsEntry("insertproportion", "0.05");
        assertThat(workload("ycsb-e").parameters())
                .containsEntry("scanproportion", "0.95")
                .containsEntry("maxscanlength", "100")
                .containsEntry("scanlengthdistribution", "uniform");
        assertThat(workload("ycsb-f").operations()).containsExactly("read", "read-modify-write");
        assertThatThrownBy(() -> YcsbWorkloads.mix("ycsb-g"))
                .isInstanceOfSatisfying(
                        DbxException.class,
                        e -> assertThat(e.hint())
                                .isEqualTo("YCSB's workloads are ycsb-a, ycsb-b, ycsb-c, ycsb-d, ycsb-e, ycsb-f"));
    }

    @ParameterizedTest
    @FieldSource("MIXES")
    void everyWorkloadRunsWithoutAWrongAnswerOnARightStore(YcsbMix mix) throws Exception {
        MemoryStore store = new MemoryStore().loaded(RECORDS, LENGTH);
        YcsbWorkload workload = new YcsbWorkload(mix, YcsbOptions.of(RECORDS));
        List<Throwable> failures = runThreads(workload, store, 4, 2_500);
        assertThat(failures).isEmpty();
        if (mix.proportion(YcsbOperation.UPDATE) + mix.proportion(YcsbOperation.READ_MODIFY_WRITE) > 0) {
            assertThat(store.rows.values().stream().flatMap(r -> java.util.Arrays.stream(r)))
                    .anyMatch(v -> YcsbData.version(v) > 0);
        }
        if (mix.proportion(YcsbOperation.INSERT) > 0) {
            assertThat(store.inserts.get()).isPositive();
        }
    }

    @Test
    void insertsContinueTheLoadedKeySequenceAcrossThreadsAndRunsWithoutARepeat() throws Exception {
        MemoryStore store = new MemoryStore().loaded(RECORDS, LENGTH);
        YcsbWorkload workload = workload("ycsb-d");
        assertThat(runThreads(workload, store, 4, 2_000)).isEmpty();
        assertThat(runThreads(workload, store, 3, 1_000)).isEmpty(); // a second run on the same store goes on
        int inserted = store.inserts.get();
        assertThat(inserted).isGreaterThan(400); // 5% of 11,000
        Set<String> expected = new HashSet<>();
        for (long n = 0; n < RECORDS + inserted; n++) {
            expected.add(YcsbData.key(n));
        }
        assertThat(store.rows.keySet()).isEqualTo(expected);
    }

    @Test
    void theRunnerRunsItAndCountsNoWrongAnswer() {
        MemoryStore store = new MemoryStore().loaded(RECORDS, LENGTH);
        StoreRun run = new Runner()
                .run(
                        workload("ycsb-f"),
                        store,
                        new RunConfig(2, false, null, 3_000, Duration.ZERO, 0, null, Duration.ofSeconds(10), 7),
                        Runner.Listener.NONE);
        assertThat(run.status()).isEqualTo(StoreRun.Status.COMPLETE);
        assertThat(run.totalOperations()).isEqualTo(3_000);
        assertThat(run.totalErrors()).isZero();
        assertThat(run.correct()).isTrue();
    }

    @Test
    void aValueCorruptedInOneCharacterIsAWrongAnswer() {
        MemoryStore store = new MemoryStore().loaded(RECORDS, LENGTH);
        String key = YcsbData.key(HOTTEST);
        String[] row = store.rows.get(key);
        row[3] = row[3].substring(0, 40) + (row[3].charAt(40) == 'x' ? 'y' : 'x') + row[3].substring(41);
        assertThat(firstWrongAnswer(workload("ycsb-c"), store))
                .isEqualTo("read of record " + HOTTEST + " (" + key + "): field3 is corrupt at character 40 ('"
                        + row[3].charAt(40) + "' where that version has '"
                        + YcsbData.value(key, 3, 0, LENGTH).charAt(40) + "'): '"
                        + row[3].substring(0, 32) + "…'");
    }

    @Test
    void aLostRecordIsAWrongAnswer() {
        MemoryStore store = new MemoryStore().loaded(RECORDS, LENGTH);
        store.rows.remove(YcsbData.key(HOTTEST));
        assertThat(firstWrongAnswer(workload("ycsb-b"), store))
                .contains("of record " + HOTTEST + " (")
                .endsWith("no such record, though it was loaded");
    }

    @Test
    void anotherRecordsValuesAreAWrongAnswer() {
        MemoryStore store = new MemoryStore().loaded(RECORDS, LENGTH);
        store.rows.put(
                YcsbData.key(HOTTEST), store.rows.get(YcsbData.key(HOTTEST + 1)).clone());
        assertThat(firstWrongAnswer(workload("ycsb-c"), store)).contains("field0 holds a value of another key");
    }

    @Test
    void aVersionNoUpdateWroteIsAWrongAnswer() {
        MemoryStore store = new MemoryStore().loaded(RECORDS, LENGTH);
        String key = YcsbData.key(HOTTEST);
        store.rows.get(key)[9] = YcsbData.value(key, 9, 1_000, LENGTH); // the workload's versions start above 100
        assertThat(firstWrongAnswer(workload("ycsb-c"), store))
                .contains("field9 is at version 1000, which was never written (the newest written is 100)");
    }

    @Test
    void aScanThatSkipsItsStartOrLeavesKeyOrderIsAWrongAnswer() {
        MemoryStore skips = new MemoryStore().loaded(RECORDS, LENGTH);
        skips.scansSkipFirst = true;
        assertThat(firstWrongAnswer(workload("ycsb-e"), skips))
                .startsWith("scan of ")
                .contains("the first record is user")
                .endsWith("not the start key, which exists");

        MemoryStore unordered = new MemoryStore().loaded(RECORDS, LENGTH);
        unordered.scansOutOfOrder = true;
        assertThat(firstWrongAnswer(workload("ycsb-e"), unordered)).contains("(not in key order)");

        MemoryStore corrupt = new MemoryStore().loaded(RECORDS, LENGTH);
        corrupt.rows.values().forEach(row -> row[6] = row[6].toUpperCase(java.util.Locale.ROOT));
        assertThat(firstWrongAnswer(workload("ycsb-e"), corrupt)).contains(": field6 ");
    }

    @Test
    void aReadOfARecordWhoseInsertFailedIsAnErrorNotAWrongAnswer() throws Exception {
        MemoryStore store = new MemoryStore().loaded(RECORDS, LENGTH);
        store.insertsFail = true;
        YcsbWorkload workload = workload("ycsb-d");
        List<Throwable> failures = runThreads(workload, store, 1, 5_000);
        assertThat(failures).isNotEmpty().noneMatch(WrongAnswer.class::isInstance);
        assertThat(failures)
                .extracting(Throwable::getMessage)
                .contains("insert refused", "read of a record whose insert failed earlier");
    }

    @Test
    void aStoreWithoutTheUsertableOrScansOrTheLoadIsNotApplicableWithTheReason() {
        assertThat(workload("ycsb-a").notApplicable(new MemoryStore(false)))
                .hasValue("store memory has no key-value usertable (no KeyValue capability)");
        assertThat(workload("ycsb-a").notApplicable(new MemoryStore()))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .startsWith("the usertable has no record 999 (" + YcsbData.key(999) + ")")
                        .endsWith("dbx load --dataset ycsb --records 1000 --replace"));
        assertThat(workload("ycsb-a").notApplicable(new MemoryStore().loaded(RECORDS, 50)))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .contains("loaded with other values or another field length")
                        .contains("field0 has 50 characters, not 100"));

        MemoryStore noScans = new MemoryStore().loaded(RECORDS, LENGTH);
        noScans.scansSupported = false;
        assertThat(workload("ycsb-e").notApplicable(noScans))
                .hasValue("its key-value sessions cannot scan: this store has no key order");
        assertThat(workload("ycsb-a").notApplicable(noScans)).isEmpty();
    }

    /** The first wrong answer one thread meets within 2,000 operations (the hottest record comes up about once in 26). */
    private static String firstWrongAnswer(YcsbWorkload workload, MemoryStore store) {
        try (Worker worker = workload.worker(store, 0, 1)) {
            for (int i = 0; i < 2_000; i++) {
                try {
                    worker.perform(worker.choose());
                } catch (WrongAnswer w) {
                    return w.getMessage();
                }
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no wrong answer in 2,000 operations");
    }

    /** {@code threads} workers at once, {@code each} operations apiece; what they threw. */
    private static List<Throwable> runThreads(YcsbWorkload workload, MemoryStore store, int threads, int each)
            throws InterruptedException {
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            started.add(Thread.ofPlatform().start(() -> {
                try (Worker worker = workload.worker(store, thread, threads)) {
                    for (int i = 0; i < each; i++) {
                        try {
                            worker.perform(worker.choose());
                        } catch (Exception e) {
                            failures.add(e);
                        }
                    }
                }
            }));
        }
        for (Thread t : started) {
            t.join();
        }
        return failures;
    }
}
