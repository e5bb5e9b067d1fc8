package dev.dbx.store.duckdb;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.RowStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a row stream on a thread of its own, in batches of one DuckDB vector, so that reading (or generating) the
 * rows runs beside DuckDB's work instead of before it. At most {@link #QUEUED} batches wait, so memory stays bounded.
 * A failure of the stream is handed to the reader, never lost.
 */
final class RowFeed implements AutoCloseable {
    private static final int QUEUED = 8;
    private static final Object[][] END = new Object[0][];

    private final BlockingQueue<Object[][]> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread thread;
    private volatile RuntimeException failure;
    private volatile boolean ended;

    RowFeed(RowStream rows, int batchRows) {
        this.thread = Thread.ofPlatform().daemon().name("dbx-duckdb-feed").start(() -> feed(rows, batchRows));
    }

    private void feed(RowStream rows, int batchRows) {
        try {
            Object[][] batch = new Object[batchRows][];
            int n = 0;
            while (rows.hasNext()) {
                batch[n++] = rows.next();
                if (n == batchRows) {
                    queue.put(batch);
                    batch = new Object[batchRows][];
                    n = 0;
                }
            }
            if (n > 0) {
                queue.put(Arrays.copyOf(batch, n));
            }
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /** The next batch of rows, or an empty one when the stream is done. Safe to call from several threads. */
    Object[][] next() {
        if (ended) {
            return END;
        }
        try {
            while (true) {
                Object[][] batch = queue.poll(100, TimeUnit.MILLISECONDS);
                if (failure != null) {
                    throw failure;
                }
                if (batch == END) {
                    ended = true;
                    queue.offer(END); // for any other thread waiting on this feed
                    return END;
                }
                if (batch != null) {
                    return batch;
                }
                if (!thread.isAlive() && queue.isEmpty()) {
                    throw new DbxException("the rows to load stopped coming");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbxException("interrupted while loading");
        }
    }

    /** What went wrong reading the rows, if anything. */
    java.util.Optional<RuntimeException> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
