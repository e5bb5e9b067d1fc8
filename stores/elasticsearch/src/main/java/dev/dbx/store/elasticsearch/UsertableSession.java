package dev.dbx.store.elasticsearch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dbx.core.DbxException;
import dev.dbx.core.capability.FieldSet;
import dev.dbx.core.capability.KeyValueSession;
import dev.dbx.core.dataset.YcsbSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * One thread's way to the usertable. Prepared once: the request paths (the index's {@code _doc}, {@code _create},
 * {@code _update} and {@code _search} paths, a key appended per call), per {@link FieldSet#mask()} the
 * {@code _source_includes} filter of a read (made the first time a mask is used), and one body buffer written in place
 * for every request. A failure names the operation and key; nothing else is formatted.
 */
final class UsertableSession implements KeyValueSession {
    private static final String[] FIELDS = YcsbSchema.FIELDS.toArray(String[]::new);
    private static final String KEY = YcsbSchema.KEY;
    private static final int[] NOT_FOUND = {404};
    private static final int[] NONE = {};
    /** Records per search page of a scan. */
    private static final int PAGE = 1_000;
    /** Concurrent updates of one document re-run on the server before one fails with a version conflict. */
    private static final String RETRY_ON_CONFLICT = "3";

    private final Usertable table;
    private final EsClient client;
    private final String[] includes = new String[1 << FIELDS.length];
    private final JsonBody body = new JsonBody(1_024);
    private final String[] scanned = new String[FIELDS.length];

    UsertableSession(Usertable table, EsClient client) {
        this.table = table;
        this.client = client;
    }

    /** An insert creates the document ({@code _create}): a key that exists fails with a version conflict (409). */
    @Override
    public void insert(String key, String[] values) {
        table.requireIndex();
        String path = table.createPath + segment(key);
        try (JsonGenerator g = body.start()) {
            g.writeStartObject();
            g.writeStringField(KEY, key);
            for (int i = 0; i < FIELDS.length; i++) {
                g.writeStringField(FIELDS[i], values[i]);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client.send(EsRequest.json("PUT", path, body), "insert of ", key, NONE);
        table.written();
    }

    @Override
    public boolean read(String key, FieldSet fields, String[] values) {
        EsRequest request = EsRequest.get(table.documentPath + segment(key));
        if (fields.isEmpty()) {
            request.parameter("_source", "false");
        } else {
            request.parameter("_source_includes", includes(fields));
        }
        EsClient.Reply reply = client.send(request, "read of ", key, NOT_FOUND);
        if (!table.found(reply, "read of ", key)) {
            return false;
        }
        copy(reply.body().path("_source"), fields, values);
        return true;
    }

    @Override
    public boolean update(String key, FieldSet fields, String[] values) {
        if (fields.isEmpty()) {
            return read(key, fields, values); // nothing to set: whether the record exists
        }
        table.requireIndex();
        String path = table.updatePath + segment(key);
        try (JsonGenerator g = body.start()) {
            g.writeStartObject();
            g.writeObjectFieldStart("doc");
            for (int i = 0; i < fields.size(); i++) {
                int f = fields.field(i);
                g.writeStringField(FIELDS[f], values[f]);
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EsRequest request = EsRequest.json("POST", path, body).parameter("retry_on_conflict", RETRY_ON_CONFLICT);
        boolean found = table.found(client.send(request, "update of ", key, NOT_FOUND), "update of ", key);
        if (found) {
            table.written();
        }
        return found;
    }

    @Override
    public boolean delete(String key) {
        table.requireIndex();
        EsRequest request = EsRequest.delete(table.documentPath + segment(key));
        boolean found = table.found(client.send(request, "delete of ", key, NOT_FOUND), "delete of ", key);
        if (found) {
            table.written();
        }
        return found;
    }

    /** Up to {@code count} records from {@code startKey} on, in key order, a page of search_after at a time. */
    @Override
    public int scan(String startKey, int count, FieldSet fields, RecordSink sink) {
        table.refreshIfWritten();
        Arrays.fill(scanned, null); // fields a scan with another choice left
        int n = 0;
        String after = null;
        while (n < count) {
            int size = Math.min(PAGE, count - n);
            writeSearch(startKey, after, size, fields);
            JsonNode hits = client.send(EsRequest.json("POST", table.searchPath, body), "scan from ", startKey, NONE)
                    .body()
                    .path("hits")
                    .path("hits");
            for (JsonNode hit : hits) {
                JsonNode source = hit.path("_source");
                after = source.path(KEY).asText();
                copy(source, fields, scanned);
                sink.accept(after, scanned);
                n++;
            }
            if (hits.size() < size) {
                break;
            }
        }
        return n;
    }

    @Override
    public void close() {
        // nothing held: the shared client's pooled connections go back after each request
    }

    private void writeSearch(String startKey, String after, int size, FieldSet fields) {
        try (JsonGenerator g = body.start()) {
            g.writeStartObject();
            g.writeNumberField("size", size);
            g.writeObjectFieldStart("query");
            g.writeObjectFieldStart("range");
            g.writeObjectFieldStart(KEY);
            g.writeStringField("gte", startKey);
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("sort");
            g.writeStartObject();
            g.writeStringField(KEY, "asc");
            g.writeEndObject();
            g.writeEndArray();
            g.writeArrayFieldStart("_source");
            g.writeString(KEY);
            for (int i = 0; i < fields.size(); i++) {
                g.writeString(FIELDS[fields.field(i)]);
            }
            g.writeEndArray();
            if (after != null) {
                g.writeArrayFieldStart("search_after");
                g.writeString(after);
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code _source_includes} value of a read of {@code fields}, made once per mask. */
    private String includes(FieldSet fields) {
        String list = includes[fields.mask()];
        if (list == null) {
            list = String.join(",", fields.names());
            includes[fields.mask()] = list;
        }
        return list;
    }

    private static void copy(JsonNode source, FieldSet fields, String[] values) {
        for (int i = 0; i < fields.size(); i++) {
            int f = fields.field(i);
            JsonNode value = source.get(FIELDS[f]);
            values[f] = value == null || value.isNull() ? null : value.asText();
        }
    }

    private static String segment(String key) {
        if (key == null || key.isEmpty()) {
            throw new DbxException("a usertable key must not be empty");
        }
        return EsClient.segment(key);
    }
}
