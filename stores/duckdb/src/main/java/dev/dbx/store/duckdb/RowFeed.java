package dev.dbx.store.duckdb;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.ColumnBatch;
import dev.dbx.core.dataset.RowStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads a row stream on threads of its own into column batches of one DuckDB vector, so that reading (or generating)
 * the rows and turning them into columns runs beside DuckDB's work instead of before it. A stream that splits (a
 * file, cut at byte offsets) is read by a thread per core, as DuckDB's own CSV reader does. At most {@link #QUEUED}
 * batches wait, so memory stays bounded. A failure of the stream is handed to the reader, never lost.
 */
final class RowFeed implements AutoCloseable {
    private static final int QUEUED = 8;
    private static final ColumnBatch END = new ColumnBatch(List.of(), 0);

    private final BlockingQueue<ColumnBatch> queue = new ArrayBlockingQueue<>(QUEUED);
    /** Batches DuckDB is done with, filled again instead of allocating new ones. */
    private final BlockingQueue<ColumnBatch> free = new ArrayBlockingQueue<>(QUEUED);

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger reading;
    /** The first failure of any part (the ones after it are its consequences). */
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    private volatile boolean ended;

    RowFeed(RowStream rows, List<Column> columns, int batchRows) {
        List<RowStream> parts = rows.split(Runtime.getRuntime().availableProcessors());
        this.reading = new AtomicInteger(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            RowStream part = parts.get(i);
            // the caller closes the stream it gave; the other parts are the feed's to close
            boolean own = part != rows;
            threads.add(Thread.ofPlatform()
                    .daemon()
                    .name("dbx-duckdb-feed-" + i)
                    .start(() -> feed(part, own, columns, batchRows)));
        }
    }

    private void feed(RowStream rows, boolean own, List<Column> columns, int batchRows) {
        try {
            while (failure.get() == null) {
                ColumnBatch batch = free.poll();
                if (batch == null) {
                    batch = new ColumnBatch(columns, batchRows);
                }
                if (rows.nextBatch(batch) == 0) {
                    break;
                }
                queue.put(batch);
            }
            if (reading.decrementAndGet() == 0) {
                queue.put(END);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        } finally {
            if (own) {
                rows.close();
            }
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
                if (failure.get() != null) {
                    throw failure.get();
                }
                if (batch == END) {
                    ended = true;
                    queue.offer(END); // for any other thread waiting on this feed
                    return END;
                }
                if (batch != null) {
                    return batch;
                }
                if (threads.stream().noneMatch(Thread::isAlive) && queue.isEmpty()) {
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
    Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** Stops the reading threads and waits for them, so that no part is read after the load has ended. */
    @Override
    public void close() {
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
