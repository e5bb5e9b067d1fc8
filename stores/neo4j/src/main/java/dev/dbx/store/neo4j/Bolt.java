package dev.dbx.store.neo4j;

import dev.dbx.core.DbxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.BookmarkManagerConfig;
import org.neo4j.driver.BookmarkManagers;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.AsyncTransaction;
import org.neo4j.driver.async.ResultCursor;

/**
 * Every request dbx makes to Neo4j, each with a bound. The driver has timeouts for connecting and for acquiring a
 * pooled connection but none for reading an answer, so requests go through its async API and are awaited for at most
 * a bound (and carry the same bound as a server-side transaction timeout, so the server gives up too). A scan is
 * bounded per record instead: it may take minutes, but never waits long for the next record.
 *
 * <p>All sessions share one bookmark manager: against a cluster, a read then sees the writes made before it by any
 * session of this store (read-your-writes), as YCSB expects.
 */
final class Bolt implements AutoCloseable {
    /** Records per PULL of a scan: fewer round trips than the driver's 1000, still a bounded buffer. */
    private static final long SCAN_FETCH_SIZE = 5_000;

    /** The least a bulk request (one load or delete batch, an index build) is given, whatever the store's timeout. */
    private static final Duration BULK_FLOOR = Duration.ofMinutes(2);

    private final Driver driver;
    private final BoltTarget target;
    private final Duration timeout;
    private final BookmarkManager bookmarks =
            BookmarkManagers.defaultManager(BookmarkManagerConfig.builder().build());

    Bolt(Driver driver, BoltTarget target, Duration timeout) {
        this.driver = driver;
        this.target = target;
        this.timeout = timeout;
    }

    BoltTarget target() {
        return target;
    }

    /** The bound of one small request (a key-value operation, a count, a schema statement). */
    Duration timeout() {
        return timeout;
    }

    /** The bound of one bulk request: one batch of a load or a drop, waiting for indexes to populate. */
    Duration bulkTimeout() {
        return timeout.compareTo(BULK_FLOOR) > 0 ? timeout : BULK_FLOOR;
    }

    /** Checks that the server answers and accepts the credentials (a Bolt handshake and login). */
    void verifyConnectivity() {
        await(driver.verifyConnectivityAsync(), timeout, "connecting");
    }

    /** A read in a managed transaction (retried on transient errors); all its records. */
    List<Record> read(String cypher, Map<String, Object> params, String doing) {
        return await(
                inSession(
                        AccessMode.READ,
                        s -> s.executeReadAsync(
                                tx -> tx.runAsync(cypher, params).thenCompose(ResultCursor::listAsync),
                                transaction(timeout))),
                timeout,
                doing);
    }

    /** A write in a managed transaction (retried on transient errors); all its records. */
    List<Record> write(String cypher, Map<String, Object> params, String doing) {
        return await(writeAsync(cypher, params, timeout, ResultCursor::listAsync), timeout, doing);
    }

    /**
     * Starts a write in a managed transaction with a server-side limit of {@code bound}, retried as a whole on
     * transient errors (safe: the failed attempt was rolled back); {@code finish} reads its result. Await it with
     * {@link #await}.
     */
    <T> CompletionStage<T> writeAsync(
            String cypher,
            Map<String, Object> params,
            Duration bound,
            Function<ResultCursor, CompletionStage<T>> finish) {
        return inSession(
                AccessMode.WRITE,
                s -> s.executeWriteAsync(tx -> tx.runAsync(cypher, params).thenCompose(finish), transaction(bound)));
    }

    /** One statement of a transaction, with its parameters and what it does (for a failure's message). */
    record Statement(String cypher, Map<String, Object> params, String doing) {}

    /**
     * Runs {@code statements} one after another in one managed write transaction bounded by {@code bulkTimeout()},
     * retried as a whole on transient errors (a deadlock with another writer, a leader switch), and waits for it to
     * commit. A failure names the statement that failed.
     */
    void writeAll(List<Statement> statements, String doing) {
        AtomicReference<String> running = new AtomicReference<>(doing);
        CompletionStage<Void> done = inSession(
                AccessMode.WRITE,
                s -> s.executeWriteAsync(
                        tx -> {
                            CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
                            for (Statement statement : statements) {
                                chain = chain.thenCompose(previous -> {
                                    running.set(statement.doing());
                                    return tx.runAsync(statement.cypher(), statement.params())
                                            .thenCompose(ResultCursor::consumeAsync)
                                            .thenApply(summary -> (Void) null);
                                });
                            }
                            return chain.thenApply(last -> {
                                running.set(doing);
                                return (Void) null;
                            });
                        },
                        transaction(bulkTimeout())));
        try {
            get(done, bulkTimeout());
        } catch (Exception e) {
            throw failure(e, running.get(), bulkTimeout());
        }
    }

