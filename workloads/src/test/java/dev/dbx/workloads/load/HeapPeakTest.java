package dev.dbx.workloads.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeapPeakTest {
    private static final long MIB = 1 << 20;

    @Test
    void seesHeapHeldDuringTheWorkAndNeverMoreThanTheHeapCanHold() {
        HeapPeak.reset();
        List<byte[]> held = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            held.add(new byte[(int) MIB]);
        }
        for (int i = 0; i < 2_000; i++) { // garbage, so collections happen while the 64 MiB are held
            held.add(i % 100 == 0 ? new byte[1024] : null);
            byte[] garbage = new byte[256 * 1024];
            garbage[0] = 1;
        }
        long peak = HeapPeak.bytes();

        assertThat(held).hasSizeGreaterThan(64);
        assertThat(peak).isGreaterThanOrEqualTo(64 * MIB);
        assertThat(peak).isLessThanOrEqualTo(Runtime.getRuntime().maxMemory());
    }

    @Test
    void theLivePeakIsWhatACollectionLeftNotTheGarbage() throws InterruptedException {
        HeapPeak.reset();
        byte[][] held = new byte[64][];
        for (int i = 0; i < held.length; i++) {
            held[i] = new byte[(int) MIB];
        }
        // a collection while the 64 MiB are held; its report arrives later on another thread (seconds later on a
        // loaded machine), so collect again until one has been reported
        for (int i = 0; i < 300 && HeapPeak.liveBytes() < 64 * MIB; i++) {
            System.gc();
            Thread.sleep(100);
        }

        assertThat(held[63]).hasSize((int) MIB);
        assertThat(HeapPeak.liveBytes()).isGreaterThanOrEqualTo(64 * MIB);
        assertThat(HeapPeak.liveBytes()).isLessThanOrEqualTo(HeapPeak.bytes());
    }

    @Test
    void aResetForgetsWhatCameBefore() {
        // what other tests in this JVM keep (TPC-H's text pool, cached answers) is the floor, not this test's doing
        System.gc();
        long floor = java.lang.management.ManagementFactory.getMemoryMXBean()
                .getHeapMemoryUsage()
                .getUsed();
        byte[][] before = new byte[128][];
        for (int i = 0; i < before.length; i++) {
            before[i] = new byte[(int) MIB];
        }
        assertThat(before[127]).hasSize((int) MIB);
        before = null;

        HeapPeak.reset();

        assertThat(HeapPeak.bytes()).isLessThan(floor + 128 * MIB);
        assertThat(HeapPeak.liveBytes()).isLessThan(floor + 128 * MIB);
    }
}
