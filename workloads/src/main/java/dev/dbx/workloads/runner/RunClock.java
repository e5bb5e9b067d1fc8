package dev.dbx.workloads.runner;

import java.util.concurrent.locks.LockSupport;

/** Time as the runner sees it: the system's, or a test's (which moves only when the test says). */
public interface RunClock {
    RunClock SYSTEM = new RunClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepUntil(long nanos) throws InterruptedException {
            long left;
            while ((left = nanos - System.nanoTime()) > 0) {
                LockSupport.parkNanos(left);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }
    };

    long nanoTime();

    /** Returns once {@link #nanoTime()} has reached {@code nanos}. */
    void sleepUntil(long nanos) throws InterruptedException;

    /** The run is over (or its operation count reached): nothing may keep anyone waiting on this clock any longer. */
    default void release() {}
}
