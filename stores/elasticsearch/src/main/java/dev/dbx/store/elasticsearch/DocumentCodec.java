package dev.dbx.store.elasticsearch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Canonical;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.Entity;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Rows to document fields and back, one field per column under the column's own name. Integers are JSON integers,
 * decimals plain JSON numbers with their scale ("17.00": scaled_float indexes them at scale 2, {@code _source} keeps
 * the digits as sent), dates {@code yyyy-MM-dd} strings (the mapping's strict_date), text JSON strings. A null is an
 * absent field, as Elasticsearch treats both alike.
 */
final class DocumentCodec {
    private static final char KEY_SEPARATOR = '|';

    private DocumentCodec() {}

    /** Writes {@code row}'s columns, except {@code skip} (may be null), as fields of the object being written. */
    static void writeFields(JsonGenerator g, Entity entity, Object[] row, String skip) throws IOException {
        for (int i = 0; i < row.length; i++) {
            Column column = entity.columns().get(i);
            if (row[i] == null || column.name().equals(skip)) {
                continue;
            }
            g.writeFieldName(column.name());
            writeValue(g, column, Canonical.value(column, row[i]));
        }
    }

    /**
     * Writes {@code row} of an embedded entity as one item of its parent's array: an object of its columns without the
     * key it shares with the parent. A full load and an append (a script's parameter) encode items alike through this.
     */
    static void writeEmbedded(JsonGenerator g, Entity entity, Object[] row, IndexLayout.Embedding embedding)
            throws IOException {
        g.writeStartObject();
        writeFields(g, entity, row, embedding.childKey());
        g.writeEndObject();
    }

    static void writeValue(JsonGenerator g, Column column, Object value) throws IOException {
        switch (column.type()) {
            case INTEGER -> g.writeNumber((Long) value);
            case DECIMAL -> g.writeNumber((BigDecimal) value);
            case VARCHAR -> g.writeString((String) value);
            case DATE -> g.writeString(((LocalDate) value).toString());
        }
    }

    /** The canonical row of {@code entity} held in {@code source}; columns it lacks are null. */
    static Object[] readRow(Entity entity, JsonNode source) {
        Object[] row = new Object[entity.columns().size()];
        for (int i = 0; i < row.length; i++) {
            Column column = entity.columns().get(i);
            row[i] = readValue(column, source.get(column.name()));
        }
        return row;
    }

    static Object readValue(Column column, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        Object raw = switch (column.type()) {
            case INTEGER -> node.isIntegralNumber() ? node.longValue() : node.asText();
            case DECIMAL -> node.isNumber() ? node.decimalValue() : node.asText();
            case VARCHAR, DATE -> node.asText();
        };
        return Canonical.value(column, raw);
    }

    /** The document id: the primary key's values, joined by '|' when there are several (partsupp). */
    static String id(Entity entity, Object[] row) {
        int[] key = entity.primaryKeyIndexes();
        if (key.length == 1) {
            return text(entity, key[0], row);
        }
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < key.length; i++) {
            if (i > 0) {
                id.append(KEY_SEPARATOR);
            }
            id.append(text(entity, key[i], row));
        }
        return id.toString();
    }

    private static String text(Entity entity, int column, Object[] row) {
        Object value = row[column];
        if (value == null) {
            throw new DbxException("a row of " + entity.name() + " has no value for its key column "
                    + entity.columns().get(column).name());
        }
        return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }
}
