package dev.dbx.store.sqlite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dbx.core.DbxException;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import dev.dbx.core.store.StoreProvider;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** SQLite through sqlite-jdbc: a database file, in WAL mode, with foreign keys enforced. */
public final class SqliteStoreProvider implements StoreProvider {
    static final String EXAMPLE = "sqlite:/path/to/dbx.sqlite";
    /**
     * Connections when the configuration names no pool size. One writer at a time is SQLite's rule; a few connections
     * let readers run beside it (WAL). A session pins one.
     */
    static final int DEFAULT_POOL_SIZE = 4;

    @Override
    public String id() {
        return "sqlite";
    }

    @Override
    public List<String> schemes() {
        return List.of("sqlite");
    }

    @Override
    public String uriExample() {
        return EXAMPLE;
    }

    @Override
    public Optional<URI> embeddedUri(Path storeDir) {
        return Optional.of(uriOf(storeDir.toAbsolutePath().resolve("dbx.sqlite")));
    }

    static URI uriOf(Path file) {
        try {
            return new URI("sqlite", file.toString(), null);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public Store open(StoreConfig config) {
        Path file = Path.of(config.uri().getSchemeSpecificPart());
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new DbxException(
                    "cannot open SQLite database " + file + ": directory " + dir + " does not exist",
                    "create it, or give another path like " + EXAMPLE);
        }
        if (!Files.isWritable(dir)) {
            throw new DbxException("cannot open SQLite database " + file + ": directory " + dir + " is not writable");
        }
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout((int) config.timeout().toMillis());
        sqlite.setDateClass("TEXT");
        SQLiteDataSource sqliteSource = new SQLiteDataSource(sqlite);
        sqliteSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());

        HikariConfig pool = new HikariConfig();
        pool.setDataSource(sqliteSource);
        pool.setPoolName("dbx-sqlite");
        pool.setMaximumPoolSize(config.poolSize(DEFAULT_POOL_SIZE));
        pool.setMinimumIdle(0);
        pool.setConnectionTimeout(Math.max(250, config.timeout().toMillis()));
        pool.setInitializationFailTimeout(-1);
        return new SqliteStore(config, new HikariDataSource(pool));
    }
}
