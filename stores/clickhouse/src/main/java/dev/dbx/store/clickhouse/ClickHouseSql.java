package dev.dbx.store.clickhouse;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.ClientConfigProperties;
import com.clickhouse.client.api.command.CommandResponse;
import com.clickhouse.client.api.command.CommandSettings;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.data.ClickHouseFormat;
import dev.dbx.core.DbxException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Statements over client-v2, in the subset that every ClickHouse version answers the same way: results are always
 * TabSeparated, named in the statement AND in the request (18.x reads only the statement; client-v2's binary readers
 * need RowBinaryWithNamesAndTypes, which 18.x lacks), and read as a stream. Bounded statements carry
 * {@code max_execution_time} so the server stops what the client gave up on; idempotent reads are retried when a
 * kept-alive connection died under them before a row arrived.
 */
final class ClickHouseSql implements AutoCloseable {
    private static final int READ_ATTEMPTS = 3;

    /** What every read's text ends with: 18.x takes the result format only from the statement. */
    static final String FORMAT = " FORMAT TabSeparated";

    /** Receives one row of a result. */
    @FunctionalInterface
    interface RowHandler {
        void row(String[] fields);
    }

    /** Writes the rows of one INSERT. */
    @FunctionalInterface
    interface RowSource {
        void writeTo(TsvWriter out) throws IOException;
    }

    private final Client client;
    private final ClickHouseErrors errors;
    private final Duration timeout;

    ClickHouseSql(Client client, ClickHouseErrors errors, Duration timeout) {
        this.client = client;
        this.errors = errors;
        this.timeout = timeout;
    }

    Duration timeout() {
        return timeout;
    }

    /** The most HTTP connections the client's pool opens (its configuration, as the client reports it). */
    int maxConnections() {
        return Integer.parseInt(
                client.getConfiguration().get(ClientConfigProperties.HTTP_MAX_OPEN_CONNECTIONS.getKey()));
    }

    /** Runs a statement without a result (DDL, OPTIMIZE) that may take up to {@code limit}. */
    void execute(String doing, String sql, Duration limit) {
        CommandSettings settings = new CommandSettings();
        settings.setNetworkTimeout(limit.toMillis(), ChronoUnit.MILLIS);
        try (CommandResponse ignored = await(client.execute(sql, settings))) {
            // nothing to read: the statement is done when the response arrives
        } catch (Exception e) {
            throw errors.of(doing, e);
        }
    }

    /** Runs a short read (bounded by the store's timeout, retried on a dead connection) and hands over its rows. */
    void query(String doing, String sql, int fields, RowHandler handler) {
        read(doing, null, sql + FORMAT, readSettings(null), new TsvReader(null, fields), fields, handler);
    }

    /**
     * Streams a read of any length: no execution limit (the server produces rows as fast as the client takes them),
     * but the socket timeout still catches a server that stops answering.
     */
    void stream(String doing, String sql, int fields, RowHandler handler) {
        read(doing, null, sql + FORMAT, streamSettings(null), new TsvReader(null, fields), fields, handler);
    }

    /**
     * The single value of a read that may compute for up to {@code limit} before it answers (a count over FINAL, which
     * merges every version on the way): no execution limit, and a socket timeout of {@code limit}.
     */
    String slowValue(String doing, String sql, Duration limit) {
        List<String[]> rows = new ArrayList<>();
        read(doing, null, sql + FORMAT, streamSettings(limit), new TsvReader(null, 1), 1, rows::add);
        return single(doing, rows);
    }

    /** All rows of a short read (for answers of a few rows). */
    List<String[]> rows(String doing, String sql, int fields) {
        List<String[]> rows = new ArrayList<>();
        query(doing, sql, fields, rows::add);
        return rows;
    }

    /** The single value a short read answers. */
    String value(String doing, String sql) {
        return single(doing, rows(doing, sql, 1));
    }

    private static String single(String doing, List<String[]> rows) {
        if (rows.size() != 1) {
            throw new DbxException("clickhouse: " + doing + " answered " + rows.size() + " rows instead of one");
        }
        return rows.get(0)[0];
    }

    /**
     * The settings of a short read: TabSeparated, and {@code max_execution_time} of the store's timeout so the server
     * stops what the client gave up on. A user of many reads makes them once (client-v2 copies them per request).
     */
    QuerySettings readSettings(Duration networkTimeout) {
        return streamSettings(networkTimeout).setMaxExecutionTime((int) Math.max(1, (timeout.toMillis() + 999) / 1000));
    }

