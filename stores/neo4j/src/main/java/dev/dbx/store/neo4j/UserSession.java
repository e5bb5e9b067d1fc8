package dev.dbx.store.neo4j;

import dev.dbx.core.capability.FieldSet;
import dev.dbx.core.capability.KeyValueSession;
import dev.dbx.core.dataset.YcsbSchema;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Query;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.ResultCursor;
import org.neo4j.driver.exceptions.RetryableException;
import org.neo4j.driver.summary.ResultSummary;

/**
 * One thread's way to the usertable: two driver sessions for its whole life, one for reads and one for writes (so a
 * cluster routes them: reads to any member, writes to the leader), sharing the store's bookmarks (a read sees the
 * writes made before it, on a cluster too), the Cypher texts of its {@link UserStatements} and one transaction
 * configuration (the server-side time limit), made once. Each operation is one statement in its own transaction, run
 * with a parameter value made for the call (the driver's API): the key, and the values of the chosen fields. Every
 * wait is bounded by the store's timeout, and the text of what was being done is built only on failure.
 *
 * <p>Each operation is first run as an auto-commit transaction: one round trip (RUN and PULL together; the server
 * commits when the result is pulled), where a managed transaction takes three one after another (BEGIN, RUN and PULL,
 * COMMIT). A single statement is as atomic and as durable either way. What the driver would retry in a managed
 * transaction (a transient error such as a deadlock, a lost connection or a leader switch) is run again as a managed
 * transaction, which the driver retries as long as its retry time allows; each re-run of a write counts in
 * {@link #conflictRetries()}.
 *
 * <p>The driver borrows a connection from its pool (sized by the store's pool size) for each transaction and gives it
 * back at commit: connections are not pinned to the session, but N sessions find N connections in a pool of N.
 */
final class UserSession implements KeyValueSession {
    private static final String[] FIELDS = YcsbSchema.FIELDS.toArray(String[]::new);

    /** The first record, or null when there is none; waits for the summary (a failure, the bookmark) too. */
    private static final Function<ResultCursor, CompletionStage<Record>> FIRST =
            cursor -> cursor.listAsync().thenApply(records -> records.isEmpty() ? null : records.get(0));

    private final Bolt bolt;
    private final AsyncSession reads;
    private final AsyncSession writes;
    private final UserStatements statements;
    private final Duration timeout;
    private final TransactionConfig transaction;
    private final String[] scanned = new String[YcsbSchema.FIELD_COUNT];
    private long retries;
    /** Times the current write's managed transaction function ran (each a re-run of a write that failed). */
    private volatile int attempts;

    UserSession(Bolt bolt, UserStatements statements) {
        this.bolt = bolt;
        this.statements = statements;
        this.timeout = bolt.timeout();
        this.transaction = Bolt.transaction(timeout);
        this.reads = bolt.openSession(AccessMode.READ);
        this.writes = bolt.openSession(AccessMode.WRITE);
    }

    @Override
    public void insert(String key, String[] values) {
        String cypher = statements.insert();
        Value parameters = parameters(key, FieldSet.all(), values);
        try {
            write(cypher, parameters, ResultCursor::consumeAsync);
        } catch (Exception e) {
            throw bolt.failure(e, "insert of " + key, timeout);
        }
    }

    @Override
    public boolean read(String key, FieldSet fields, String[] values) {
        String cypher = statements.read(fields);
        Value parameters = Values.parameters("key", key);
        Record record;
        try {
            record = read(cypher, parameters, FIRST);
        } catch (Exception e) {
            throw bolt.failure(e, "read of " + key, timeout);
        }
        if (record == null) {
            return false;
        }
        copy(record, 0, fields, values);
        return true;
    }

    @Override
    public boolean update(String key, FieldSet fields, String[] values) {
        String cypher = statements.update(fields);
        Value parameters = parameters(key, fields, values);
        try {
            return write(cypher, parameters, FIRST) != null;
        } catch (Exception e) {
            throw bolt.failure(e, "update of " + key, timeout);
        }
    }

