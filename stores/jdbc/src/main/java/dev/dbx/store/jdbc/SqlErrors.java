package dev.dbx.store.jdbc;

import dev.dbx.core.DbxException;
import dev.dbx.core.Uris;
import java.net.URI;
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

    public static DbxException unreachable(String storeId, URI uri, Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return new DbxException(
                "cannot reach " + storeId + " at " + Uris.redact(uri) + ": " + Uris.redactText(why),
                "check that the server runs and the URI is right (dbx status shows local engines)",
                e);
    }
}