    private static QuerySettings streamSettings(Duration networkTimeout) {
        QuerySettings settings = new QuerySettings().setFormat(ClickHouseFormat.TabSeparated);
        if (networkTimeout != null) {
            settings.setNetworkTimeout(networkTimeout.toMillis(), ChronoUnit.MILLIS);
        }
        return settings;
    }

    /**
     * Runs {@code statement}, which already ends in {@value #FORMAT} (a key-value session's prepared text with its key
     * appended), reading its rows of {@code fields} fields through {@code reader} (reused by its owner). A failure is
     * reported as {@code doing} followed by {@code subject} (e.g. "read of " and the key): the message is only made
     * when something failed. Retried when a kept-alive connection died before a row arrived.
     */
    void read(
            String doing,
            String subject,
            String statement,
            QuerySettings settings,
            TsvReader reader,
            int fields,
            RowHandler handler) {
        for (int attempt = 1; ; attempt++) {
            long delivered = 0;
            try (QueryResponse response = await(client.query(statement, settings))) {
                reader.reset(response.getInputStream(), fields);
                for (String[] row = reader.next(); row != null; row = reader.next()) {
                    delivered++;
                    handler.row(row);
                }
                return;
            } catch (DbxException e) {
                throw e;
            } catch (Exception e) {
                // once rows went to the handler a retry would repeat them
                if (delivered > 0 || attempt == READ_ATTEMPTS || !ClickHouseErrors.isTransient(e)) {
                    throw errors.of(subject == null ? doing : doing + subject, e);
                }
            }
        }
    }

    /** Takes a whole answer from the response, in the format its statement named. */
    @FunctionalInterface
    interface AnswerReader<T> {
        T read(InputStream in) throws IOException;
    }

    /**
     * Runs a read whose answer {@code reader} takes whole from the response (for formats other than TabSeparated),
     * under {@code settings}; retried like {@link #read} when a kept-alive connection died before the answer came.
     */
    <T> T answer(String doing, String statement, QuerySettings settings, AnswerReader<T> reader) {
        for (int attempt = 1; ; attempt++) {
            try (QueryResponse response = await(client.query(statement, settings))) {
                return reader.read(response.getInputStream());
            } catch (DbxException e) {
                throw e;
            } catch (Exception e) {
                if (attempt == READ_ATTEMPTS || !ClickHouseErrors.isTransient(e)) {
                    throw errors.of(doing, e);
                }
            }
        }
    }

    /**
     * One INSERT of the rows {@code source} writes, streamed into the request as TabSeparated while they are made.
     * Not retried: the rows cannot be written twice.
     */
    void insert(String doing, String table, List<String> columns, RowSource source) {
        InsertSettings settings = insertSettings();
        insert(doing, null, table, columns, settings, new TsvWriter(null, columns.toArray(String[]::new)), source);
    }

    /** The settings of an INSERT bounded by the store's timeout; a user of many inserts makes them once. */
    InsertSettings insertSettings() {
        InsertSettings settings = new InsertSettings();
        settings.setNetworkTimeout(timeout.toMillis(), ChronoUnit.MILLIS);
        return settings;
    }

    /**
     * Like {@link #insert(String, String, List, RowSource)}, through {@code writer} (reused by its owner, its columns
     * those of {@code columns}); a failure is reported as {@code doing} followed by {@code subject}.
     */
    void insert(
            String doing,
            String subject,
            String table,
            List<String> columns,
            InsertSettings settings,
            TsvWriter writer,
            RowSource source) {
        try (InsertResponse ignored = await(client.insert(
                table,
                columns,
                out -> {
                    source.writeTo(writer.to(out));
                    writer.flush();
                },
                ClickHouseFormat.TabSeparated,
                settings))) {
            // the server has stored the rows when the response arrives
        } catch (UncheckedIOException e) {
            throw errors.of(subject == null ? doing : doing + subject, e.getCause());
        } catch (Exception e) {
            throw errors.of(subject == null ? doing : doing + subject, e);
        }
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        // client-v2 runs requests on the calling thread unless async is on: the future is already complete
        try {
            return future.get();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbxException("interrupted while waiting for ClickHouse");
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
