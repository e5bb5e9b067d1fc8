package dev.dbx.store.elasticsearch;

import dev.dbx.core.DbxException;
import dev.dbx.core.Uris;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the Elasticsearch/OpenSearch server is and how to talk to it, parsed from the store URI with clear errors.
 *
 * <p>{@code elasticsearch://} and {@code opensearch://} mean plain HTTP, {@code elasticsearch+https://} and
 * {@code opensearch+https://} (or {@code https://}) mean TLS. A path is a prefix for a server behind a proxy.
 * Query parameters: {@code api_key} (Elasticsearch API key, the base64 "encoded" form or {@code id:key}),
 * {@code shards}/{@code replicas} for the indices dbx creates, {@code ca} (a PEM CA certificate file to trust).
 *
 * @param scheme "http" or "https"
 * @param pathPrefix "" or a prefix like "/es"
 * @param authorization the value of the Authorization header, or null
 */
record Endpoint(
        URI uri,
        String scheme,
        String host,
        int port,
        String pathPrefix,
        String authorization,
        Path caCertificate,
        int shards,
        int replicas) {
    static final int DEFAULT_PORT = 9200;
    static final String EXAMPLE = "http://user:password@localhost:9200 (or elasticsearch://, opensearch+https://)";
    private static final List<String> PARAMETERS = List.of("api_key", "shards", "replicas", "ca");

    static Endpoint parse(URI uri) {
        String scheme = scheme(uri);
        String host = Uris.host(uri, EXAMPLE);
        int port = Uris.port(uri, DEFAULT_PORT);
        Map<String, String> params = parameters(uri);
        String authorization = authorization(uri, params.get("api_key"));
        Path ca = caCertificate(uri, params.get("ca"));
        if (ca != null && !scheme.equals("https")) {
            throw new DbxException(
                    "'" + Uris.redact(uri) + "' names a CA certificate but does not use TLS",
                    "use https:// (or elasticsearch+https://) with ?ca=");
        }
        int shards = number(uri, params, "shards", 1, 1, 1024);
        int replicas = number(uri, params, "replicas", 0, 0, 16);
        return new Endpoint(uri, scheme, host, port, prefix(uri), authorization, ca, shards, replicas);
    }

    /** The URI as it may be printed: no password, no API key. */
    String redacted() {
        return Uris.redact(uri);
    }

    boolean tls() {
        return scheme.equals("https");
    }

    @Override
    public String toString() {
        return redacted(); // never the Authorization header
    }

    private static String scheme(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "http", "elasticsearch", "opensearch", "es" -> "http";
            case "https", "elasticsearch+https", "opensearch+https", "es+https" -> "https";
            default ->
                throw new DbxException(
                        "'" + Uris.redact(uri) + "' is not an Elasticsearch/OpenSearch URI",
                        "expected something like " + EXAMPLE);
        };
    }

    private static String prefix(URI uri) {
        String path = uri.getRawPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return "";
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static Map<String, String> parameters(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = uri.getRawQuery();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!PARAMETERS.contains(name)) {
                throw new DbxException(
                        "unknown parameter '" + name + "' in '" + Uris.redact(uri) + "'",
                        "known parameters: " + String.join(", ", PARAMETERS));
            }
            params.put(name, value);
        }
        return params;
    }

    private static String authorization(URI uri, String apiKey) {
        String user = Uris.user(uri, null);
        if (user != null && apiKey != null) {
            throw new DbxException("'" + Uris.redact(uri) + "' has both a user and an api_key", "give one of the two");
        }
        if (apiKey != null) {
            if (apiKey.isBlank()) {
                throw new DbxException("'" + Uris.redact(uri) + "' has an empty api_key");
            }
            // An "id:key" pair is what the create-API-key call returns as two fields; the header wants it encoded.
            String encoded = apiKey.contains(":")
                    ? Base64.getEncoder().encodeToString(apiKey.getBytes(StandardCharsets.UTF_8))
                    : apiKey;
            return "ApiKey " + encoded;
        }
        if (user == null || user.isEmpty()) {
            return null;
        }
        String password = Uris.password(uri, null);
        if (password == null) {
            throw new DbxException(
                    "'" + Uris.redact(uri) + "' names user '" + user + "' but no password",
                    "write it as http://" + user + ":<password>@host:port");
        }
        String pair = user + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static Path caCertificate(URI uri, String ca) {
        if (ca == null) {
            return null;
        }
        Path path = Path.of(ca);
        if (!Files.isReadable(path)) {
            throw new DbxException(
                    "CA certificate '" + ca + "' named in '" + Uris.redact(uri) + "' cannot be read",
                    "give the path of a PEM file, e.g. the http_ca.crt of an Elasticsearch 8 install");
        }
        return path;
    }

    private static int number(URI uri, Map<String, String> params, String name, int fallback, int min, int max) {
        String text = params.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DbxException("parameter " + name + "='" + text + "' in '" + Uris.redact(uri)
                + "' is not a number from " + min + " to " + max);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    Optional<Path> ca() {
        return Optional.ofNullable(caCertificate);
    }
}
