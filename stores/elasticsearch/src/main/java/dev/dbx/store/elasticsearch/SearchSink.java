package dev.dbx.store.elasticsearch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dbx.core.DbxException;
import dev.dbx.core.capability.Sink;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.sync.Change;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a batch of changes to the search model: one {@code _bulk} request for the whole batch (more only past
 * {@link BulkWriter#MAX_DOCS} items, sent one after another, so changes of one document keep their order), then a
 * refresh of the indices written, so a search or scan that follows sees them.
 *
 * <ul>
 *   <li>A row with an index of its own: {@code index} by its {@code _id} (create or replace), or {@code delete}.
 *   <li>An order: a scripted upsert that replaces the order's fields and customer facts and keeps its line items; a
 *       delete removes the document only when no line item is left in it (a line item still there is a row until
 *       its own delete comes), else leaves the order key and line items.
 *   <li>A line item: a scripted upsert of its order that removes the item with its line number and adds the new one,
 *       creating the order's document (key and line items only) when the line item comes before its order.
 *   <li>The customer facts orders carry: an order written in the batch gets them as the batch leaves its customer,
 *       nation and region; orders already stored get them by one {@code _update_by_query} over the orders of the
 *       customers and nations the batch changed (a region's change reaches its nations' orders).
 * </ul>
 *
 * Every write is keyed and idempotent: a batch applied twice leaves what applying it once did.
 */
final class SearchSink implements Sink {
    static final String METHOD = "one _bulk per batch (index/delete by _id; orders and their line items by scripted"
            + " upsert, line items replaced by their line number), then _refresh of the indices written; customer,"
            + " nation and region facts in stored orders rewritten by one _update_by_query (refresh=true)";

    /** Replaces the order's own fields (and customer facts) and keeps its line items. */
    static final String ORDER_UPSERT = "def items = ctx._source.remove(params.path); ctx._source.clear();"
            + " ctx._source.putAll(params.doc); ctx._source[params.path] = items == null ? new ArrayList() : items;";

    /** Deletes the order, or empties it down to its key and line items while some are left. */
    static final String ORDER_DELETE = "if (ctx.op == 'create') { ctx.op = 'none'; } else {"
            + " def items = ctx._source[params.path];"
            + " if (items == null || items.isEmpty()) { ctx.op = 'delete'; } else {"
            + " ctx._source.clear(); ctx._source[params.keyField] = params.key; ctx._source[params.path] = items; } }";

    /** Replaces (params.item set) or removes (null) the item whose params.itemKey field is params.itemValue. */
    static final String ITEM = "if (ctx.op == 'create') {"
            + " if (params.item == null) { ctx.op = 'none'; } else {"
            + " ctx._source[params.keyField] = params.key; ctx._source[params.path] = [params.item]; } } else {"
            + " def items = ctx._source[params.path];"
            + " if (items == null) { items = new ArrayList(); ctx._source[params.path] = items; }"
            + " int before = items.size();"
            + " items.removeIf(i -> String.valueOf(i[params.itemKey]) == params.itemValue);"
            + " if (params.item != null) { items.add(params.item); } else if (items.size() == before) {"
            + " ctx.op = 'none'; } }";

    /** Gives an order its customer's facts (params.customers, null: none) or its nation's (params.nations). */
    static final String FACTS = "def k = String.valueOf(ctx._source.o_custkey);"
            + " if (params.customers.containsKey(k)) { def c = params.customers[k];"
            + " if (c == null) { ctx._source.remove('customer'); } else { ctx._source.customer = c; } }"
            + " else { def c = ctx._source.customer;"
            + " def n = c == null || c.c_nationkey == null ? null : params.nations[String.valueOf(c.c_nationkey)];"
            + " if (n == null) { ctx.op = 'noop'; } else { for (def f : ['n_name', 'r_name']) {"
            + " if (n[f] == null) { c.remove(f); } else { c[f] = n[f]; } } } }";

    private final EsClient client;

    SearchSink(EsClient client) {
        this.client = client;
    }

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public void apply(Dataset dataset, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        boolean tpch = dataset.name().equals(TpchSchema.DATASET.name());
        CustomerLookup facts = tpch && needsFacts(changes) ? CustomerLookup.open(client, dataset) : null;
        if (facts != null) {
            facts.overlay(changes);
        }
        requireIndices(dataset, changes);
        Set<String> written = new LinkedHashSet<>();
        String doing = "applying " + changes.size() + " changes to the " + dataset.name() + " indices";
        BulkWriter.Purpose purpose = new BulkWriter.Purpose(
                doing,
                "changes",
                "id",
                "part of the batch may be applied: apply the batch again (its changes are idempotent) once the cause"
                        + " is fixed");
        Map<Long, CustomerLookup.Customer> customers = facts == null ? Map.of() : facts.find(orderCustomers(changes));
        try (BulkWriter writer = new BulkWriter(client, null, 1, purpose)) {
            for (Change change : changes) {
                written.add(write(writer, dataset, change, customers));
            }
        }
        refresh(written);
        if (facts != null) {
            updateStoredFacts(dataset, changes, facts);
        }
    }

    /**
     * Refuses the batch when an index it writes is missing: a bulk item would create it with a guessed mapping. One
     * request for all of them (a HEAD of several indices finds them all or answers 404).
     */
    private void requireIndices(Dataset dataset, List<Change> changes) {
        Set<String> indices = new LinkedHashSet<>();
        changes.forEach(c -> indices.add(IndexLayout.index(dataset, c.entity())));
        String names = String.join(",", indices);
        if (!client.send(EsRequest.head("/" + names), "checking for " + names, 404)
                .ok()) {
            throw new DbxException(
                    "an index the changes go to is missing on "
                            + client.endpoint().redacted() + " (one of " + names + ")",
                    "create the " + dataset.name() + " schema first (dbx load, or a full sync)");
        }
    }

    /** The customers of the orders the batch upserts. */
    private static Set<Long> orderCustomers(List<Change> changes) {
        Set<Long> keys = new LinkedHashSet<>();
        for (Change change : changes) {
            if (change.entity().name().equals(TpchSchema.ORDERS.name())
                    && !change.isDelete()
                    && change.value("o_custkey") instanceof Long key) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static boolean needsFacts(List<Change> changes) {
        for (Change change : changes) {
            String entity = change.entity().name();
            if (entity.equals(TpchSchema.CUSTOMER.name())
                    || entity.equals(TpchSchema.NATION.name())
                    || entity.equals(TpchSchema.REGION.name())
                    || (entity.equals(TpchSchema.ORDERS.name()) && !change.isDelete())) {
                return true;
            }
        }
        return false;
    }

    /** Adds the bulk item of {@code change}; the index it writes. */
    private static String write(
            BulkWriter writer, Dataset dataset, Change change, Map<Long, CustomerLookup.Customer> customers) {
        Entity entity = change.entity();
        Object[] row = change.row();
        String index = IndexLayout.index(dataset, entity);
        Optional<IndexLayout.Embedding> embedding = IndexLayout.embedding(dataset, entity);
        if (embedding.isPresent()) {
            IndexLayout.Embedding e = embedding.get();
            Entity parent = dataset.entity(e.parent());
            Object[] parentRow = new Object[parent.columns().size()];
            parentRow[parent.indexOf(e.parentKey())] = change.value(e.childKey());
            List<String> itemKey = entity.primaryKey().stream()
                    .filter(c -> !c.equals(e.childKey()))
                    .toList();
            String itemColumn = itemKey.get(0); // TPC-H's line items: l_linenumber
            writer.update(index, DocumentCodec.id(parent, parentRow), g -> {
                upsertScript(g, ITEM);
                g.writeStringField("path", e.path());
                g.writeStringField("keyField", e.parentKey());
                writeValue(g, "key", parent.column(e.parentKey()), change.value(e.childKey()));
                g.writeStringField("itemKey", itemColumn);
                g.writeStringField("itemValue", String.valueOf(change.value(itemColumn)));
                g.writeFieldName("item");
                if (change.isDelete()) {
                    g.writeNull();
                } else {
                    DocumentCodec.writeEmbedded(g, entity, row, e);
                }
                endScript(g);
            });
            return index;
        }
        String id = DocumentCodec.id(entity, row);
        if (!isOrders(dataset, entity)) {
            if (change.isDelete()) {
                writer.delete(index, id);
            } else {
                writer.add(index, id, g -> DocumentCodec.writeFields(g, entity, row, null));
            }
            return index;
        }
        String path = IndexLayout.LINEITEMS_IN_ORDERS.path();
        String keyField = IndexLayout.LINEITEMS_IN_ORDERS.parentKey();
        if (change.isDelete()) {
            writer.update(index, id, g -> {
                upsertScript(g, ORDER_DELETE);
                g.writeStringField("path", path);
                g.writeStringField("keyField", keyField);
                writeValue(g, "key", entity.column(keyField), change.value(keyField));
                endScript(g);
            });
            return index;
        }
        CustomerLookup.Customer customer = customers.get(change.value("o_custkey"));
        writer.update(index, id, g -> {
            upsertScript(g, ORDER_UPSERT);
            g.writeStringField("path", path);
            g.writeObjectFieldStart("doc");
            DocumentCodec.writeFields(g, entity, row, null);
            if (customer != null) {
                customer.write(g);
            }
            g.writeEndObject();
            endScript(g);
        });
        return index;
    }

    private static boolean isOrders(Dataset dataset, Entity entity) {
        return dataset.name().equals(TpchSchema.DATASET.name()) && entity.name().equals(TpchSchema.ORDERS.name());
    }

    /** Opens an update body running {@code script} whether or not the document exists, and its params. */
    private static void upsertScript(JsonGenerator g, String script) throws IOException {
        g.writeBooleanField("scripted_upsert", true);
        g.writeObjectFieldStart("upsert");
        g.writeEndObject();
        g.writeObjectFieldStart("script");
        g.writeStringField("lang", "painless");
        g.writeStringField("source", script);
        g.writeObjectFieldStart("params");
    }

    private static void endScript(JsonGenerator g) throws IOException {
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, String field, Column column, Object value) throws IOException {
        g.writeFieldName(field);
        DocumentCodec.writeValue(g, column, dev.dbx.core.dataset.Canonical.value(column, value));
    }

    /** Makes what was written visible to searches and scans. */
    private void refresh(Set<String> indices) {
        EsRequest refresh =
                EsRequest.post("/" + String.join(",", indices) + "/_refresh").slow();
        client.send(refresh, "refreshing " + String.join(", ", indices));
    }

    /**
     * Rewrites the customer facts of the stored orders whose customer, or whose customer's nation or region, the batch
     * changed: one {@code _update_by_query} (the orders written by the batch already carry them; rewriting is
     * harmless).
     */
    private void updateStoredFacts(Dataset dataset, List<Change> changes, CustomerLookup facts) {
        Set<Long> customers = new LinkedHashSet<>();
        Set<Long> nations = new LinkedHashSet<>();
        for (Change change : changes) {
            String entity = change.entity().name();
            Long key = (Long) change.key().get(0);
            if (entity.equals(TpchSchema.CUSTOMER.name())) {
                customers.add(key);
            } else if (entity.equals(TpchSchema.NATION.name())) {
                nations.add(key);
            } else if (entity.equals(TpchSchema.REGION.name())) {
                nations.addAll(facts.nationsOf(key));
            }
        }
        if (customers.isEmpty() && nations.isEmpty()) {
            return;
        }
        Map<Long, CustomerLookup.Customer> found = facts.find(customers);
        String index = IndexLayout.index(dataset, TpchSchema.ORDERS);
        JsonBody body = new JsonBody(4_096);
        try (JsonGenerator g = body.start()) {
            g.writeStartObject();
            g.writeObjectFieldStart("query");
            g.writeObjectFieldStart("bool");
            g.writeArrayFieldStart("should");
            terms(g, "o_custkey", customers);
            terms(g, "customer.c_nationkey", nations);
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeObjectFieldStart("script");
            g.writeStringField("lang", "painless");
            g.writeStringField("source", FACTS);
            g.writeObjectFieldStart("params");
            g.writeObjectFieldStart("customers");
            for (Long customer : customers) {
                g.writeFieldName(String.valueOf(customer));
                CustomerLookup.Customer c = found.get(customer);
                if (c == null) {
                    g.writeNull();
                } else {
                    c.writeValue(g);
                }
            }
            g.writeEndObject();
            g.writeObjectFieldStart("nations");
            for (Long nation : nations) {
                g.writeFieldName(String.valueOf(nation));
                facts.writeNation(g, nation);
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory", e);
        }
        EsRequest request =
                EsRequest.json("POST", "/" + index + "/_update_by_query", body).slow();
        request.parameter("refresh", "true");
        String doing = "updating the customer facts of the orders in " + index;
        JsonNode reply = client.call(request, doing);
        if (!reply.path("failures").isEmpty()) {
            throw new DbxException(
                    doing + ": " + reply.path("failures").size() + " order(s) failed, the first: "
                            + reply.path("failures").get(0),
                    "apply the batch again (its changes are idempotent) once the cause is fixed");
        }
    }

    private static void terms(JsonGenerator g, String field, Set<Long> keys) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("terms");
        g.writeArrayFieldStart(field);
        for (Long key : keys) {
            g.writeNumber(key);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }
}
