package dev.dbx.store.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbx.core.DbxException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/** Turns what the REST client throws, and the server's error bodies, into one-line {@link DbxException}s. */
final class EsErrors {
    static final String SERVER = "Elasticsearch/OpenSearch";

    private EsErrors() {}

    /** The server answered {@code doing} with an error status. */
    static DbxException status(Endpoint endpoint, String doing, int status, JsonNode body) {
        String uri = endpoint.redacted();
        String reason = reason(body);
        return switch (status) {
            case 401 ->
                new DbxException(
                        SERVER + " at " + uri + " refused the credentials (HTTP 401) while " + doing,
                        endpoint.authorization() == null
                                ? "the server wants a login: put user:password in the URI, or ?api_key="
                                : "check the user and password (or api_key) in the URI");
            case 403 ->
                new DbxException(
                        SERVER + " at " + uri + " denied " + doing + " (HTTP 403): " + reason,
                        "the user needs privileges on dbx's indices (dbx-*) and the cluster monitor privilege");
            case 429, 503 ->
                new DbxException(
                        SERVER + " at " + uri + " is overloaded (HTTP " + status + ") while " + doing + ": " + reason,
                        "try again later, or with less load");
            default -> {
                if (errorType(body).equals("index_not_found_exception")) {
                    yield new DbxException(
                            doing + " on " + uri + ": " + reason, "create or load the dataset first (dbx load)");
                }
                yield new DbxException(doing + " failed on " + uri + ": HTTP " + status + " " + reason);
            }
        };
    }

    /** The request for {@code doing} got no answer. */
    static DbxException io(Endpoint endpoint, String doing, Duration timeout, IOException e) {
        String uri = endpoint.redacted();
        String detail = message(e);
        if (find(e, UnknownHostException.class) != null) {
            return new DbxException(
                    "unknown host '" + endpoint.host() + "' in " + uri, "check the host name in the URI", e);
        }
        if (find(e, ConnectException.class) != null || find(e, NoRouteToHostException.class) != null) {
            return new DbxException(
                    "cannot connect to " + SERVER + " at " + uri + " (" + detail + ")",
                    "is the server running? 'dbx up --engines opensearch' starts the local one; otherwise check host"
                            + " and port",
                    e);
        }
        if (lostConnection(e)) {
            return new DbxException(
                    "lost the connection to " + SERVER + " at " + uri + " while " + doing + " (" + detail + ")",
                    "is the server still running? dbx status shows a local engine that stopped, with its log",
                    e);
        }
        if (find(e, InterruptedIOException.class) != null) {
            return new DbxException(
                    "no answer from " + SERVER + " at " + uri + " within " + seconds(timeout) + " while " + doing,
                    "is the server overloaded, or the address unreachable? a slow server needs a longer timeout",
                    e);
        }
        if (find(e, SSLException.class) != null) {
            return new DbxException(
                    "TLS with " + uri + " failed while " + doing + " (" + detail + ")",
                    endpoint.tls()
                            ? "is the server plain HTTP? then use http://; or trust its CA with ?ca=/path/ca.crt"
                            : "the server may want TLS: use https://",
                    e);
        }
        return new DbxException(
                doing + " failed on " + uri + ": " + detail,
                "check the scheme (http or https) and that the port is the server's HTTP port",
                e);
    }

    /** "type: reason (caused by type: reason)" from an error body or a bulk item's error. */
    static String reason(JsonNode body) {
        JsonNode error = body == null ? null : body.has("error") ? body.get("error") : body;
        if (error == null || error.isMissingNode() || error.isNull()) {
            return "(no reason given)";
        }
        if (error.isTextual()) {
            return error.asText();
        }
        String text =
                error.path("type").asText("error") + ": " + error.path("reason").asText("");
        JsonNode cause = error.path("caused_by");
        if (cause.isObject()) {
            text += " (caused by " + cause.path("type").asText() + ": "
                    + cause.path("reason").asText() + ")";
        }
        return text;
    }

    static String errorType(JsonNode body) {
        return body == null ? "" : body.path("error").path("type").asText("");
    }

    /**
     * The server went away in the middle of an exchange (killed, restarted, crashed): the connection was closed or
     * reset, or a request got no response at all — not a question of scheme or port, which worked until then.
     */
    private static boolean lostConnection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String type = t.getClass().getSimpleName();
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (type.equals("ConnectionClosedException")
                    || type.equals("NoHttpResponseException")
                    || type.equals("RequestNotExecutedException")
                    || message.contains("Connection reset")
                    || message.contains("Connection closed")
                    || message.contains("Broken pipe")) {
                return true;
            }
        }
        return false;
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }

    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null ? root.getClass().getSimpleName() : m;
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
