package dev.dbx.store.neo4j;

import dev.dbx.core.capability.FieldSet;
import dev.dbx.core.capability.KeyValueSession;
import dev.dbx.core.dataset.YcsbSchema;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.ResultCursor;
import org.neo4j.driver.summary.ResultSummary;

/**
 * One thread's way to the usertable: one driver session for its whole life (its bookmarks chain the session's
 * transactions, so a read sees the session's writes on a cluster too), the Cypher texts of its {@link UserStatements}
 * and one transaction configuration (the server-side time limit), made once. Each operation is one managed
 * transaction, run with a parameter value made for the call (the driver's API): the key, and the values of the chosen
 * fields. Every wait is bounded by the store's timeout, and the text of what was being done is built only on failure.
 *
 * <p>The driver borrows a connection from its pool (sized by the store's pool size) for each transaction and gives it
 * back at commit: connections are not pinned to the session, but N sessions find N connections in a pool of N.
 */
final class UserSession implements KeyValueSession {
    private static final String[] FIELDS = YcsbSchema.FIELDS.toArray(String[]::new);

    private final Bolt bolt;
    private final AsyncSession session;
    private final UserStatements statements;
    private final Duration timeout;
    private final TransactionConfig transaction;
    private final String[] scanned = new String[YcsbSchema.FIELD_COUNT];
    private long retries;
    /** Times the current write's transaction function ran (more than once: the driver retried it). */
    private volatile int attempts;

    UserSession(Bolt bolt, UserStatements statements) {
        this.bolt = bolt;
        this.statements = statements;
        this.timeout = bolt.timeout();
        this.transaction = Bolt.transaction(timeout);
        this.session = bolt.openSession();
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
            record = read(cypher, parameters, ResultCursor::nextAsync);
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
            return write(cypher, parameters, ResultCursor::nextAsync) != null;
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

    /** Closes the driver session (no transaction is open between calls, so there is nothing to roll back). */
    @Override
    public void close() {
        try {
            Bolt.get(session.closeAsync(), timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // a session between transactions holds no connection: nothing is left to release
        }
    }

    /** Runs one read in a managed read transaction (retried by the driver on transient errors) and waits for it. */
    private <T> T read(String cypher, Value parameters, Function<ResultCursor, CompletionStage<T>> finish)
            throws Exception {
        return Bolt.get(
                session.executeReadAsync(tx -> tx.runAsync(cypher, parameters).thenCompose(finish), transaction),
                timeout);
    }

    /**
     * Runs one write in a managed transaction and waits for it; a re-run by the driver (after a deadlock, or another
     * transient error, rolled back first) is counted in {@link #conflictRetries()}.
     */
    private <T> T write(String cypher, Value parameters, Function<ResultCursor, CompletionStage<T>> finish)
            throws Exception {
        attempts = 0;
        try {
            return Bolt.get(
                    session.executeWriteAsync(
                            tx -> {
                                attempts++;
                                return tx.runAsync(cypher, parameters).thenCompose(finish);
                            },
                            transaction),
                    timeout);
        } finally {
            if (attempts > 1) {
                retries += attempts - 1;
            }
        }
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
