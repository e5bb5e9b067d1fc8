package dev.dbx.store.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One REST call as the store thinks of it: method, path, query parameters, an optional JSON or NDJSON body, and
 * whether it may run long. Only {@link EsClient} knows the HTTP client library, so replacing it (OpenSearch's
 * low-level client is deprecated for removal in OpenSearch 4) touches one class.
 */
final class EsRequest {
    final String method;
    final String path;
    /** Query parameters; an empty map until the first one is added (most calls have none). */
    Map<String, String> parameters = Map.of();

    byte[] body;
    int length;
    boolean ndjson;
    boolean slow;
    /** How long the client waits for the answer, when not the store's timeout (a query's own limit). */
    java.time.Duration within;

    private EsRequest(String method, String path) {
        this.method = method;
        this.path = path;
    }

    static EsRequest get(String path) {
        return new EsRequest("GET", path);
    }

    static EsRequest head(String path) {
        return new EsRequest("HEAD", path);
    }

    static EsRequest delete(String path) {
        return new EsRequest("DELETE", path);
    }

    static EsRequest post(String path) {
        return new EsRequest("POST", path);
    }

    /** A request with a JSON body. */
    static EsRequest json(String method, String path, JsonNode body) {
        EsRequest request = new EsRequest(method, path);
        request.body = EsClient.bytes(body);
        request.length = request.body.length;
        return request;
    }

    /** A request whose JSON body is what {@code body} holds now (not copied: send it before writing the next). */
    static EsRequest json(String method, String path, JsonBody body) {
        EsRequest request = new EsRequest(method, path);
        request.body = body.bytes();
        request.length = body.size();
        return request;
    }

    /** A request with the first {@code length} bytes of {@code body} as NDJSON (the bulk API's format). */
    static EsRequest ndjson(String path, byte[] body, int length) {
        EsRequest request = new EsRequest("POST", path);
        request.body = body;
        request.length = length;
        request.ndjson = true;
        return request;
    }

    EsRequest parameter(String name, String value) {
        if (parameters.isEmpty()) {
            parameters = new LinkedHashMap<>(4);
        }
        parameters.put(name, value);
        return this;
    }

    /** Lets the request run up to {@link RestClients#SLOW_REQUEST} (bulk, refresh, index creation and deletion). */
    EsRequest slow() {
        slow = true;
        return this;
    }

    /** Waits up to {@code limit} for the answer (a query with a limit of its own). */
    EsRequest within(java.time.Duration limit) {
        within = limit;
        return this;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
