package dev.dbx.store.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbx.core.DbxException;
import dev.dbx.core.store.ServerIdentity;
import java.util.Locale;

/**
 * Who answered {@code GET /}: OpenSearch says so in {@code version.distribution} (1.x to 3.x, also in its 7.10.2
 * compatibility mode); Elasticsearch has no such field and answers with its tagline "You Know, for Search". The
 * version is {@code version.number} exactly as the server reports it.
 */
final class Distribution {
    static final String OPENSEARCH = "OpenSearch";
    static final String ELASTICSEARCH = "Elasticsearch";

    private Distribution() {}

    static ServerIdentity identify(Endpoint endpoint, JsonNode root) {
        JsonNode version = root.path("version");
        String number = version.path("number").asText("");
        String distribution = version.path("distribution").asText("").toLowerCase(Locale.ROOT);
        String tagline = root.path("tagline").asText("");
        if (!number.isEmpty()) {
            if (distribution.equals("opensearch") || tagline.contains("OpenSearch")) {
                return new ServerIdentity(OPENSEARCH, number);
            }
            if (distribution.isEmpty() && tagline.equals("You Know, for Search")) {
                return new ServerIdentity(ELASTICSEARCH, number);
            }
        }
        String seen = root.isTextual() ? root.asText() : "version '" + number + "', tagline '" + tagline + "'";
        throw new DbxException(
                "the server at " + endpoint.redacted() + " is not Elasticsearch or OpenSearch (GET / answered " + seen
                        + ")",
                "check the port: it must be the server's HTTP port (9200 by default)");
    }
}
