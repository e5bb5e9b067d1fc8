package dev.dbx.store.clickhouse;

import com.clickhouse.client.api.ClickHouseException;
import com.clickhouse.client.api.ConnectionInitiationException;
import com.clickhouse.client.api.ServerException;
import dev.dbx.core.DbxException;
import dev.dbx.core.Uris;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * client-v2 failures as one-line messages for people: what failed, on which server, and what to check. Passwords never
 * appear (the address prints without one, and every text passes {@link Uris#redactText}).
 */
final class ClickHouseErrors {
    // Server error codes (ErrorCodes.cpp), stable across versions.
    private static final int UNKNOWN_TABLE = 60;
    private static final int UNKNOWN_DATABASE = 81;
    static final int TIMEOUT_EXCEEDED = 159;
    private static final int UNKNOWN_USER = 192;
    private static final int WRONG_PASSWORD = 193;
    private static final int REQUIRED_PASSWORD = 194;
    private static final int IP_ADDRESS_NOT_ALLOWED = 195;
    private static final int TOO_MANY_PARTS = 252;
    private static final int AUTHENTICATION_FAILED = 516;

    // 18.x: "Code: 60, e.displayText() = DB::Exception: Table x doesn't exist., e.what() = DB::Exception";
    // current servers: "Code: 60. DB::Exception: Table x does not exist. (UNKNOWN_TABLE) (version 24.8.1.1)".
    private static final Pattern NOISE = Pattern.compile(
            "e\\.displayText\\(\\) = |DB::Exception: |, e\\.what\\(\\) = DB::Exception| \\(transport error: \\d+\\)"
                    + "| \\(version [^)]*\\)");

    private static final Pattern CODE = Pattern.compile("^Code: (\\d+)");

    private final ClickHouseAddress address;
    private final Duration timeout;

    ClickHouseErrors(ClickHouseAddress address, Duration timeout) {
        this.address = address;
        this.timeout = timeout;
    }

    DbxException of(String doing, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DbxException d) {
                return d; // ours, raised inside the client's callback (e.g. while writing rows)
            }
        }
        if (e instanceof ServerException s) {
            return server(doing, s);
        }
        Throwable root = root(e);
        if (root instanceof ConnectException || root instanceof UnknownHostException) {
            return unreachable(root);
        }
        if (e instanceof ConnectionInitiationException) {
            return unreachable(root);
        }
        if (root instanceof InterruptedIOException) {
            // socket and connect timeouts
            return new DbxException(
                    "ClickHouse at " + address + " did not answer " + doing + " within " + seconds(timeout),
                    "the server is overloaded or hangs; a longer --timeout may help",
                    e);
        }
        return new DbxException("clickhouse: " + doing + " failed: " + text(root), null, e);
    }

    private DbxException server(String doing, ServerException e) {
        String message = text(e);
        return switch (code(e)) {
            case UNKNOWN_USER, WRONG_PASSWORD, REQUIRED_PASSWORD, AUTHENTICATION_FAILED, IP_ADDRESS_NOT_ALLOWED ->
                new DbxException(
                        "ClickHouse at " + address + " refused the credentials: " + message,
                        "check the user and password in the URI's user-info (user:password@ before the host)",
                        e);
            case UNKNOWN_DATABASE ->
                new DbxException(
                        "ClickHouse at " + address + " has no database '" + address.database() + "'",
                        "create it (CREATE DATABASE " + address.database() + ") or name another in the URI's path",
                        e);
            case UNKNOWN_TABLE ->
                new DbxException(
                        "clickhouse: " + doing + " failed: " + message, "load the dataset first (dbx load)", e);
            case TOO_MANY_PARTS ->
                new DbxException(
                        "ClickHouse at " + address + " refused " + doing + ": " + message,
                        "every INSERT makes a part and merges did not keep up: write in fewer, larger batches"
                                + " (single-row YCSB writes at a high rate do this), or wait for the merges",
                        e);
            case TIMEOUT_EXCEEDED ->
                new DbxException(
                        "ClickHouse at " + address + " gave up " + doing + " after " + seconds(timeout),
                        "a longer --timeout may help",
                        e);
            default -> {
                if (message.contains(RowVersions.VERSION) || message.contains(RowVersions.DELETED)) {
                    // "Missing columns: '_deleted'" (18.x), "No such column _version in table" and the like
                    yield new DbxException(
                            "clickhouse: " + doing + " failed: " + message,
                            "the tables lack the sync columns " + RowVersions.VERSION + " and " + RowVersions.DELETED
                                    + " (an older dbx created them): load the dataset again with --replace",
                            e);
                }
                if (message.contains("is for clickhouse-client")) {
                    yield new DbxException(
                            "the port of " + address.endpoint() + " is ClickHouse's native port, not its HTTP port",
                            "use the HTTP port in the URI (8123 by default)",
                            e);
                }
                if (message.startsWith("unknown server error")) {
                    // an HTTP error without ClickHouse's error headers: something else listens there
                    yield new DbxException(
                            "the server at " + address.endpoint() + " does not answer like ClickHouse: " + message,
                            "the URI's port must be ClickHouse's HTTP port (8123, 8443 for https)",
                            e);
                }
                yield new DbxException("clickhouse: " + doing + " failed: " + message, null, e);
            }
        };
    }

    /**
     * The server's error code. Current servers send it in a header, which client-v2 reads; 18.x sends it only in the
     * body ("Code: 60, e.displayText() = ..."), so it is read from there.
     */
    static int code(ServerException e) {
        if (e.getCode() > 0 && e.getCode() != ServerException.CODE_UNKNOWN) {
            return e.getCode();
        }
        Matcher m = CODE.matcher(e.getMessage() == null ? "" : e.getMessage());
        return m.find() ? Integer.parseInt(m.group(1)) : e.getCode();
    }

    private DbxException unreachable(Throwable root) {
        return new DbxException(
                "cannot reach ClickHouse at " + address + ": " + text(root),
                "check that the server runs and that the URI names its HTTP port (dbx status shows local engines)",
                root);
    }

    /** Whether a failed idempotent read may be sent again: the connection died under it, not the server's verdict. */
    static boolean isTransient(Throwable e) {
        if (e instanceof ServerException) {
            return false;
        }
        Throwable root = root(e);
        if (root.getClass().getSimpleName().equals("NoHttpResponseException")) {
            return true; // a kept-alive connection the server had closed
        }
        if (root instanceof SocketException s && !(root instanceof ConnectException)) {
            return s.getMessage() != null && s.getMessage().contains("reset");
        }
        return e instanceof ClickHouseException c && c.isRetryable() && !(root instanceof InterruptedIOException);
    }

    private static Throwable root(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String text(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        message = message.strip().lines().findFirst().orElse("");
        message = NOISE.matcher(message).replaceAll("").replaceFirst("^Code: \\d+[,.] ", "");
        if (message.length() > 300) {
            message = message.substring(0, 300) + "...";
        }
        return Uris.redactText(message);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
