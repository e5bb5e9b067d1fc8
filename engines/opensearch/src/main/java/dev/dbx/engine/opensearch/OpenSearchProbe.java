package dev.dbx.engine.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbx.core.DbxException;
import dev.dbx.core.store.ServerIdentity;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks an OpenSearch node over its REST API who it is ({@code GET /}) and whether its cluster can serve
 * ({@code GET /_cluster/health}: not red, so the indices of a restarted node have been recovered).
 */
final class OpenSearchProbe {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI uri;
    private final Duration timeout;

    OpenSearchProbe(URI uri, Duration timeout) {
        this.uri = uri;
        this.timeout = timeout;
    }

    ServerIdentity identity() {
        try (HttpClient client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()) {
            JsonNode root = get(client, "/");
            String distribution = root.path("version").path("distribution").asText("");
            String version = root.path("version").path("number").asText("");
            if (!"opensearch".equals(distribution) || version.isEmpty()) {
                throw OpenSearchEngine.notOpenSearch(
                        uri, "GET / reported distribution '" + distribution + "', version '" + version + "'");
            }
            JsonNode health = get(client, "/_cluster/health");
            String status = health.path("status").asText("");
            if ("red".equals(status) || status.isEmpty()) {
                throw new DbxException("OpenSearch at " + uri + " has cluster health '" + status + "' ("
                        + health.path("unassigned_shards").asInt() + " unassigned shards)");
            }
            return new ServerIdentity("OpenSearch", version);
        }
    }

    private JsonNode get(HttpClient client, String path) {
        HttpRequest request = HttpRequest.newBuilder(uri.resolve(path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DbxException("OpenSearch at " + uri + " did not answer GET " + path + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbxException("interrupted while asking OpenSearch at " + uri);
        }
        // e.g. 503 while the node has not elected itself cluster manager yet
        if (response.statusCode() != 200) {
            throw new DbxException(
                    "OpenSearch at " + uri + " answered GET " + path + " with HTTP " + response.statusCode());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw OpenSearchEngine.notOpenSearch(uri, "GET " + path + " did not answer JSON");
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
