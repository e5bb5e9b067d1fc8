package dev.dbx.store.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.bson.Document;

/**
 * MongoDB's bulk path: {@code insertMany} with {@code ordered=false} (the server may apply a batch's documents in any
 * order and in parallel) in batches of bounded size. One batch is written on a background thread while the caller
 * builds the next, so generating rows and the server's work overlap; at most two batches exist at any time.
 */
final class BatchInserter implements AutoCloseable {
    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

    private final MongoCollection<Document> target;
    private final int batchSize;
    private final Function<MongoException, RuntimeException> errors;
    private final ExecutorService writer;
    private List<Document> batch;
    private Future<?> pending;
    private long written;

    BatchInserter(MongoCollection<Document> target, int batchSize, Function<MongoException, RuntimeException> errors) {
        this.target = target;
        this.batchSize = batchSize;
        this.errors = errors;
        this.batch = new ArrayList<>(batchSize);
        this.writer = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("dbx-mongo-writer").factory());
    }

    void add(Document doc) {
        batch.add(doc);
        if (batch.size() >= batchSize) {
            submit();
        }
    }

    /** Writes what is left and waits for it; the number of documents written. */
    long finish() {
        if (!batch.isEmpty()) {
            submit();
        }
        awaitPending();
        return written;
    }

    private void submit() {
        awaitPending();
        List<Document> toWrite = batch;
        batch = new ArrayList<>(batchSize);
        pending = writer.submit(() -> target.insertMany(toWrite, UNORDERED));
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
            throw new IllegalStateException("interrupted while writing to " + target.getNamespace(), e);
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
