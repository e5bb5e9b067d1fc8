package dev.dbx.runs;

import dev.dbx.core.DbxException;
import dev.dbx.engine.PrivateFiles;
import dev.dbx.workloads.runner.BenchmarkRun;
import dev.dbx.workloads.runner.StoreRun;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/**
 * Every benchmark run dbx measured, kept in SQLite at {@code <data-dir>/runs.sqlite} (owner-only, like the rest of the
 * data directory) so that runs can be listed, shown again, exported and compared later — and queried with SQL (the
 * schema is documented in docs/runs.md). A run is saved in one transaction: it is there whole or not at all.
 *
 * <p>Runs are named by id or by a unique prefix of one ({@code 20261202-14}). Not thread-safe: one per command.
 */
public final class RunStore implements AutoCloseable {
    public static final String FILE = "runs.sqlite";

    /** How long a writer waits for another dbx process that is saving a run. */
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    /** How many of the runs a prefix matches are named when it matches more than one. */
    private static final int AMBIGUOUS_SHOWN = 10;

    private final Path file;
    private final Connection connection;

    private RunStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens the run store of this data directory, creating it (and the directory, owner-only) when missing. */
    public static RunStore open(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            PrivateFiles.directory(dataDir);
            // made owner-only before SQLite writes a byte of it (SQLite's journal files take the database's mode)
            PrivateFiles.createFile(file);
        } catch (IOException e) {
            throw new DbxException(
                    "cannot create the run store " + file + ": " + e.getMessage(),
                    "is the data directory writable? --data-dir or DBX_DATA_DIR choose another");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        // a write transaction takes the lock when it begins: two dbx creating the schema at once cannot interleave
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        Connection connection = null;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
            connection.setAutoCommit(false);
            Schema.prepare(connection, file);
            connection.commit();
            connection.setAutoCommit(true);
            return new RunStore(file, connection);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            if (e instanceof DbxException d) {
                throw d;
            }
            throw new DbxException(
                    "cannot open the run store " + file + ": " + e.getMessage(),
                    "if another dbx is saving a run, try again; if the file is damaged, move it away: dbx then starts"
                            + " a new one");
        }
    }

    public Path file() {
        return file;
    }

    /** Saves a run whole (one transaction). A run id is saved once. */
    public void save(BenchmarkRun run) {
        inTransaction(() -> {
            if (RunRows.exists(connection, run.id())) {
                throw new DbxException(
                        "a run with id '" + run.id() + "' is already stored in " + file,
                        "run ids are unique; this one was not saved again");
            }
            RunRows.insert(connection, run);
        });
    }

    /** Every stored run in brief, newest first. */
    public List<RunSummary> list() {
        return query(() -> {
            Map<String, List<RunSummary.Store>> stores = new LinkedHashMap<>();
            try (PreparedStatement s = connection.prepareStatement(
                            "SELECT s.run_id, s.store, s.status, s.ops_per_sec, s.correct, s.reason, q.hot_score_ms"
                                    + " FROM store_run s LEFT JOIN query_run q USING (run_id, store)"
                                    + " ORDER BY s.run_id, s.position");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    stores.computeIfAbsent(rs.getString("run_id"), id -> new ArrayList<>())
                            .add(new RunSummary.Store(
                                    rs.getString("store"),
                                    StoreRun.Status.valueOf(rs.getString("status")),
                                    rs.getDouble("ops_per_sec"),
                                    rs.getInt("correct") == 1,
                                    rs.getString("reason"),
                                    rs.getObject("hot_score_ms") == null ? null : rs.getDouble("hot_score_ms")));
                }
            }
            List<RunSummary> runs = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement(
                            "SELECT id, group_id, variant, workload, started, correct FROM run"
                                    + " ORDER BY started DESC, id DESC");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString("id");
                    runs.add(new RunSummary(
                            id,
                            rs.getString("group_id"),
                            rs.getString("variant"),
                            rs.getString("workload"),
                            Times.parse(rs.getString("started")),
                            rs.getInt("correct") == 1,
                            stores.getOrDefault(id, List.of())));
                }
            }
            return runs;
        });
    }

    /** The run of this id, or of the one run whose id starts with it, whole (histograms decoded). */
    public BenchmarkRun get(String idOrPrefix) {
        String id = resolve(idOrPrefix);
        return query(() -> RunRows.read(connection, id));
    }

    /** The runs of the sweep or repeat the named run belongs to, in the order they ran. */
    public List<BenchmarkRun> group(String idOrPrefix) {
        String id = resolve(idOrPrefix);
        return query(() -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT id FROM run WHERE group_id = (SELECT group_id FROM run WHERE id = ?)"
                            + " ORDER BY started, id")) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            List<BenchmarkRun> runs = new ArrayList<>();
            for (String member : ids) {
                runs.add(RunRows.read(connection, member));
            }
            return runs;
        });
    }

    /**
     * The id of the run named by its id or by the start of it: an exact id wins; a prefix must match one run alone, or
     * the error names those it matches.
     */
    public String resolve(String idOrPrefix) {
        String text = idOrPrefix == null ? "" : idOrPrefix.strip();
        if (text.isEmpty()) {
            throw new DbxException("no run id given", "dbx runs lists the stored runs");
        }
        List<String> matches = query(() -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement s =
                    connection.prepareStatement("SELECT id FROM run WHERE id = ?1 OR substr(id, 1, length(?1)) = ?1"
                            + " ORDER BY id = ?1 DESC, id LIMIT " + (AMBIGUOUS_SHOWN + 1))) {
                s.setString(1, text);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        });
        if (matches.isEmpty()) {
            throw new DbxException("no run '" + text + "' in " + file, "dbx runs lists the stored runs");
        }
        if (matches.size() == 1 || matches.get(0).equals(text)) {
            return matches.get(0);
        }
        String named = String.join(", ", matches.subList(0, Math.min(AMBIGUOUS_SHOWN, matches.size())));
        throw new DbxException(
                "'" + text + "' is the start of "
                        + (matches.size() > AMBIGUOUS_SHOWN ? "more than " + AMBIGUOUS_SHOWN : matches.size())
                        + " runs: " + named + (matches.size() > AMBIGUOUS_SHOWN ? ", ..." : ""),
                "give more of the id");
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    /** Work on the database that may fail with an SQLException. */
    private interface Work<T> {
        T run() throws SQLException;
    }

    private interface Change {
        void run() throws SQLException;
    }

    private <T> T query(Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private void inTransaction(Change change) {
        try {
            connection.setAutoCommit(false);
            try {
                change.run();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private DbxException failed(SQLException e) {
        return new DbxException(
                "the run store " + file + " failed: " + e.getMessage(),
                "another dbx may be writing it (it waits " + BUSY_TIMEOUT_MILLIS / 1000 + " s), or the disk is full");
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing a read connection after an error: the first error is the one to report
            }
        }
    }
}
