package dev.dbx.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.dbx.core.Uris;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import dev.dbx.core.store.StoreProvider;
import dev.dbx.store.jdbc.SqlErrors;
import java.net.URI;
import java.util.List;
import java.util.Properties;

/** PostgreSQL through pgjdbc, pooled by HikariCP. */
public final class PostgresStoreProvider implements StoreProvider {
    static final String EXAMPLE = "postgresql://user:password@host:5432/dbname";
    /** Connections when the configuration names no pool size: a session pins one, so this many sessions at once. */
    static final int DEFAULT_POOL_SIZE = 16;

    @Override
    public String id() {
        return "postgres";
    }

    @Override
    public List<String> aliases() {
        return List.of("postgresql", "pg");
    }

    @Override
    public List<String> schemes() {
        return List.of("postgresql", "postgres");
    }

    @Override
    public String uriExample() {
        return EXAMPLE;
    }

    @Override
    public Store open(StoreConfig config) {
        URI uri = config.uri();
        String host = Uris.host(uri, EXAMPLE);
        int port = Uris.port(uri, 5432);
        String database = Uris.database(uri, "postgres");
        int seconds = (int) Math.max(1, config.timeout().toSeconds());

        Properties props = new Properties();
        props.setProperty("user", Uris.user(uri, "postgres"));
        String password = Uris.password(uri, null);
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", Integer.toString(seconds));
        props.setProperty("loginTimeout", Integer.toString(seconds));
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("ApplicationName", "dbx");
        // Batched INSERTs become multi-row statements: the fastest JDBC path after COPY.
        props.setProperty("reWriteBatchedInserts", "true");
        // Query parameters of the URI (sslmode, options, ...) pass through to the driver.
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    props.setProperty(
                            java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                            java.net.URLDecoder.decode(
                                    pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }

        HikariConfig pool = new HikariConfig();
        pool.setPoolName("dbx-postgres");
        pool.setJdbcUrl("jdbc:postgresql://" + hostForUrl(host) + ":" + port + "/" + database);
        pool.setDataSourceProperties(props);
        pool.setMaximumPoolSize(config.poolSize(DEFAULT_POOL_SIZE));
        pool.setMinimumIdle(0);
        pool.setConnectionTimeout(Math.max(250, config.timeout().toMillis()));
        pool.setValidationTimeout(Math.max(250, Math.min(config.timeout().toMillis(), 5_000)));
        // One connection now, failing at once: a server that refuses is said to in well under a second. A lazy pool
        // would retry until the timeout (Hikari keeps trying for connectionTimeout), unlike every other store.
        pool.setInitializationFailTimeout(1);
        try {
            return new PostgresStore(config, new HikariDataSource(pool));
        } catch (HikariPool.PoolInitializationException e) {
            throw SqlErrors.unreachable("postgres", uri, e);
        }
    }

    static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
