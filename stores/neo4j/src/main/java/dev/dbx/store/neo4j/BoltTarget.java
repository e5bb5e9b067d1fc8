package dev.dbx.store.neo4j;

import dev.dbx.core.DbxException;
import dev.dbx.core.Uris;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;

/**
 * What a store URI says: the server the driver connects to (scheme, host, port and a routing context, without the
 * credentials), the user and password (none: no authentication), and the database the path names (none: the server's
 * default database).
 *
 * @param uri the URI as given (it may hold a password: print {@link #where()} instead)
 * @param driverUri what the driver is given: no user-info, no path
 * @param user the user, or null for no authentication
 * @param password the password, or "" when the URI names a user without one
 * @param database the database, or null for the server's default (home) database
 */
record BoltTarget(URI uri, URI driverUri, String user, String password, String database) {
    static final String EXAMPLE = "bolt://neo4j:password@localhost:7687 (or neo4j+s://host:7687/database)";
    static final Set<String> SCHEMES = Set.of("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc");

    static BoltTarget parse(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw new DbxException(
                    "'" + Uris.redact(uri) + "' is not a Neo4j URI",
                    "use one of the schemes bolt, bolt+s, bolt+ssc, neo4j, neo4j+s, neo4j+ssc, e.g. " + EXAMPLE);
        }
        if (uri.isOpaque()) {
            throw new DbxException(
                    "malformed Neo4j URI '" + Uris.redact(uri) + "'", "expected something like " + EXAMPLE);
        }
        String host = Uris.host(uri, EXAMPLE);
        String user = uri.getRawUserInfo() == null || uri.getRawUserInfo().isEmpty() ? null : Uris.user(uri, null);
        String password = user == null ? null : Uris.password(uri, "");
        return new BoltTarget(uri, driverUri(uri, scheme, host), user, password, database(uri));
    }

    /** The credentials as the driver wants them: none when the URI names no user. */
    AuthToken authToken() {
        return user == null ? AuthTokens.none() : AuthTokens.basic(user, password);
    }

    /** The server (and database) for messages: never the user-info. */
    String where() {
        return driverUri + (database == null ? "" : " (database " + database + ")");
    }

    /** Replaces the password anywhere in {@code text}: drivers and servers sometimes quote what they were given. */
    String withoutPassword(String text) {
        String out = Uris.redactText(text);
        return password == null || password.isEmpty() ? out : out.replace(password, "***");
    }

    private static URI driverUri(URI uri, String scheme, String host) {
        try {
            // the query is the routing context of neo4j:// URIs (the driver refuses one on bolt://, with a clear error)
            return new URI(scheme, null, host, uri.getPort(), null, uri.getRawQuery(), null);
        } catch (URISyntaxException e) {
            throw new DbxException(
                    "malformed Neo4j URI '" + Uris.redact(uri) + "' (" + e.getReason() + ")",
                    "expected something like " + EXAMPLE);
        }
    }

    /** The path's single segment, if any; Neo4j checks the name itself (it is a session setting, never query text). */
    private static String database(URI uri) {
        String path = uri.getPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return null;
        }
        String name = path.substring(1);
        if (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty() || name.contains("/")) {
            throw new DbxException(
                    "the path of '" + Uris.redact(uri) + "' must be one database name",
                    "expected something like " + EXAMPLE + ", or no path for the server's default database");
        }
        return name;
    }
}
