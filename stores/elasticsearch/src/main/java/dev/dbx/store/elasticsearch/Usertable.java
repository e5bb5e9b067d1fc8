package dev.dbx.store.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbx.core.DbxException;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.dataset.YcsbSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * YCSB's usertable as one index: the record key is the document {@code _id} (reads, updates and deletes go straight
 * to it) and also the keyword field {@code ycsb_key}, which ordered scans sort and range on (sorting on {@code _id} is
 * deprecated or refused by recent servers). The ten fields are stored only in {@code _source}: nothing searches them.
 *
 * <p>Read-your-write without paying a refresh per write: reads are realtime GETs (served from the translog even
 * before a refresh), updates and deletes are by id and realtime too. Only a scan is a search, which sees what the
 * last refresh published; so a scan after this store's own writes first refreshes the index (one cheap call, only
 * when something was written since). Writes of other clients reach scans within the refresh interval (1 s).
 * {@code refresh=wait_for} on every write would cost each write up to a second of latency instead.
 */
final class Usertable implements KeyValue {
    private static final String KEY = YcsbSchema.KEY;
    private static final int PAGE = 1_000;

    private final EsClient client;
    private final String index;
    private final AtomicBoolean unrefreshedWrites = new AtomicBoolean();
    private volatile boolean indexSeen;

    Usertable(EsClient client, String index) {
        this.client = client;
        this.index = index;
    }

    @Override
    public void insert(String key, Map<String, String> fields) {
        requireIndex();
        ObjectNode doc = EsClient.JSON.createObjectNode().put(KEY, key);
        fieldNames(fields.keySet()).forEach(f -> doc.put(f, fields.get(f)));
        client.call(EsRequest.json("PUT", document("_doc", key), doc), "insert of " + key);
        unrefreshedWrites.set(true);
    }

    @Override
    public Optional<Map<String, String>> read(String key, Set<String> fields) {
        List<String> names = fields.isEmpty() ? YcsbSchema.FIELDS : fieldNames(fields);
        EsRequest request = EsRequest.get(document("_doc", key));
        request.parameter("_source_includes", String.join(",", names));
        EsClient.Reply reply = client.send(request, "read of " + key, 404);
        if (reply.status() == 404) {
            missingIndexIsAnError(reply, "read of " + key);
            return Optional.empty();
        }
        return Optional.of(fields(reply.body().path("_source"), names));
    }

    @Override
    public boolean update(String key, Map<String, String> fields) {
        requireIndex();
        ObjectNode body = EsClient.JSON.createObjectNode();
        ObjectNode doc = body.putObject("doc");
        fieldNames(fields.keySet()).forEach(f -> doc.put(f, fields.get(f)));
        EsRequest request = EsRequest.json("POST", document("_update", key), body);
        request.parameter("retry_on_conflict", "3");
        EsClient.Reply reply = client.send(request, "update of " + key, 404);
        if (reply.status() == 404) {
            missingIndexIsAnError(reply, "update of " + key);
            return false;
        }
        unrefreshedWrites.set(true);
        return true;
    }

    @Override
    public boolean delete(String key) {
        requireIndex();
        EsClient.Reply reply = client.send(EsRequest.delete(document("_doc", key)), "delete of " + key, 404);
        if (reply.status() == 404) {
            missingIndexIsAnError(reply, "delete of " + key);
            return false;
        }
        unrefreshedWrites.set(true);
        return true;
    }

    /** Up to {@code count} records from {@code startKey} on, in key order, a page of search_after at a time. */
    @Override
    public List<KeyValue.Record> scan(String startKey, int count, Set<String> fields) {
        List<String> names = fields.isEmpty() ? YcsbSchema.FIELDS : fieldNames(fields);
        List<KeyValue.Record> records = new ArrayList<>(Math.max(0, Math.min(count, PAGE)));
        refreshIfWritten();
        String after = null;
        while (records.size() < count) {
            int size = Math.min(PAGE, count - records.size());
            ObjectNode body = EsClient.JSON.createObjectNode().put("size", size);
            body.putObject("query").putObject("range").putObject(KEY).put("gte", startKey);
            body.putArray("sort").addObject().put(KEY, "asc");
            ArrayNode source = body.putArray("_source");
            source.add(KEY);
            names.forEach(source::add);
            if (after != null) {
                body.putArray("search_after").add(after);
            }
            JsonNode hits = client.call(EsRequest.json("POST", "/" + index + "/_search", body), "scan from " + startKey)
                    .path("hits")
                    .path("hits");
            for (JsonNode hit : hits) {
                JsonNode src = hit.path("_source");
                after = src.path(KEY).asText();
                records.add(new KeyValue.Record(after, fields(src, names)));
            }
            if (hits.size() < size) {
                break;
            }
        }
        return records;
    }

    /** Makes this store's own writes visible to searches (scans, counts) before one runs. */
    void refreshIfWritten() {
        if (unrefreshedWrites.getAndSet(false)) {
            EsRequest refresh = EsRequest.post("/" + index + "/_refresh").slow();
            refresh.parameter("ignore_unavailable", "true");
            client.send(refresh, "refreshing " + index);
        }
    }

    /** Forgets that the index was seen (it was just dropped). */
    void forget() {
        indexSeen = false;
    }

    /**
     * Writes to a missing index would make the server create it with a guessed (dynamic) mapping: check once that
     * dbx's own index is there.
     */
    private void requireIndex() {
        if (indexSeen) {
            return;
        }
        EsClient.Reply reply = client.send(EsRequest.head("/" + index), "checking for " + index, 404);
        if (reply.status() == 404) {
            throw new DbxException(
                    "index " + index + " does not exist on " + client.endpoint().redacted(),
                    "create the ycsb dataset first (dbx load ycsb)");
        }
        indexSeen = true;
    }

    private String document(String endpoint, String key) {
        if (key == null || key.isEmpty()) {
            throw new DbxException("a usertable key must not be empty");
        }
        return "/" + index + "/" + endpoint + "/" + EsClient.segment(key);
    }

    /** A 404 for a missing document is an answer; a 404 for a missing index is a mistake worth saying. */
    private void missingIndexIsAnError(EsClient.Reply reply, String doing) {
        if (EsErrors.errorType(reply.body()).equals("index_not_found_exception")) {
            throw EsErrors.status(client.endpoint(), doing, 404, reply.body());
        }
    }

    private static Map<String, String> fields(JsonNode source, List<String> names) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : names) {
            JsonNode value = source.get(name);
            if (value != null && !value.isNull()) {
                out.put(name, value.asText());
            }
        }
        return out;
    }

    /** The requested fields in schema order, each checked against the usertable's fields. */
    private static List<String> fieldNames(Set<String> requested) {
        for (String f : requested) {
            if (!YcsbSchema.FIELDS.contains(f)) {
                throw new DbxException("usertable has no field '" + f + "'", "fields are field0 to field9");
            }
        }
        return YcsbSchema.FIELDS.stream().filter(requested::contains).toList();
    }
}
