package dev.dbx.store.clickhouse;

import dev.dbx.core.DbxException;
import dev.dbx.core.Uris;
import java.net.URI;
import java.util.Locale;

/**
 * Where a ClickHouse server's HTTP interface is and who to be there, parsed from a store URI:
 * {@code clickhouse://[user[:password]@]host[:port][/database]} (plain HTTP, port 8123 by default),
 * {@code clickhouse+http://...} (the same) or {@code clickhouse+https://...} (TLS, port 8443 by default).
 *
 * @param secure whether to speak HTTPS
 * @param database the default database of every statement (the URI's path; "default" when it names none)
 */
record ClickHouseAddress(boolean secure, String host, int port, String user, String password, String database) {
    static final String EXAMPLE = "clickhouse://user:password@host:8123/database";
    static final int HTTP_PORT = 8123;
    static final int HTTPS_PORT = 8443;

    static ClickHouseAddress parse(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean secure = switch (scheme) {
            case "clickhouse", "clickhouse+http" -> false;
            case "clickhouse+https" -> true;
            default ->
                throw new DbxException(
                        "'" + Uris.redact(uri) + "' is not a ClickHouse URI",
                        "expected something like " + EXAMPLE + " (or clickhouse+https:// for TLS)");
        };
        if (uri.isOpaque()) {
            throw new DbxException(
                    "malformed ClickHouse URI '" + Uris.redact(uri) + "' (no '//' before the host)",
                    "expected something like " + EXAMPLE);
        }
        String host = Uris.host(uri, EXAMPLE);
        int port = Uris.port(uri, secure ? HTTPS_PORT : HTTP_PORT);
        String path = uri.getPath() == null ? "" : uri.getPath();
        String database = path.replaceAll("^/+|/+$", "");
        if (database.contains("/")) {
            throw new DbxException(
                    "ClickHouse URI '" + Uris.redact(uri) + "' has more than a database in its path",
                    "expected something like " + EXAMPLE);
        }
        return new ClickHouseAddress(
                secure,
                host,
                port,
                Uris.user(uri, "default"),
                Uris.password(uri, ""),
                database.isEmpty() ? "default" : database);
    }

    /** The HTTP endpoint, as client-v2 takes it. */
    String endpoint() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return (secure ? "https://" : "http://") + h + ":" + port;
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return endpoint() + "/" + database + " as " + user;
    }
}
