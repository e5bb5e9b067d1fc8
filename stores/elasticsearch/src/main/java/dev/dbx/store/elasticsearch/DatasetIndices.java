package dev.dbx.store.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowSink;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.dataset.TpchSchema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A dataset as Elasticsearch/OpenSearch indices: create them from their mapping resources, bulk-load them with
 * refreshes off, publish them with one refresh, count and scan them back as canonical rows, drop them by exact name.
 * An embedded entity loaded without its parent (an import of line items alone) is appended to the parents' existing
 * documents ({@link EmbeddedAppends}).
 */
final class DatasetIndices {
    private static final int PAGE = 5_000;
    private static final int EMBEDDING_PAGE = 1_000;
    /** Two bodies on the wire while the next is built: the server indexes one while it receives the other. */
    private static final int BULKS_IN_FLIGHT = 2;

    private final EsClient client;
    private final Scroller scroller;

    DatasetIndices(EsClient client) {
        this.client = client;
        this.scroller = new Scroller(client);
    }

    boolean isLoaded(Dataset dataset) {
        EsRequest count = EsRequest.get("/" + String.join(",", IndexLayout.indices(dataset)) + "/_count");
        count.parameter("ignore_unavailable", "true");
        return client.call(count, "checking for the " + dataset.name() + " dataset")
                        .path("count")
                        .asLong()
                > 0;
    }

    void create(Dataset dataset, Endpoint endpoint) {
        for (Entity entity : IndexLayout.indexed(dataset)) {
            String index = IndexLayout.index(dataset, entity);
            if (exists(index)) {
                continue;
            }
            ObjectNode body = IndexDefinitions.body(dataset, entity, endpoint);
            EsClient.Reply reply =
                    client.send(EsRequest.json("PUT", "/" + index, body).slow(), "creating " + index, 400);
            // another client may have created it in between: that is what create() wants
            if (reply.status() == 400
                    && !EsErrors.errorType(reply.body()).equals("resource_already_exists_exception")) {
                throw EsErrors.status(endpoint, "creating " + index, 400, reply.body());
            }
        }
    }

    void drop(Dataset dataset) {
        for (String index : IndexLayout.indices(dataset)) {
            client.send(EsRequest.delete("/" + index).slow(), "deleting " + index, 404);
        }
    }

    void load(DatasetSource source) {
        Dataset dataset = source.dataset();
        Set<String> given = new LinkedHashSet<>();
        source.entities().forEach(e -> given.add(e.name()));
        List<String> indices = new ArrayList<>();
        for (Entity entity : source.entities()) {
            String index = IndexLayout.index(dataset, entity);
            if (!indices.contains(index)) {
                if (!exists(index)) {
                    throw new DbxException(
                            "index " + index + " does not exist on "
                                    + client.endpoint().redacted(),
                            "create the " + dataset.name() + " schema before loading (a bulk into a missing"
                                    + " index would create it with a guessed mapping)");
                }
                indices.add(index);
            }
        }
        if (indices.isEmpty()) {
            return;
        }
        settings(indices, "-1"); // a refresh per second would only make small segments to merge away
        RuntimeException failure = null;
        try {
            for (Entity entity : source.entities()) {
                Optional<IndexLayout.Embedding> embedding = IndexLayout.embedding(dataset, entity);
                if (embedding.isPresent()) {
                    if (!given.contains(embedding.get().parent())) {
                        appendEmbedded(source, dataset, entity, embedding.get());
                    }
                    continue; // otherwise loaded inside its parent's documents
                }
                if (dataset.name().equals("tpch") && entity.name().equals(TpchSchema.ORDERS.name())) {
                    loadOrders(source, dataset, given.contains(TpchSchema.LINEITEM.name()));
                } else {
                    loadRows(source, dataset, entity);
                }
            }
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            try {
                publish(indices);
            } catch (RuntimeException e) {
                if (failure == null) {
                    throw e;
                }
                failure.addSuppressed(e);
            }
        }
    }

    /** Restores the refresh interval and refreshes: what a load leaves for searches to see. Harmless to repeat. */
    void index(Dataset dataset) {
        publish(IndexLayout.indices(dataset));
    }

    long count(Dataset dataset, Entity entity) {
        String index = IndexLayout.index(dataset, entity);
        Optional<IndexLayout.Embedding> embedding = IndexLayout.embedding(dataset, entity);
        if (embedding.isEmpty()) {
            return client.call(EsRequest.get("/" + index + "/_count"), "counting " + index)
                    .path("count")
                    .asLong();
        }
        // embedded items are nested documents: a nested aggregation counts them
        ObjectNode body = EsClient.JSON.createObjectNode().put("size", 0);
        body.putObject("aggs")
                .putObject("items")
                .putObject("nested")
                .put("path", embedding.get().path());
        JsonNode reply = client.call(
                EsRequest.json("POST", "/" + index + "/_search", body).slow(),
                "counting " + entity.name() + " in " + index);
        return reply.path("aggregations").path("items").path("doc_count").asLong();
    }