    /**
     * Runs a statement in an auto-commit transaction bounded by {@code bound}: schema commands (which do not mix with
     * data writes in one transaction) and SHOW commands.
     */
    List<Record> autoCommit(String cypher, Map<String, Object> params, Duration bound, String doing) {
        return await(
                inSession(
                        AccessMode.WRITE,
                        s -> s.runAsync(cypher, params, transaction(bound)).thenCompose(ResultCursor::listAsync)),
                bound,
                doing);
    }

    /**
     * Streams the records of a read to {@code each}, in one read transaction, checking first that the query returns
     * the columns {@code expectedKeys} in that order. Not retried: records already handed on cannot be taken back.
     */
    void stream(
            String cypher, Map<String, Object> params, List<String> expectedKeys, String doing, Consumer<Record> each) {
        AsyncSession session = driver.session(AsyncSession.class, session(AccessMode.READ, SCAN_FETCH_SIZE));
        try {
            // no server-side time limit: a scan may take long; each wait below is bounded instead
            AsyncTransaction tx = await(session.beginTransactionAsync(TransactionConfig.empty()), timeout, doing);
            try {
                ResultCursor cursor = await(tx.runAsync(cypher, params), timeout, doing);
                if (!cursor.keys().equals(expectedKeys)) {
                    throw new DbxException(
                            doing + ": the query returns " + cursor.keys() + ", expected " + expectedKeys);
                }
                Record record;
                while ((record = await(cursor.nextAsync(), timeout, doing)) != null) {
                    each.accept(record);
                }
                await(tx.commitAsync(), timeout, doing);
            } catch (RuntimeException e) {
                tx.rollbackAsync();
                throw e;
            }
        } finally {
            session.closeAsync();
        }
    }

    /** Waits at most {@code bound} for {@code stage}; driver errors become one-line {@link DbxException}s. */
    <T> T await(CompletionStage<T> stage, Duration bound, String doing) {
        try {
            return get(stage, bound);
        } catch (Exception e) {
            throw failure(e, doing, bound);
        }
    }

    /**
     * Waits at most {@code bound} for {@code stage}, leaving its failure as it is: for a caller that builds the text of
     * what it was doing only once something failed (see {@link #failure}).
     */
    static <T> T get(CompletionStage<T> stage, Duration bound)
            throws InterruptedException, ExecutionException, TimeoutException {
        return stage.toCompletableFuture().get(Math.max(1, bound.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** What {@link #get} (or the driver, directly) threw, as a one-line {@link DbxException} naming {@code doing}. */
    DbxException failure(Exception e, String doing, Duration bound) {
        if (e instanceof TimeoutException) {
            return Neo4jErrors.noAnswer(target, doing, bound);
        }
        if (e instanceof InterruptedException) {
            return Neo4jErrors.interrupted(target, doing);
        }
        return Neo4jErrors.of(
                target, doing, e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e);
    }

    /**
     * A driver session of its own for a caller that runs many transactions one after another (a key-value session),
     * sharing the store's bookmarks; {@code mode} routes its auto-commit transactions (on a cluster: READ to any
     * member, WRITE to the leader). It borrows a pooled connection for each transaction.
     */
    AsyncSession openSession(AccessMode mode) {
        return driver.session(AsyncSession.class, session(mode, 0));
    }

    /** Opens a session for {@code work} and closes it (in the background) when the work completes. */
    private <T> CompletionStage<T> inSession(AccessMode mode, Function<AsyncSession, CompletionStage<T>> work) {
        AsyncSession session = driver.session(AsyncSession.class, session(mode, 0));
        CompletionStage<T> result;
        try {
            result = work.apply(session);
        } catch (RuntimeException e) {
            session.closeAsync();
            throw e;
        }
        return result.whenComplete((value, error) -> session.closeAsync());
    }

    private SessionConfig session(AccessMode mode, long fetchSize) {
        SessionConfig.Builder builder =
                SessionConfig.builder().withDefaultAccessMode(mode).withBookmarkManager(bookmarks);
        if (target.database() != null) {
            builder.withDatabase(target.database());
        }
        if (fetchSize > 0) {
            builder.withFetchSize(fetchSize);
        }
        return builder.build();
    }

    /** A transaction the server gives up after {@code bound}. */
    static TransactionConfig transaction(Duration bound) {
        return TransactionConfig.builder().withTimeout(bound).build();
    }

    @Override
    public void close() {
        // bounded: closing waits for in-use connections to be released, which a stuck request may never do
        try {
            driver.closeAsync().toCompletableFuture().get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the pool's connections are dropped with the process; nothing else to release
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
