package dev.dbx.core.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The positive case (DuckDB's worker threads counted) is in app's EmbeddedEngineCpuIT, where DuckDB is at hand. */
class NativeThreadsTest {
    @Test
    void aBusyJavaThreadIsNotTakenForANativeOne() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AtomicBoolean stop = new AtomicBoolean();
        Thread busy = new Thread(() -> {
            long x = 0;
            while (!stop.get()) {
                x += Long.numberOfTrailingZeros(x + 1);
            }
            assertThat(x).isNotEqualTo(-1);
        });
        busy.start();
        try {
            NativeThreads natives = new NativeThreads();
            assertThat(natives.sinceLast()).as("nothing to compare with yet").isEmpty();
            // an interval in which the busy Java thread itself used 200 ms of CPU, however loaded the machine
            long start = threads.getThreadCpuTime(busy.threadId());
            while (threads.getThreadCpuTime(busy.threadId()) - start < 200_000_000L) {
                Thread.sleep(10);
            }
            long nativeCpu = natives.sinceLast().orElseThrow();
            // none of those 200 ms may show as native (slack for the JIT's threads and the test's own)
            assertThat(nativeCpu).isLessThan(60_000_000L);
        } finally {
            stop.set(true);
            busy.join();
        }
    }

    @Test
    void theJvmsOwnThreadsAreKnownByName() {
        assertThat(NativeThreads.jvmOwn("C2 CompilerThre")).isTrue();
        assertThat(NativeThreads.jvmOwn("GC Thread#1")).isTrue();
        assertThat(NativeThreads.jvmOwn("G1 Conc#0")).isTrue();
        assertThat(NativeThreads.jvmOwn("dbx-bench-duckd")).isFalse();
        assertThat(NativeThreads.jvmOwn("java")).isFalse();
    }
}