    void scan(Dataset dataset, Entity entity, RowSink sink) {
        String index = IndexLayout.index(dataset, entity);
        Optional<IndexLayout.Embedding> embedding = IndexLayout.embedding(dataset, entity);
        if (embedding.isEmpty()) {
            boolean parent = IndexLayout.embeds(dataset, entity);
            scroller.scan(index, entity.columnNames(), PAGE, source -> {
                Object[] row = DocumentCodec.readRow(entity, source);
                // an order document holding only its key and line items is no order (they came first: SearchSink)
                if (!parent || !onlyKey(entity, row)) {
                    sink.accept(row);
                }
            });
            return;
        }
        IndexLayout.Embedding e = embedding.get();
        int childKey = entity.indexOf(e.childKey());
        Column childKeyColumn = entity.columns().get(childKey);
        scroller.scan(index, List.of(e.parentKey(), e.path()), EMBEDDING_PAGE, source -> {
            Object parentKey = DocumentCodec.readValue(childKeyColumn, source.get(e.parentKey()));
            for (JsonNode item : source.path(e.path())) {
                Object[] row = DocumentCodec.readRow(entity, item);
                row[childKey] = parentKey;
                sink.accept(row);
            }
        });
    }

    private static boolean onlyKey(Entity entity, Object[] row) {
        for (int i = 0; i < row.length; i++) {
            if (row[i] != null
                    && !entity.primaryKey().contains(entity.columns().get(i).name())) {
                return false;
            }
        }
        return true;
    }

    private void loadRows(DatasetSource source, Dataset dataset, Entity entity) {
        String index = IndexLayout.index(dataset, entity);
        try (RowStream rows = source.rows(entity);
                BulkWriter writer = new BulkWriter(client, index, BULKS_IN_FLIGHT)) {
            while (rows.hasNext()) {
                Object[] row = rows.next();
                writer.add(DocumentCodec.id(entity, row), g -> DocumentCodec.writeFields(g, entity, row, null));
            }
        }
    }

    private void loadOrders(DatasetSource source, Dataset dataset, boolean withLineitems) {
        String index = IndexLayout.index(dataset, TpchSchema.ORDERS);
        CustomerLookup customers = CustomerLookup.open(client, dataset);
        try (RowStream orders = source.rows(TpchSchema.ORDERS);
                RowStream lines = withLineitems ? source.rows(TpchSchema.LINEITEM) : null;
                BulkWriter writer = new BulkWriter(client, index, BULKS_IN_FLIGHT)) {
            new OrderDocuments(orders, lines, customers, writer).load();
        }
    }

    /** Rows of an embedded entity without their parents in the load: appended to the parents' existing documents. */
    private void appendEmbedded(DatasetSource source, Dataset dataset, Entity entity, IndexLayout.Embedding embedding) {
        String index = IndexLayout.index(dataset, entity);
        String parents = embedding.parent();
        BulkWriter.Purpose purpose = new BulkWriter.Purpose(
                "appending " + entity.name() + " rows to their " + parents + " in " + index,
                "updates of " + parents,
                embedding.parentKey(),
                "a " + entity.name() + " row is appended to its " + parents + " document, which must exist (none is"
                        + " created): load those " + parents + " first; rows of other " + parents
                        + " may already be appended");
        try (RowStream rows = source.rows(entity);
                BulkWriter writer = new BulkWriter(client, index, BULKS_IN_FLIGHT, purpose)) {
            new EmbeddedAppends(dataset, entity, embedding, writer).append(rows);
        }
    }

    private boolean exists(String index) {
        return client.send(EsRequest.head("/" + index), "checking for " + index, 404)
                .ok();
    }

    private void publish(List<String> indices) {
        settings(indices, null);
        EsRequest refresh =
                EsRequest.post("/" + String.join(",", indices) + "/_refresh").slow();
        refresh.parameter("ignore_unavailable", "true");
        client.send(refresh, "refreshing " + String.join(", ", indices));
    }

    /** Sets the refresh interval of the existing ones of {@code indices}; null restores the server's default. */
    private void settings(List<String> indices, String refreshInterval) {
        ObjectNode body = EsClient.JSON.createObjectNode();
        ObjectNode index = body.putObject("index");
        if (refreshInterval == null) {
            index.putNull("refresh_interval");
        } else {
            index.put("refresh_interval", refreshInterval);
        }
        EsRequest request = EsRequest.json("PUT", "/" + String.join(",", indices) + "/_settings", body)
                .slow();
        request.parameter("ignore_unavailable", "true");
        request.parameter("allow_no_indices", "true");
        client.send(request, "setting the refresh interval of " + String.join(", ", indices));
    }
}
