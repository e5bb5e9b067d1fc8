package dev.dbx.store.jdbc;

import dev.dbx.core.DbxException;
import dev.dbx.core.Uris;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.sql.SQLException;

/** SQL failures as messages for people: what failed, where, and what to check. No stack trace, no password. */
public final class SqlErrors {
    private SqlErrors() {}

    public static DbxException of(String storeId, String doing, SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        if (newline > 0) {
            message = message.substring(0, newline);
        }
        return new DbxException(storeId + ": " + doing + " failed: " + Uris.redactText(message), null, e);
    }

    /**
     * No connection could be made: said by what happened, not by the driver's deepest message (pgjdbc, asking for TLS
     * first, would blame "SSL" for a server that simply never answered).
     */
    public static DbxException unreachable(String storeId, URI uri, Exception e) {
        String where = storeId + " at " + where(uri);
        if (find(e, UnknownHostException.class) != null) {
            return new DbxException(
                    "unknown host '" + uri.getHost() + "' for " + storeId, "check the host name in the URI", e);
        }
        if (find(e, ConnectException.class) != null) {
            return new DbxException(
                    where + " refused the connection: nothing listens on that port",
                    "is the server running? dbx status shows local engines (dbx up --engines <name> starts one);"
                            + " otherwise check host and port",
                    e);
        }
        if (find(e, SocketTimeoutException.class) != null || text(e).contains("timed out")) {
            return new DbxException(
                    "no answer from " + where + " within the timeout",
                    "is the host reachable and the port a database's? (a firewall that drops packets looks like"
                            + " this); a slow server needs a longer --timeout",
                    e);
        }
        SQLException sql = find(e, SQLException.class);
        String all = text(e);
        if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("28")
                || all.contains("password authentication failed")
                || all.contains("no password was provided")) {
            return new DbxException(
                    where + " refused the login of user '" + Uris.user(uri, "") + "'",
                    "check the user and password in the URI (a local engine's are the lab's: dbx secret)",
                    e);
        }
        return new DbxException(
                "cannot reach " + where + ": " + Uris.redactText(firstLine(text(e))),
                "check that the server runs and the URI is right (dbx status shows local engines)",
                e);
    }

    /** Host, port and database: what identifies the server, never the credentials. */
    private static String where(URI uri) {
        String text = Uris.redact(uri);
        int at = text.lastIndexOf('@');
        int scheme = text.indexOf("://");
        return at > scheme && scheme >= 0 ? text.substring(0, scheme + 3) + text.substring(at + 1) : text;
    }

    /** The messages of {@code e} and its causes, joined. */
    private static String text(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                out.append(t.getMessage()).append(" | ");
            }
        }
        return out.length() == 0 ? e.getClass().getSimpleName() : out.substring(0, out.length() - 3);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
