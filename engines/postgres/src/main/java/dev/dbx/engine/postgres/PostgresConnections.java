package dev.dbx.engine.postgres;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.Driver;

/** Opens a pgjdbc connection to a {@code postgresql://user@host:port/db} URI, bounded by a timeout throughout. */
final class PostgresConnections {
    private PostgresConnections() {}

    static Connection open(URI uri, Duration timeout) throws SQLException {
        String seconds = Long.toString(Math.max(1, (timeout.toMillis() + 999) / 1000));
        Properties props = new Properties();
        String userInfo = uri.getUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            props.setProperty("user", colon < 0 ? userInfo : userInfo.substring(0, colon));
            if (colon >= 0) {
                props.setProperty("password", userInfo.substring(colon + 1));
            }
        }
        props.setProperty("connectTimeout", seconds);
        props.setProperty("loginTimeout", seconds);
        props.setProperty("socketTimeout", seconds);
        props.setProperty("ApplicationName", "dbx");
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        String url = "jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + path;
        // The driver directly, not DriverManager: no dependence on which drivers the classpath registers.
        Connection connection = new Driver().connect(url, props);
        if (connection == null) {
            throw new SQLException("pgjdbc does not accept " + url);
        }
        return connection;
    }
}
