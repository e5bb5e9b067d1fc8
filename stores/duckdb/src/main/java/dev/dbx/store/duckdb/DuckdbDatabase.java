package dev.dbx.store.duckdb;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dbx.core.DbxException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * One open DuckDB database file: an "anchor" connection held for the store's whole life, and a HikariCP pool of
 * connections duplicated from it.
 *
 * <p>Why this shape. DuckDB runs in this process; a database file can be open in ONE instance per process (a second
 * instance of the same file fails with "Unique file handle conflict"), and the driver's instance cache hands every
 * {@code jdbc:duckdb:<same file>} connection that one instance, as long as the configuration is identical. The instance
 * closes (checkpoint, buffer pool dropped) when its last connection closes. A pool that opened its connections through
 * the driver would therefore reopen the whole database each time it had let every idle connection go. Holding the
 * anchor pins the instance to the store's lifetime, and {@link DuckDBConnection#duplicate()} makes pooled connections
 * without a path lookup or a configuration check. Two stores on the same file in one process each open an anchor
 * through the driver, so they share the one instance (and see each other's commits); the pool still bounds how many
 * connections a store uses and gives up after the timeout instead of waiting forever.
 */
final class DuckdbDatabase implements AutoCloseable {
    /**
     * Connections when the configuration names no pool size. In-process connections are cheap (no socket, no server
     * process); the cap only bounds client threads. A key-value session pins one.
     */
    static final int DEFAULT_POOL_SIZE = 16;

    private static final Pattern LOCK_HOLDER = Pattern.compile("Conflicting lock is held in (.*?) \\(PID (\\d+)\\)");

    private final DuckDBConnection anchor;
    private final HikariDataSource pool;

    private DuckdbDatabase(DuckDBConnection anchor, Duration timeout, int poolSize) {
        this.anchor = anchor;
        HikariConfig config = new HikariConfig();
        config.setDataSource(new Duplicates(anchor));
        config.setPoolName("dbx-duckdb");
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(Math.max(250, timeout.toMillis()));
        config.setValidationTimeout(Math.max(250, Math.min(5_000, timeout.toMillis())));
        // the anchor has proved the database opens; pooled connections are made on demand
        config.setInitializationFailTimeout(-1);
        this.pool = new HikariDataSource(config);
    }

    /**
     * Opens (creating if needed) the database file, with a pool of up to {@code poolSize} connections, and registers
     * the load's table function in it; a missing directory or a file in use gives a clear error.
     */
    static DuckdbDatabase open(DuckdbLocation location, Duration timeout, int poolSize) {
        location.requireWritableDirectory();
        DuckDBConnection anchor;
        try {
            anchor = (DuckDBConnection)
                    DriverManager.getConnection("jdbc:duckdb:" + location.file(), configuration(location));
        } catch (SQLException e) {
            throw openFailure(location, e);
        }
        try {
            TableFunctionLoader.register(anchor);
        } catch (SQLException e) {
            try {
                anchor.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw new DbxException("cannot register dbx's load function in DuckDB: " + firstLine(e), null, e);
        }
        return new DuckdbDatabase(anchor, timeout, poolSize);
    }

    /**
     * DuckDB's configuration for dbx. Stores opened on the same file build the same one, which the driver's instance
     * cache requires (so does any other connection to the file in this process, e.g. a test's).
     */
    static Properties configuration(DuckdbLocation location) {
        Properties p = new Properties();
        // DuckDB would otherwise use ~/.duckdb for its home, extensions and secrets: keep everything next to the file
        p.setProperty("home_directory", location.directory().toString());
        p.setProperty(
                "extension_directory",
                location.directory().resolve(".duckdb-extensions").toString());
        // No extension can be downloaded here (nor, often, in production): never try, fail at once instead
        p.setProperty("autoinstall_known_extensions", "false");
        p.setProperty("autoload_known_extensions", "false");
        // Stream query results chunk by chunk instead of materializing them first: scans of big tables stay bounded
        p.setProperty(DuckDBDriver.JDBC_STREAM_RESULTS, "true");
        location.settings().forEach(p::setProperty);
        return p;
    }

    private static DbxException openFailure(DuckdbLocation location, SQLException e) {
        String message = firstLine(e);
        Matcher lock = LOCK_HOLDER.matcher(message);
        if (lock.find()) {
            return new DbxException(
                    "DuckDB database " + location.file() + " is in use by another process (" + lock.group(1) + ", PID "
                            + lock.group(2) + ")",
                    "DuckDB lets one process write a database file: stop that process or use another file",
                    e);
        }
        if (message.contains("different configuration")) {
            return new DbxException(
                    "DuckDB database " + location.file() + " is already open in this process with other settings",
                    "open it with the same URI options (threads, memory_limit) as the store that has it open",
                    e);
        }
        return new DbxException(
                "cannot open DuckDB database " + location.file() + ": " + message,
                "check that the file is a DuckDB database written by this or an older DuckDB version",
                e);
    }

    static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }

    DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        try {
            pool.close();
        } finally {
            try {
                // the last connection of the instance to close checkpoints the WAL into the file and releases it
                anchor.close();
            } catch (SQLException ignored) {
                // nothing is left to do with a connection that cannot close
            }
        }
    }

    /** A DataSource whose connections are duplicates of the anchor: same instance, own transaction state. */
    private record Duplicates(DuckDBConnection anchor) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return anchor.duplicate();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
