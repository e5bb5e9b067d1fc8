package dev.dbx.store.redis;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Commands sent in batches, Redis's fast path (what {@code redis-cli --pipe} does): a connection of its own with
 * auto-flush off, so a batch leaves in one write and its replies come back in one read. One batch is on the wire
 * while the next is built, and a batch is awaited before the one after it is sent, so memory stays bounded by two
 * batches however many rows pass through. {@code T} is the type of keys and values: {@code String} for reads,
 * {@code byte[]} for bulk loads ({@link PipelineSink}).
 */
final class Pipeline<T> implements AutoCloseable {
    private final StatefulRedisConnection<T, T> connection;
    private final RedisAsyncCommands<T, T> commands;
    private final Duration timeout;
    private List<RedisFuture<?>> building = new ArrayList<>();
    private List<RedisFuture<?>> onTheWire = List.of();

    Pipeline(StatefulRedisConnection<T, T> connection, Duration timeout) {
        this.connection = connection;
        this.timeout = timeout;
        connection.setAutoFlushCommands(false);
        this.commands = connection.async();
    }

    /** The commands to queue with; each returns its future, which {@link #add} keeps until the batch is awaited. */
    RedisAsyncCommands<T, T> commands() {
        return commands;
    }

    /** Keeps {@code future} to await with its batch. */
    <R> RedisFuture<R> add(RedisFuture<R> future) {
        building.add(future);
        return future;
    }

    /** Sends what was queued, for a caller that awaits the futures itself. */
    void flush() {
        connection.flushCommands();
    }

    /** Sends the batch built so far, after the previous batch has been answered. */
    void send() {
        connection.flushCommands();
        awaitAll(onTheWire);
        onTheWire = building;
        building = new ArrayList<>();
    }

    /** Sends what is left and waits for every reply. */
    void finish() {
        send();
        awaitAll(onTheWire);
        onTheWire = List.of();
    }

    /** The result of one command already sent; a failure is thrown as Lettuce's exception. */
    <R> R await(RedisFuture<R> future) {
        // the command timeout fails a stuck command first; this bound only guards against a lost timer
        return LettuceFutures.awaitOrCancel(future, timeout.toMillis() * 2 + 1_000, TimeUnit.MILLISECONDS);
    }

    private void awaitAll(List<RedisFuture<?>> futures) {
        for (RedisFuture<?> future : futures) {
            await(future);
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
