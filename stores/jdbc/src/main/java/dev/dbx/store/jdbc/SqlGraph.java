package dev.dbx.store.jdbc;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.Graph;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link Graph} for a SQL store: each traversal is one statement in the store's dialect, kept as a resource file next
 * to the adapter ({@code graph/co-purchase.sql}, {@code graph/reachable.sql}), with named parameters
 * ({@code :customer}, {@code :limit}, {@code :hops}) bound in order of appearance. Co-purchase returns (part,
 * customers) rows best first; reachable returns one row (customers, key sum). A reachable file written as a fixed
 * number of levels (iterated joins rather than recursion) says so on a first line {@code -- max hops: N}, and more
 * hops are refused rather than answered short.
 *
 * <p>The timeout is the engine's own interrupt: at the deadline a timer calls {@link java.sql.Statement#cancel()}, which
 * pgjdbc sends as a cancel request to the server, sqlite-jdbc turns into {@code sqlite3_interrupt} and duckdb_jdbc into
 * DuckDB's interrupt of the connection's query (sqlite-jdbc's {@code setQueryTimeout} only sets a busy timeout).
 */
public final class SqlGraph implements Graph {
    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([a-z_]+)");
    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dbx-sql-graph-timeout");
        t.setDaemon(true);
        return t;
    });

    private final SqlConnections sql;
    private final Map<Query, Statement> statements = new EnumMap<>(Query.class);

    /** The traversals of {@code owner}'s package's {@code graph/*.sql} files. */
    public SqlGraph(SqlConnections sql, Class<?> owner) {
        this.sql = sql;
        for (Query query : Query.values()) {
            String name = "graph/" + query.id() + ".sql";
            statements.put(query, Statement.parse(read(owner, name)));
        }
    }

    private static String read(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new DbxException(owner.getSimpleName() + " has no " + name + " next to it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DbxException("cannot read " + name + ": " + e.getMessage());
        }
    }

    @Override
    public Optional<String> unsupported(Query query) {
        return Optional.empty();
    }

    @Override
    public String text(Query query) {
        return statements.get(query).text;
    }

    @Override
    public List<Recommendation> coPurchase(long customer, int limit, Duration timeout) {
        List<Recommendation> out = new ArrayList<>();
        run(Query.CO_PURCHASE, Map.of("customer", customer, "limit", (long) limit), timeout, rs -> {
            while (rs.next()) {
                out.add(new Recommendation(rs.getLong(1), rs.getLong(2)));
            }
        });
        return out;
    }

    @Override
    public Reach reachable(long customer, int hops, Duration timeout) {
        if (hops < 1) {
            throw new DbxException("hops must be at least 1, not " + hops);
        }
        Integer max = statements.get(Query.REACHABLE).maxHops();
        if (max != null && hops > max) {
            throw new DbxException(
                    sql.storeId() + "'s reachability query expands at most " + max + " hops, not " + hops,
                    "add levels to its graph/reachable.sql");
        }
        long[] row = new long[2];
        run(Query.REACHABLE, Map.of("customer", customer, "hops", (long) hops), timeout, rs -> {
            if (!rs.next()) {
                throw new DbxException(sql.storeId() + ": the reachability query returned no row");
            }
            row[0] = rs.getLong(1);
            row[1] = rs.getLong(2);
        });
        return new Reach(hops, row[0], row[1]);
    }

    private interface Rows {
        void read(ResultSet rs) throws SQLException;
    }

    private void run(Query query, Map<String, Long> values, Duration timeout, Rows rows) {
        Statement statement = statements.get(query);
        String doing = query.id() + " " + values;
        try (Connection c = sql.connection();
                PreparedStatement ps = c.prepareStatement(statement.jdbc)) {
            for (int i = 0; i < statement.parameters.size(); i++) {
                Long value = values.get(statement.parameters.get(i));
                if (value == null) {
                    throw new DbxException(
                            query.id() + ".sql names :" + statement.parameters.get(i) + ", which dbx does not bind");
                }
                ps.setLong(i + 1, value);
            }
            Deadline deadline = new Deadline(ps, timeout);
            try (deadline;
                    ResultSet rs = ps.executeQuery()) {
                rows.read(rs);
            } catch (SQLException e) {
                if (deadline.fired()) {
                    throw new DbxException(sql.storeId() + ": " + doing + " was cancelled by the engine after its"
                            + " timeout of " + timeout.toMillis() + " ms");
                }
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.of(sql.storeId(), doing, e);
        }
    }

    /** A statement file: its text, the JDBC text with {@code ?} for each named parameter, and their names in order. */
    record Statement(String text, String jdbc, List<String> parameters, Integer maxHops) {
        private static final Pattern MAX_HOPS = Pattern.compile("^--\\s*max hops:\\s*(\\d+)");

        static Statement parse(String text) {
            String body = text.strip();
            Matcher max = MAX_HOPS.matcher(body);
            Integer maxHops = max.find() ? Integer.valueOf(max.group(1)) : null;
            if (body.endsWith(";")) {
                body = body.substring(0, body.length() - 1);
            }
            List<String> names = new ArrayList<>();
            StringBuilder jdbc = new StringBuilder();
            for (String line : body.split("\\R")) {
                String code = line;
                int comment = line.indexOf("--");
                if (comment >= 0) {
                    code = line.substring(0, comment);
                }
                Matcher m = PARAMETER.matcher(code);
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    names.add(m.group(1));
                    m.appendReplacement(out, "?");
                }
                m.appendTail(out);
                jdbc.append(out).append('\n');
            }
            return new Statement(text, jdbc.toString(), List.copyOf(names), maxHops);
        }
    }

    /** Cancels a statement at its deadline unless it was closed first (cancel and close never cross). */
    private static final class Deadline implements AutoCloseable {
        private final PreparedStatement statement;
        private final ScheduledFuture<?> timer;
        private boolean closed;
        private boolean fired;

        Deadline(PreparedStatement statement, Duration timeout) {
            this.statement = statement;
            this.timer = TIMERS.schedule(this::cancel, timeout.toNanos(), TimeUnit.NANOSECONDS);
        }

        private synchronized void cancel() {
            if (closed) {
                return;
            }
            fired = true;
            try {
                statement.cancel();
            } catch (SQLException ignored) {
                // the statement fails or finishes on its own
            }
        }

        synchronized boolean fired() {
            return fired;
        }

        @Override
        public synchronized void close() {
            closed = true;
            timer.cancel(false);
        }
    }
}
