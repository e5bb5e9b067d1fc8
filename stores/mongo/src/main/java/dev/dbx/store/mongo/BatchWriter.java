package dev.dbx.store.mongo;

import com.mongodb.MongoException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Writes items in batches of bounded size through one bulk call per batch (an unordered {@code insertMany} for a
 * load, an unordered {@code bulkWrite} of updates for an append). One batch is written on a background thread while
 * the caller builds the next, so generating rows and the server's work overlap; at most two batches exist at any time.
 */
final class BatchWriter<T> implements AutoCloseable {
    private final String target;
    private final int batchSize;
    private final Consumer<List<T>> write;
    private final Function<MongoException, RuntimeException> errors;
    private final ExecutorService writer;
    private List<T> batch;
    private Future<?> pending;
    private long written;

    /**
     * @param target what is written to, for messages (e.g. the collection's namespace)
     * @param write writes one batch (called on the background thread)
     * @param errors turns a driver error into dbx's
     */
    BatchWriter(
            String target, int batchSize, Consumer<List<T>> write, Function<MongoException, RuntimeException> errors) {
        this.target = target;
        this.batchSize = batchSize;
        this.write = write;
        this.errors = errors;
        this.batch = new ArrayList<>(batchSize);
        this.writer = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("dbx-mongo-writer").factory());
    }

    void add(T item) {
        batch.add(item);
        if (batch.size() >= batchSize) {
            submit();
        }
    }

    /** Writes what is left and waits for it; the number of items written. */
    long finish() {
        if (!batch.isEmpty()) {
            submit();
        }
        awaitPending();
        return written;
    }

    private void submit() {
        awaitPending();
        List<T> toWrite = batch;
        batch = new ArrayList<>(batchSize);
        pending = writer.submit(() -> write.accept(toWrite));
        written += toWrite.size();
    }

    private void awaitPending() {
        if (pending == null) {
            return;
        }
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to " + target, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MongoException m) {
                throw errors.apply(m);
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pending = null;
        }
    }

    /** Stops the writer; after a failure, a batch still in flight is left to finish on its own. */
    @Override
    public void close() {
        writer.shutdown();
    }
}
