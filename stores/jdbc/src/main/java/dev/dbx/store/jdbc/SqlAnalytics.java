package dev.dbx.store.jdbc;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.Analytics;
import dev.dbx.core.query.ResultTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Named queries in a SQL engine's own dialect, kept as resource files next to the store's adapter: {@code
 * <suite>/<query>.sql} in the package of the subclass (e.g. {@code dev/dbx/store/postgres/tpch/q05.sql}), or {@code
 * <suite>/<query>.na} holding the reason the engine cannot express that query. What the three SQL engines share is
 * here: finding the text, running it on a pooled connection, and turning every value into a plain one (Long,
 * BigDecimal, Double, String, LocalDate or null). What differs is overridden by each store: how the engine is told to
 * give up after the timeout ({@link #execute}), how its model's values read back ({@link #value}), and what a cold
 * start can empty ({@link #dropCaches}).
 *
 * <p>The default timeout is the engine's own interrupt: at the deadline a timer calls {@link Statement#cancel()},
 * which sqlite-jdbc turns into {@code sqlite3_interrupt} and duckdb_jdbc into DuckDB's interrupt of the connection's
 * running query. It covers the whole answer, fetching included, and is never delivered to a connection that has gone
 * back to the pool. (sqlite-jdbc's {@code setQueryTimeout} only sets the busy timeout: it never stops a running query.)
 */
public abstract class SqlAnalytics implements Analytics {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dbx-sql-query-timeout");
        t.setDaemon(true);
        return t;
    });

    protected final SqlConnections sql;
    private final Set<String> suites;
    private final ConcurrentMap<String, Optional<String>> texts = new ConcurrentHashMap<>();

    /**
     * @param suites the query suites this store has resource folders for (e.g. "tpch")
     */
    protected SqlAnalytics(SqlConnections sql, Set<String> suites) {
        this.sql = sql;
        this.suites = new TreeSet<>(suites);
    }

    @Override
    public Optional<String> unsupported(String suite, String query) {
        if (!suites.contains(suite)) {
            return Optional.of(sql.storeId() + " has no query suite '" + suite + "' (it has " + suites + ")");
        }
        if (!NAME.matcher(query).matches() || resource(suite, query, ".sql").isEmpty()) {
            return Optional.of(resource(suite, query, ".na")
                    .map(String::strip)
                    .orElse(sql.storeId() + " has no query '" + query + "' in suite " + suite));
        }
        return Optional.empty();
    }

    @Override
    public String text(String suite, String query) {
        Optional<String> why = unsupported(suite, query);
        if (why.isPresent()) {
            throw new DbxException(suite + " " + query + " is n/a on " + sql.storeId() + ": " + why.get());
        }
        return resource(suite, query, ".sql").orElseThrow();
    }

    @Override
    public ResultTable run(String suite, String query, Duration timeout) {
        return query(suite + " " + query, text(suite, query), timeout);
    }

    /**
     * Runs SQL text {@code text} (called {@code name} in errors) the way {@link #run} runs a named query: on a pooled
     * connection, the engine giving up after {@code timeout}, every value plain.
     */
    public ResultTable query(String name, String text, Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new DbxException("the timeout of " + name + " must be positive, not " + timeout);
        }
        try (Connection c = sql.connection()) {
            return execute(c, text, timeout);
        } catch (SQLException e) {
            if (isTimeout(e)) {
                throw new DbxException(
                        sql.storeId() + ": " + name + " was cancelled by the engine after its timeout of "
                                + describe(timeout),
                        "give it a longer --timeout, or a smaller scale factor",
                        e);
            }
            throw SqlErrors.of(sql.storeId(), name, e);
        }
    }

    /**
     * Runs {@code text} on {@code c} and reads its whole answer, the engine giving up after {@code timeout}. The
     * default interrupts the statement at the deadline (see the class comment); a server with a statement timeout of
     * its own overrides this.
     */
    protected ResultTable execute(Connection c, String text, Duration timeout) throws SQLException {
        try (Statement s = c.createStatement();
                Deadline deadline = Deadline.interrupt(s, timeout)) {
            try (ResultSet rs = s.executeQuery(text)) {
                return read(rs);
            } catch (SQLException e) {
                throw deadline.passed() ? new TimedOut(e) : e;
            }
        }
    }

    /** Whether {@code e} is the engine giving up at the timeout (rather than the query failing on its own). */
    protected boolean isTimeout(SQLException e) {
        return e instanceof TimedOut;
    }

    /** The whole answer, every value a plain one (see {@link #value}). */
    protected ResultTable read(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int n = meta.getColumnCount();
        List<String> columns = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            columns.add(meta.getColumnLabel(i));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
            List<Object> row = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                row.add(value(rs, i, columns.get(i - 1)));
            }
            rows.add(row);
        }
        return new ResultTable(columns, rows);
    }

    /**
     * Column {@code index} (labelled {@code label}) of the current row as a plain value: whole numbers as Long
     * (BigDecimal past 64 bits), exact decimals as BigDecimal, floating point as Double, dates as LocalDate, text as
     * String, SQL NULL as null. Anything else (a timestamp, a boolean) as its text, a midnight timestamp as its date.
     */
    protected Object value(ResultSet rs, int index, String label) throws SQLException {
        return plain(rs.getObject(index));
    }

    /** {@code value} as one of the plain types of {@link ResultTable}. */
    protected static Object plain(Object value) {
        return switch (value) {
            case null -> null;
            case Long l -> l;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case BigInteger b -> b.bitLength() < 64 ? (Object) b.longValue() : new BigDecimal(b);
            case BigDecimal d -> d;
            case Double d -> d;
            case Float f -> f.doubleValue();
            case String s -> s;
            case LocalDate d -> d;
            case java.sql.Date d -> d.toLocalDate();
            case Timestamp t -> plain(t.toLocalDateTime());
            case LocalDateTime t -> t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate() : t.toString();
            default -> value.toString();
        };
    }

    /** The text of resource {@code <suite>/<query><extension>} next to the subclass, if there is one. */
    private Optional<String> resource(String suite, String query, String extension) {
        if (!NAME.matcher(suite).matches() || !NAME.matcher(query).matches()) {
            return Optional.empty();
        }
        String name = suite + "/" + query + extension;
        return texts.computeIfAbsent(name, this::load);
    }

    private Optional<String> load(String name) {
        try (InputStream in = getClass().getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " of " + sql.storeId(), e);
        }
    }

    protected static String describe(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    /** A statement that the timer cancelled at the deadline. */
    protected static final class TimedOut extends SQLException {
        TimedOut(SQLException cause) {
            super(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), cause);
        }
    }

    /**
     * Cancels a statement when its time is up, unless it was closed first: the cancel and the close are serialized, so
     * an interrupt never reaches a connection after the query has given it back.
     */
    protected static final class Deadline implements AutoCloseable {
        private final Statement statement;
        private final ScheduledFuture<?> timer;
        private boolean closed;
        private boolean passed;

        private Deadline(Statement statement, Duration timeout) {
            this.statement = statement;
            this.timer = TIMERS.schedule(this::cancel, timeout.toNanos(), TimeUnit.NANOSECONDS);
        }

        /** Cancels {@code statement} (the engine interrupts it) once {@code timeout} has passed. */
        public static Deadline interrupt(Statement statement, Duration timeout) {
            return new Deadline(statement, timeout);
        }

        private synchronized void cancel() {
            if (closed) {
                return;
            }
            passed = true;
            try {
                statement.cancel();
            } catch (SQLException ignored) {
                // the statement has just finished or failed on its own: nothing is left to stop
            }
        }

        /** Whether the deadline passed and the statement was cancelled. */
        public synchronized boolean passed() {
            return passed;
        }

        @Override
        public synchronized void close() {
            closed = true;
            timer.cancel(false);
        }
    }
}
