package dev.dbx.store.duckdb;

import dev.dbx.core.DbxException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Retries a single-statement write that lost a write-write conflict. DuckDB's concurrency control is optimistic: when
 * two transactions change the same row, the second fails at once with "TransactionContext Error: Conflict on ..."
 * instead of waiting for a lock, and the documented answer is to run it again. Each YCSB operation is one autocommit
 * statement, so running it again is safe; retries back off (with jitter, so the losers do not collide again) until
 * the store's timeout, then the conflict is reported. Every run again is counted ({@link #retries()}): a session
 * reports them, so that retries are seen and not hidden in latency. One per session: not thread-safe.
 */
final class ConflictRetry {
    private static final long FIRST_PAUSE_MICROS = 200;
    private static final long LONGEST_PAUSE_MICROS = 20_000;

    private final Duration timeout;
    private long retries;

    ConflictRetry(Duration timeout) {
        this.timeout = timeout;
    }

    <T> T run(Supplier<T> write) {
        long deadline = 0; // taken at the first conflict: a write that wins costs no clock reading
        long pause = FIRST_PAUSE_MICROS;
        while (true) {
            try {
                return write.get();
            } catch (DbxException e) {
                if (!isConflict(e)) {
                    throw e;
                }
                long now = System.nanoTime();
                if (deadline == 0) {
                    deadline = now + timeout.toNanos();
                }
                if (now + pause * 1_000 > deadline) {
                    throw e;
                }
                retries++;
                sleepMicros(ThreadLocalRandom.current().nextLong(pause / 2, pause + 1));
                pause = Math.min(LONGEST_PAUSE_MICROS, pause * 2);
            }
        }
    }

    /** How many times a write has been run again so far. */
    long retries() {
        return retries;
    }

    static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) {
                String message = t.getMessage();
                // the driver sets no SQLState or vendor code for it: DuckDB's error type is the message's prefix
                if (message.startsWith("TransactionContext Error") && message.contains("onflict")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void sleepMicros(long micros) {
        try {
            Thread.sleep(Duration.ofNanos(micros * 1_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbxException("interrupted while retrying a DuckDB write conflict");
        }
    }
}
