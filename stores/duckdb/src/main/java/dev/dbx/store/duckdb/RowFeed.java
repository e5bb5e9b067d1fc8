package dev.dbx.store.duckdb;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.ColumnBatch;
import dev.dbx.core.dataset.RowStream;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a row stream on a thread of its own into column batches of one DuckDB vector, so that reading (or generating)
 * the rows and turning them into columns runs beside DuckDB's work instead of before it. At most {@link #QUEUED}
 * batches wait, so memory stays bounded. A failure of the stream is handed to the reader, never lost.
 */
final class RowFeed implements AutoCloseable {
    private static final int QUEUED = 8;
    private static final ColumnBatch END = new ColumnBatch(List.of(), 0);

    private final BlockingQueue<ColumnBatch> queue = new ArrayBlockingQueue<>(QUEUED);
    /** Batches DuckDB is done with, filled again instead of allocating new ones. */
    private final BlockingQueue<ColumnBatch> free = new ArrayBlockingQueue<>(QUEUED);

    private final Thread thread;
    private volatile RuntimeException failure;
    private volatile boolean ended;

    RowFeed(RowStream rows, List<Column> columns, int batchRows) {
        this.thread = Thread.ofPlatform().daemon().name("dbx-duckdb-feed").start(() -> feed(rows, columns, batchRows));
    }

    private void feed(RowStream rows, List<Column> columns, int batchRows) {
        try {
            while (true) {
                ColumnBatch batch = free.poll();
                if (batch == null) {
                    batch = new ColumnBatch(columns, batchRows);
                }
                if (rows.nextBatch(batch) == 0) {
                    break;
                }
                queue.put(batch);
            }
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /** The next batch of rows, or an empty one when the stream is done. Safe to call from several threads. */
    ColumnBatch next() {
        if (ended) {
            return END;
        }
        try {
            while (true) {
                ColumnBatch batch = queue.poll(100, TimeUnit.MILLISECONDS);
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

    /** Hands back a batch whose rows are no longer needed, to be filled again. */
    void recycle(ColumnBatch batch) {
        if (batch != END) {
            free.offer(batch);
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
