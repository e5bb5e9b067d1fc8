package dev.dbx.store.elasticsearch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dbx.core.DbxException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Streams documents into one index through {@code _bulk}: NDJSON bodies of at most {@link #MAX_DOCS} documents or
 * {@link #MAX_BYTES} bytes, sent by background threads so the next body is built while the server indexes the last
 * (at most {@code inFlight} on the wire; memory stays a few bodies whatever the entity's size).
 *
 * <p>Every response's {@code errors} flag is checked. Items the server turned away because it was busy (429) are sent
 * again with backoff, as are whole requests answered 429/502/503/504; any other rejected item fails the load with
 * the server's reason: no row is ever lost silently. Documents carry their primary key as {@code _id}, so sending one
 * twice overwrites it instead of duplicating it. Scripted updates of existing documents ({@link #update}) go the same
 * way; one whose document is missing fails like any other refused item.
 */
final class BulkWriter implements AutoCloseable {
    /** Writes one document's fields (the enclosing object is written by the writer). */
    @FunctionalInterface
    interface Document {
        void write(JsonGenerator g) throws IOException;
    }

    /**
     * What the writer's requests do, in the user's words, for its errors.
     *
     * @param doing e.g. "bulk loading dbx-tpch-region"
     * @param items what the bulk items are, plural, e.g. "documents"
     * @param idName what an item's {@code _id} is, e.g. "id" or "o_orderkey"
     * @param rejectedHint the hint when the server refused items
     */
    record Purpose(String doing, String items, String idName, String rejectedHint) {
        static Purpose load(String index) {
            return new Purpose(
                    "bulk loading " + index,
                    "documents",
                    "id",
                    "the load stopped rather than lose rows; check that the documents fit the index mapping");
        }
    }

    static final int MAX_DOCS = 5_000;
    static final int MAX_BYTES = 5 << 20;
    private static final int MAX_ATTEMPTS = 8;
    private static final long FIRST_BACKOFF_MILLIS = 200;
    private static final long MAX_BACKOFF_MILLIS = 5_000;
    private static final String FILTER = "errors,items.*.status,items.*._id,items.*.error";
    /** Concurrent bodies may update the same document (a group split across two batches): re-run, do not fail. */
    private static final int RETRY_ON_CONFLICT = 5;
    /** Ids of refused items a failure names; the rest are counted. */
    private static final int IDS_NAMED = 10;

    private final EsClient client;
    private final String index;
    private final Purpose purpose;
    private final String doing;
    private final int inFlight;
    private final Semaphore permits;
    private final ExecutorService senders;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicLong written = new AtomicLong();
    private boolean failureThrown;
    private Batch batch;

    BulkWriter(EsClient client, String index, int inFlight) {
        this(client, index, inFlight, Purpose.load(index));
    }

    /** @param index the index every item goes to, or null when each item names its own */
    BulkWriter(EsClient client, String index, int inFlight, Purpose purpose) {
        this.client = client;
        this.index = index;
        this.purpose = purpose;
        this.doing = purpose.doing();
        this.inFlight = inFlight;
        this.permits = new Semaphore(inFlight);
        AtomicInteger n = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(inFlight, r -> {
            Thread t = new Thread(r, "dbx-es-bulk-" + (index == null ? "indices" : index) + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.batch = new Batch();
    }

    /** Adds a document with id {@code id}; sends a body when it is full. */
    void add(String id, Document document) {
        append("index", null, id, document);
    }

    /** Indexes (creates or replaces) document {@code id} of {@code index}: for a writer of several indices. */
    void add(String index, String id, Document document) {
        append("index", index, id, document);
    }

    /** Updates document {@code id} of {@code index} with what {@code body} writes: for a writer of several indices. */
    void update(String index, String id, Document body) {
        append("update", index, id, body);
    }

    /** Deletes document {@code id} of {@code index} (a missing one is no error): for a writer of several indices. */
    void delete(String index, String id) {
        append("delete", index, id, null);
    }

    /**
     * Updates the existing document {@code id} with the update body {@code body} writes (e.g. a {@code script}); no
     * upsert, so a missing document fails the load.
     */
    void update(String id, Document body) {
        append("update", null, id, body);
    }

    private void append(String action, String index, String id, Document document) {
        rethrowFailure();
        try {
            batch.add(action, index, id, document);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
        if (batch.docs() >= MAX_DOCS || batch.bytes() >= MAX_BYTES) {
            flush();
        }
    }

    /** Documents the server has acknowledged so far. */
    long written() {
        return written.get();
    }

    private void flush() {
        if (batch.docs() == 0) {
            return;
        }
        Batch full = batch;
        batch = new Batch();
        acquire(1);
        try {
            senders.execute(() -> {
                try {
                    send(full.body(), full.length(), full.offsets());
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    permits.release();
                }
            });
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Sends one body, then again only the items the server was too busy to take, until all are in. */
    private void send(byte[] body, int length, int[] offsets) {
        for (int attempt = 1; ; attempt++) {
            EsRequest request = EsRequest.ndjson(index == null ? "/_bulk" : "/" + index + "/_bulk", body, length)
                    .parameter("filter_path", FILTER)
                    .slow();
            EsClient.Reply reply = client.send(request, doing, 429, 502, 503, 504);
            if (!reply.ok()) {
                if (attempt == MAX_ATTEMPTS) {
                    throw EsErrors.status(client.endpoint(), doing, reply.status(), reply.body());
                }
                backoff(attempt);
                continue;
            }
            if (!reply.body().path("errors").asBoolean(false)) {
                written.addAndGet(offsets.length);
                return;
            }
            List<Integer> busy = rejected(reply.body().path("items"), offsets.length);
            written.addAndGet(offsets.length - busy.size());
            if (busy.isEmpty()) {
                return;
            }
            if (attempt == MAX_ATTEMPTS) {
                throw new DbxException(
                        doing + ": the server stayed too busy to take " + busy.size() + " documents after "
                                + MAX_ATTEMPTS + " attempts",
                        "load with fewer requests in flight, or give the server more resources");
            }
            // keep only the busy items for the next attempt
            ByteArrayOutputStream retry = new ByteArrayOutputStream();
            int[] retryOffsets = new int[busy.size()];
            for (int i = 0; i < busy.size(); i++) {
                int item = busy.get(i);
                int from = offsets[item];
                int to = item + 1 < offsets.length ? offsets[item + 1] : length;
                retryOffsets[i] = retry.size();
                retry.write(body, from, to - from);
            }
            body = retry.toByteArray();
            length = body.length;
            offsets = retryOffsets;
            backoff(attempt);
        }
    }

    /** The positions of items refused with 429; throws on any other refused item. */
    private List<Integer> rejected(JsonNode items, int expected) {
        if (!items.isArray() || items.size() != expected) {
            throw new DbxException(doing + ": the bulk response lists " + items.size() + " items for " + expected
                    + " documents sent; cannot tell which were stored");
        }
        List<Integer> busy = new ArrayList<>();
        List<String> failedIds = new ArrayList<>();
        int failed = 0;
        JsonNode first = null;
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i).elements().next(); // {"index": {...}} or {"update": {...}}
            if (!item.has("error")) {
                continue;
            }
            if (item.path("status").asInt() == 429) {
                busy.add(i);
            } else {
                failed++;
                first = first == null ? item : first;
                if (failedIds.size() < IDS_NAMED) {
                    failedIds.add("'" + item.path("_id").asText() + "'");
                }
            }
        }
        if (failed > 0) {
            String ids = purpose.idName() + " " + String.join(", ", failedIds)
                    + (failed > failedIds.size() ? " and " + (failed - failedIds.size()) + " more" : "");
            throw new DbxException(
                    doing + ": the server rejected " + failed + " of " + expected + " " + purpose.items() + " (" + ids
                            + "); the first: " + EsErrors.reason(first),
                    purpose.rejectedHint());
        }
        return busy;
    }

    private static void backoff(int attempt) {
        long millis = Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << (attempt - 1));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbxException("interrupted while waiting to retry a bulk request");
        }
    }

    private void acquire(int n) {
        try {
            permits.acquire(n);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbxException("interrupted while " + doing);
        }
    }

    private void rethrowFailure() {
        RuntimeException e = failure.get();
        if (e != null && !failureThrown) {
            failureThrown = true;
            throw e;
        }
        if (e != null) {
            throw new DbxException(doing + " failed (see the first error)");
        }
    }

    /** Sends what is left and waits for every request; throws the first failure. */
    @Override
    public void close() {
        try {
            if (failure.get() == null) {
                flush();
            }
            acquire(inFlight); // every sender is done
            permits.release(inFlight);
        } finally {
            senders.shutdownNow();
        }
        RuntimeException e = failure.get();
        if (e != null && !failureThrown) {
            failureThrown = true;
            throw e;
        }
    }

    /** One NDJSON body being built: an action line and a source line per document. */
    private static final class Batch {
        private final Buffer buffer = new Buffer();
        private final JsonGenerator g;
        private int[] offsets = new int[256];
        private int docs;

        Batch() {
            try {
                g = EsClient.JSON.getFactory().createGenerator(buffer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            g.setRootValueSeparator(null);
        }

        /** Adds an action line and, unless {@code document} is null (a delete), its source line. */
        void add(String action, String index, String id, Document document) throws IOException {
            if (docs == offsets.length) {
                offsets = Arrays.copyOf(offsets, docs * 2);
            }
            offsets[docs++] = buffer.size();
            g.writeStartObject();
            g.writeObjectFieldStart(action);
            if (index != null) {
                g.writeStringField("_index", index);
            }
            g.writeStringField("_id", id);
            if (action.equals("update")) {
                g.writeNumberField("retry_on_conflict", RETRY_ON_CONFLICT);
            }
            g.writeEndObject();
            g.writeEndObject();
            g.flush();
            buffer.write('\n');
            if (document == null) {
                return;
            }
            g.writeStartObject();
            document.write(g);
            g.writeEndObject();
            g.flush();
            buffer.write('\n');
        }

        int docs() {
            return docs;
        }

        int bytes() {
            return buffer.size();
        }

        byte[] body() {
            return buffer.array();
        }

        int length() {
            return buffer.size();
        }

        int[] offsets() {
            return Arrays.copyOf(offsets, docs);
        }
    }

    /** A byte buffer whose array is handed to the request without a copy. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(1 << 20);
        }

        byte[] array() {
            return buf;
        }
    }
}
