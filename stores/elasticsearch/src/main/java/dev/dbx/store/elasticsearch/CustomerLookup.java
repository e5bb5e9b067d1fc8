package dev.dbx.store.elasticsearch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.sync.Change;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The customer facts an order document carries (name, market segment, nation and region), looked up in the store's
 * own customer index one batch of orders at a time with {@code _mget}: orders come sorted by order key, not by
 * customer, so a streaming merge cannot join them, and holding every customer in memory would grow with the scale
 * factor. Nations and regions (25 and 5 rows at every scale) are read once.
 */
final class CustomerLookup {
    /** What an order embeds of its customer. */
    record Customer(String name, String segment, Long nationKey, String nation, String region) {
        void write(JsonGenerator g) throws IOException {
            g.writeFieldName("customer");
            writeValue(g);
        }

        /** The facts as a JSON object (the value of an order's {@code customer}). */
        void writeValue(JsonGenerator g) throws IOException {
            g.writeStartObject();
            writeString(g, "c_name", name);
            writeString(g, "c_mktsegment", segment);
            if (nationKey != null) {
                g.writeNumberField("c_nationkey", nationKey);
            }
            writeString(g, "n_name", nation);
            writeString(g, "r_name", region);
            g.writeEndObject();
        }

        private static void writeString(JsonGenerator g, String field, String value) throws IOException {
            if (value != null) {
                g.writeStringField(field, value);
            }
        }
    }

    private final EsClient client;
    private final String customerIndex;
    private final Map<Long, String> nationNames = new HashMap<>();
    private final Map<Long, Long> nationRegions = new HashMap<>();
    private final Map<Long, String> regionNames = new HashMap<>();
    /** Customers a batch of changes changed, as they are after it (null: deleted); the others are read. */
    private final Map<Long, Object[]> changedCustomers = new HashMap<>();

    private CustomerLookup(EsClient client, String customerIndex) {
        this.client = client;
        this.customerIndex = customerIndex;
    }

    /** Makes the loaded customers, nations and regions searchable, and reads the nations and regions. */
    static CustomerLookup open(EsClient client, Dataset dataset) {
        String customers = IndexLayout.index(dataset, TpchSchema.CUSTOMER);
        String nations = IndexLayout.index(dataset, TpchSchema.NATION);
        String regions = IndexLayout.index(dataset, TpchSchema.REGION);
        EsRequest refresh = EsRequest.post("/" + String.join(",", customers, nations, regions) + "/_refresh")
                .slow();
        refresh.parameter("ignore_unavailable", "true");
        client.send(refresh, "refreshing " + customers);
        CustomerLookup lookup = new CustomerLookup(client, customers);
        for (JsonNode n : all(client, nations)) {
            long key = n.path("n_nationkey").asLong();
            lookup.nationNames.put(key, n.path("n_name").asText(null));
            lookup.nationRegions.put(key, n.path("n_regionkey").asLong());
        }
        for (JsonNode r : all(client, regions)) {
            lookup.regionNames.put(
                    r.path("r_regionkey").asLong(), r.path("r_name").asText(null));
        }
        return lookup;
    }

    /**
     * Makes the facts those after {@code changes} (a sink's batch, not written yet): its nations, regions and customers
     * as the batch leaves them, the last change of a key winning.
     */
    void overlay(List<Change> changes) {
        for (Change change : changes) {
            Entity entity = change.entity();
            Long key = (Long) change.key().get(0);
            if (entity.name().equals(TpchSchema.NATION.name())) {
                nationNames.remove(key);
                nationRegions.remove(key);
                if (!change.isDelete()) {
                    nationNames.put(key, (String) change.value("n_name"));
                    nationRegions.put(key, (Long) change.value("n_regionkey"));
                }
            } else if (entity.name().equals(TpchSchema.REGION.name())) {
                regionNames.remove(key);
                if (!change.isDelete()) {
                    regionNames.put(key, (String) change.value("r_name"));
                }
            } else if (entity.name().equals(TpchSchema.CUSTOMER.name())) {
                changedCustomers.put(key, change.isDelete() ? null : change.row());
            }
        }
    }

    /** The nations of region {@code region}. */
    Set<Long> nationsOf(Long region) {
        Set<Long> nations = new HashSet<>();
        nationRegions.forEach((nation, r) -> {
            if (region.equals(r)) {
                nations.add(nation);
            }
        });
        return nations;
    }

    /** The name of nation {@code nation} and of its region, as an order's customer facts hold them. */
    void writeNation(JsonGenerator g, Long nation) throws IOException {
        g.writeStartObject();
        Customer.writeString(g, "n_name", nationNames.get(nation));
        Long region = nationRegions.get(nation);
        Customer.writeString(g, "r_name", region == null ? null : regionNames.get(region));
        g.writeEndObject();
    }

    /** The customers with keys {@code keys} that exist; an order whose customer is missing embeds nothing. */
    Map<Long, Customer> find(Collection<Long> keys) {
        Map<Long, Customer> found = new HashMap<>();
        List<Long> read = new ArrayList<>();
        for (Long key : keys) {
            if (!changedCustomers.containsKey(key)) {
                read.add(key);
            } else if (changedCustomers.get(key) != null) {
                Object[] row = changedCustomers.get(key);
                Entity c = TpchSchema.CUSTOMER;
                found.put(
                        key, customer((String) row[c.indexOf("c_name")], (String) row[c.indexOf("c_mktsegment")], (Long)
                                row[c.indexOf("c_nationkey")]));
            }
        }
        if (read.isEmpty()) {
            return found;
        }
        ObjectNode body = EsClient.JSON.createObjectNode();
        read.forEach(body.putArray("ids")::add);
        EsRequest request = EsRequest.json("POST", "/" + customerIndex + "/_mget", body);
        request.parameter("_source_includes", "c_custkey,c_name,c_mktsegment,c_nationkey");
        EsClient.Reply reply = client.send(request, "looking up customers in " + customerIndex, 404);
        for (JsonNode doc : reply.body().path("docs")) {
            if (!doc.path("found").asBoolean(false)) {
                continue;
            }
            JsonNode c = doc.path("_source");
            Long nation = c.hasNonNull("c_nationkey") ? c.get("c_nationkey").asLong() : null;
            found.put(
                    c.path("c_custkey").asLong(),
                    customer(
                            c.path("c_name").asText(null),
                            c.path("c_mktsegment").asText(null),
                            nation));
        }
        return found;
    }

    private Customer customer(String name, String segment, Long nation) {
        Long region = nation == null ? null : nationRegions.get(nation);
        return new Customer(
                name,
                segment,
                nation,
                nation == null ? null : nationNames.get(nation),
                region == null ? null : regionNames.get(region));
    }

    /** Every document of a small index (nation, region), or none when it does not exist. */
    private static Iterable<JsonNode> all(EsClient client, String index) {
        ObjectNode body = EsClient.JSON.createObjectNode().put("size", 1_000);
        EsRequest request = EsRequest.json("POST", "/" + index + "/_search", body);
        request.parameter("ignore_unavailable", "true");
        JsonNode hits = client.call(request, "reading " + index).path("hits").path("hits");
        return () -> java.util.stream.StreamSupport.stream(hits.spliterator(), false)
                .map(h -> h.path("_source"))
                .iterator();
    }
}
