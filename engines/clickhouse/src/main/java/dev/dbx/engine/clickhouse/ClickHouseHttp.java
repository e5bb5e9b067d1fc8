package dev.dbx.engine.clickhouse;

import dev.dbx.core.DbxException;
import dev.dbx.core.Uris;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * One SQL statement over ClickHouse's HTTP interface with the JDK's HttpClient. Response compression stays off: no
 * {@code Accept-Encoding} header and no {@code enable_http_compression} setting are sent, because the Debian 18.16
 * build can answer with an empty body when it compresses. The URI's credentials go in the Authorization header; the
 * URL holds the database and nothing else.
 */
final class ClickHouseHttp {
    private ClickHouseHttp() {}

    /**
     * Runs {@code sql} on the server behind {@code uri} ({@code clickhouse://[user:password@]host:port/database}) and
     * returns the response body.
     *
     * @throws DbxException when the server cannot be reached in time or answers with an error
     */
    static String execute(URI uri, String sql, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint(uri))
                .timeout(timeout)
                .header("Content-Type", "text/plain; charset=UTF-8");
        authorization(uri).ifPresent(value -> builder.header("Authorization", value));
        HttpRequest request = builder.POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8))
                .build();
        String where = Uris.redact(uri);
        // HTTP/1.1: the JDK would otherwise ask this plain-HTTP/1.1 server for an h2c upgrade
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
        try {
            HttpResponse<String> response =
                    client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new DbxException("ClickHouse at " + where + " answered HTTP " + response.statusCode() + ": "
                        + firstLine(response.body()));
            }
            return response.body();
        } catch (IOException e) {
            throw new DbxException(
                    "ClickHouse at " + where + " did not answer: " + Uris.redactText(e.toString()), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbxException("interrupted while asking ClickHouse at " + where);
        } finally {
            // not close(): it would wait for exchanges a timeout abandoned
            client.shutdownNow();
        }
    }

    /**
     * HTTP basic authentication with the URI's user and password: the server reads it from the header (18.16 and
     * current servers alike), and a header never ends up in a log line the way a URL's {@code password=} parameter
     * does. None when the URI has no user-info: the server then takes the request for its {@code default} user's.
     */
    static Optional<String> authorization(URI uri) {
        if (uri.getRawUserInfo() == null || uri.getRawUserInfo().isEmpty()) {
            return Optional.empty();
        }
        String pair = Uris.user(uri, "default") + ":" + Uris.password(uri, "");
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code http://host:port/}, with the URI's database (its path) as the default database of the query. */
    static URI endpoint(URI uri) {
        String database = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
        String query = database.isEmpty() ? "" : "?database=" + URLEncoder.encode(database, StandardCharsets.UTF_8);
        return URI.create("http://" + uri.getHost() + ":" + uri.getPort() + "/" + query);
    }

    private static String firstLine(String body) {
        String line = body == null ? "" : body.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
