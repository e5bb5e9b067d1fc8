package dev.dbx.core.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Datasets;
import dev.dbx.core.dataset.Entity;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The wire form of a {@link ChangeEvent} in Kafka, one JSON object per record value:
 *
 * <pre>{"dataset": "tpch", "entity": "lineitem", "op": "u" | "d", "committedAt": 1764720000123, "position": "0/16B3748",
 *  "row": {"l_orderkey": 1, "l_extendedprice": "21168.23", "l_shipdate": "1996-03-13", "l_comment": "...", ...}}</pre>
 *
 * INTEGER values are JSON numbers, DECIMAL values strings (exact, at the column's scale), DATE values ISO strings,
 * VARCHAR values strings; a delete's row holds the key columns (and the before-image when the source gives it). Topic
 * names: {@link #topic} for the changes, {@link #deadLetterTopic} for what a target rejected.
 */
public final class ChangeEvents {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ChangeEvents() {}

    /** The topic a dataset's changes go to, e.g. "dbx.tpch.changes". */
    public static String topic(String dataset) {
        return "dbx." + dataset + ".changes";
    }

    /** The dead-letter topic of a target, e.g. "dbx.tpch.changes.dlq.mongo". */
    public static String deadLetterTopic(String dataset, String target) {
        return topic(dataset) + ".dlq." + target;
    }

    public static byte[] encode(ChangeEvent event) {
        Change change = event.change();
        ObjectNode root = JSON.createObjectNode();
        root.put("dataset", event.dataset());
        root.put("entity", change.entity().name());
        root.put("op", change.isDelete() ? "d" : "u");
        root.put("committedAt", event.committedAtMillis());
        root.put("position", event.position());
        ObjectNode row = root.putObject("row");
        Entity entity = change.entity();
        for (int i = 0; i < entity.columns().size(); i++) {
            Column column = entity.columns().get(i);
            Object value = change.row()[i];
            if (value == null) {
                row.putNull(column.name());
            } else {
                switch (column.type()) {
                    case INTEGER -> row.put(column.name(), (Long) value);
                    case DECIMAL -> row.put(column.name(), ((BigDecimal) value).toPlainString());
                    case DATE, VARCHAR -> row.put(column.name(), value.toString());
                }
            }
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new DbxException("cannot encode " + change + ": " + e.getMessage());
        }
    }

    /**
     * Decodes a record value; a value that is not a change of a known entity, or whose values do not fit their columns,
     * is a {@link DbxException} naming what is wrong (the pipeline dead-letters it).
     */
    public static ChangeEvent decode(byte[] value) {
        JsonNode root;
        try {
            root = JSON.readTree(value);
        } catch (java.io.IOException e) {
            throw new DbxException("not a change event (not JSON): "
                    + new String(value, 0, Math.min(value.length, 80), StandardCharsets.UTF_8));
        }
        if (root == null || !root.isObject()) {
            throw new DbxException("not a change event (not a JSON object)");
        }
        Dataset dataset = Datasets.named(root.path("dataset").asText());
        Entity entity = dataset.entity(root.path("entity").asText());
        JsonNode row = root.path("row");
        Object[] values = new Object[entity.columns().size()];
        for (int i = 0; i < values.length; i++) {
            Column column = entity.columns().get(i);
            JsonNode node = row.path(column.name());
            values[i] = node.isMissingNode() || node.isNull() ? null : value(entity, column, node);
        }
        String op = root.path("op").asText();
        Change change = switch (op) {
            case "u" -> Change.upsert(entity, values);
            case "d" -> Change.deleteRow(entity, values);
            default ->
                throw new DbxException(
                        "change event of " + entity.name() + " has op '" + op + "' (expected \"u\" or \"d\")");
        };
        return new ChangeEvent(
                dataset.name(),
                change,
                root.path("committedAt").asLong(0),
                root.path("position").asText(""));
    }

    private static Object value(Entity entity, Column column, JsonNode node) {
        try {
            return switch (column.type()) {
                case INTEGER -> {
                    if (!node.canConvertToExactIntegral() || !node.canConvertToLong()) {
                        throw new IllegalArgumentException("not an integer");
                    }
                    yield node.longValue();
                }
                case DECIMAL -> {
                    BigDecimal d = new BigDecimal(node.asText());
                    yield d.setScale(column.scale(), java.math.RoundingMode.UNNECESSARY);
                }
                case DATE -> LocalDate.parse(node.asText());
                case VARCHAR -> {
                    if (!node.isTextual()) {
                        throw new IllegalArgumentException("not text");
                    }
                    yield node.asText();
                }
            };
        } catch (RuntimeException e) {
            throw new DbxException(entity.name() + "." + column.name() + " = " + node + " does not fit a "
                    + column.type() + " column: " + e.getMessage());
        }
    }
}