    @Override
    public boolean delete(String key) {
        String cypher = statements.delete();
        Value parameters = Values.parameters("key", key);
        try {
            ResultSummary summary = write(cypher, parameters, ResultCursor::consumeAsync);
            return summary.counters().nodesDeleted() > 0;
        } catch (Exception e) {
            throw bolt.failure(e, "delete of " + key, timeout);
        }
    }

    @Override
    public int scan(String startKey, int count, FieldSet fields, RecordSink sink) {
        String cypher = statements.scan(fields);
        Value parameters = Values.parameters("start", startKey, "count", count);
        List<Record> records;
        try {
            records = read(cypher, parameters, ResultCursor::listAsync);
        } catch (Exception e) {
            throw bolt.failure(e, "scan from " + startKey, timeout);
        }
        Arrays.fill(scanned, null);
        for (Record record : records) {
            copy(record, 1, fields, scanned);
            sink.accept(record.get(0).asString(), scanned);
        }
        return records.size();
    }

    @Override
    public long conflictRetries() {
        return retries;
    }

    /** Closes the driver sessions (no transaction is open between calls, so there is nothing to roll back). */
    @Override
    public void close() {
        for (AsyncSession session : List.of(reads, writes)) {
            try {
                Bolt.get(session.closeAsync(), timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                // a session between transactions holds no connection: nothing is left to release
            }
        }
    }

    /**
     * Runs one read in an auto-commit transaction and waits for it; after a transient error, runs it again in a
     * managed read transaction (retried by the driver), within what is left of the timeout.
     */
    private <T> T read(String cypher, Value parameters, Function<ResultCursor, CompletionStage<T>> finish)
            throws Exception {
        long start = System.nanoTime();
        try {
            return Bolt.get(
                    reads.runAsync(new Query(cypher, parameters), transaction).thenCompose(finish), timeout);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof RetryableException)) {
                throw e;
            }
        }
        return Bolt.get(
                reads.executeReadAsync(tx -> tx.runAsync(cypher, parameters).thenCompose(finish), transaction),
                left(start));
    }

    /**
     * Runs one write in an auto-commit transaction and waits for it; after a transient error (a deadlock, a lost
     * connection), runs it again in a managed transaction, retried by the driver, within what is left of
     * the timeout. Each re-run is counted in {@link #conflictRetries()}.
     */
    private <T> T write(String cypher, Value parameters, Function<ResultCursor, CompletionStage<T>> finish)
            throws Exception {
        long start = System.nanoTime();
        try {
            return Bolt.get(
                    writes.runAsync(new Query(cypher, parameters), transaction).thenCompose(finish), timeout);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof RetryableException)) {
                throw e;
            }
        }
        attempts = 0;
        try {
            return Bolt.get(
                    writes.executeWriteAsync(
                            tx -> {
                                attempts++;
                                return tx.runAsync(cypher, parameters).thenCompose(finish);
                            },
                            transaction),
                    left(start));
        } finally {
            retries += attempts;
        }
    }

    /** What is left of the timeout of an operation that started at {@code start} (at least a millisecond). */
    private Duration left(long start) {
        return Duration.ofNanos(Math.max(1_000_000L, timeout.toNanos() - (System.nanoTime() - start)));
    }

    /** {@code $key}, and {@code $fieldN} for each chosen field N. */
    private static Value parameters(String key, FieldSet fields, String[] values) {
        Object[] params = new Object[2 + 2 * fields.size()];
        params[0] = "key";
        params[1] = key;
        for (int i = 0; i < fields.size(); i++) {
            int f = fields.field(i);
            params[2 + 2 * i] = FIELDS[f];
            params[3 + 2 * i] = values[f];
        }
        return Values.parameters(params);
    }

    /** The record's columns from {@code first} on are the chosen fields, in field order. */
    private static void copy(Record record, int first, FieldSet fields, String[] values) {
        for (int i = 0; i < fields.size(); i++) {
            Value v = record.get(first + i);
            values[fields.field(i)] = v.isNull() ? null : v.asString();
        }
    }
}
