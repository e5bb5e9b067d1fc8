package dev.dbx.store.elasticsearch;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dbx.core.DbxException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.Request;
import org.opensearch.client.RequestOptions;
import org.opensearch.client.Response;
import org.opensearch.client.ResponseException;
import org.opensearch.client.RestClient;

/**
 * The REST calls of the store: JSON in, JSON out, every failure a clear {@link DbxException}. Statuses a caller
 * expects (a 404 for a missing document) come back as a {@link Reply} instead of an error.
 */
// OpenSearch deprecated its low-level RestClient in 3.8 in favour of the typed opensearch-java client, which this
// adapter avoids on purpose (one set of plain REST calls for Elasticsearch and OpenSearch); see EsRequest.
@SuppressWarnings("deprecation")
final class EsClient implements AutoCloseable {
    /**
     * Decimals are read back as BigDecimal (never through a double), and written as plain digits: scaled_float keeps
     * {@code _source} as sent, so "1234.50" stays exact all the way through.
     */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    static final ContentType NDJSON = ContentType.create("application/x-ndjson", StandardCharsets.UTF_8);

    /** A server answer: its HTTP status and its JSON body (a missing node when there is none). */
    record Reply(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final RestClient rest;
    private final Endpoint endpoint;
    private final Duration timeout;
    private final RequestOptions slowOptions;

    /** Takes over {@code rest} (closes it). */
    EsClient(RestClient rest, Endpoint endpoint, Duration timeout) {
        this.rest = rest;
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.slowOptions = RequestOptions.DEFAULT.toBuilder()
                .setRequestConfig(RestClients.slow(timeout))
                .build();
    }

    Endpoint endpoint() {
        return endpoint;
    }

    Duration timeout() {
        return timeout;
    }

    /** Sends {@code call}; statuses in {@code accepted} come back as replies, other errors are thrown. */
    Reply send(EsRequest call, String doing, int... accepted) {
        return send(call, doing, "", accepted);
    }

    /**
     * Like {@link #send(EsRequest, String, int...)}, for hot paths: a failure says {@code doing + subject} (e.g. "read
     * of " and the key), put together only when the call failed.
     */
    Reply send(EsRequest call, String doing, String subject, int... accepted) {
        try {
            Response response = rest.performRequest(request(call));
            return new Reply(response.getStatusLine().getStatusCode(), parse(response.getEntity()));
        } catch (ResponseException e) {
            int status = e.getResponse().getStatusLine().getStatusCode();
            JsonNode body = parse(e.getResponse().getEntity());
            for (int a : accepted) {
                if (a == status) {
                    return new Reply(status, body);
                }
            }
            throw EsErrors.status(endpoint, doing + subject, status, body);
        } catch (IOException e) {
            throw EsErrors.io(endpoint, doing + subject, timeout, e);
        } catch (IllegalStateException e) {
            throw new DbxException(
                    doing + subject + " failed: the client of " + endpoint.redacted() + " is closed", null, e);
        }
    }

    /** Sends {@code call} and returns the body of its (2xx) answer. */
    JsonNode call(EsRequest call, String doing) {
        return send(call, doing).body();
    }

    private Request request(EsRequest call) {
        Request request = new Request(call.method, call.path);
        call.parameters.forEach(request::addParameter);
        if (call.body != null) {
            request.setEntity(new ByteArrayEntity(
                    call.body, 0, call.length, call.ndjson ? NDJSON : ContentType.APPLICATION_JSON));
        }
        if (call.slow) {
            request.setOptions(slowOptions);
        }
        if (call.within != null) {
            request.setOptions(RequestOptions.DEFAULT.toBuilder()
                    .setRequestConfig(RequestConfig.custom()
                            .setConnectionRequestTimeout(Timeout.of(call.within))
                            .setConnectTimeout(Timeout.of(timeout))
                            .setResponseTimeout(Timeout.of(call.within))
                            .build()));
        }
        return request;
    }

    /** A path segment (a document id) percent-encoded: ids may hold '/', '?', '#' or spaces. */
    static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private static JsonNode parse(HttpEntity entity) {
        if (entity == null) {
            return MissingNode.getInstance();
        }
        byte[] raw;
        try (InputStream in = entity.getContent()) {
            raw = in.readAllBytes();
        } catch (IOException | UnsupportedOperationException e) {
            return MissingNode.getInstance();
        }
        if (raw.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(raw);
        } catch (IOException e) {
            // not JSON (a proxy's error page, or not an Elasticsearch/OpenSearch server): keep a snippet to show
            String text = new String(raw, 0, Math.min(raw.length, 200), StandardCharsets.UTF_8);
            return TextNode.valueOf(text.strip());
        }
    }

    @Override
    public void close() {
        try {
            rest.close();
        } catch (IOException ignored) {
            // closing a client has nothing left to report
        }
    }
}
