package dev.dbx.store.redis;

import dev.dbx.core.DbxException;
import dev.dbx.core.Identifiers;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.ColumnType;
import dev.dbx.core.dataset.Entity;
import java.util.List;

/**
 * How the rows of one entity map to Redis. A row's id is its primary key as text, {@code ':'}-joined when it has
 * several columns (e.g. lineitem {@code 1:3}); its hash holds every other column, field name = column name, so the
 * key is not stored twice. In the id set the id's score is the first key column for integer keys (so a range of
 * scores is a range of keys: the line items of order 7 are score 7) and 0 for a text key (so the set is ordered by
 * the key's bytes and ZRANGEBYLEX scans it in key order, as YCSB needs).
 */
final class EntityLayout {
    private final Entity entity;
    private final int[] keyIndexes;
    private final int[] valueIndexes;
    private final String[] valueFields;
    private final boolean integerKey;

    private EntityLayout(Entity entity) {
        this.entity = entity;
        this.keyIndexes = entity.primaryKeyIndexes();
        List<Column> columns = entity.columns();
        this.valueIndexes = java.util.stream.IntStream.range(0, columns.size())
                .filter(i -> !entity.primaryKey().contains(columns.get(i).name()))
                .toArray();
        this.valueFields = new String[valueIndexes.length];
        for (int i = 0; i < valueIndexes.length; i++) {
            valueFields[i] = Identifiers.require(
                    "column name", columns.get(valueIndexes[i]).name());
        }
        this.integerKey = columns.get(keyIndexes[0]).type() == ColumnType.INTEGER;
        if (keyIndexes.length > 1) {
            for (int k : keyIndexes) {
                if (columns.get(k).type() != ColumnType.INTEGER) {
                    // a ':' inside a text key part would make the joined id ambiguous
                    throw new DbxException("redis: composite key of " + entity.name() + " has non-integer column "
                            + columns.get(k).name());
                }
            }
        }
    }

    static EntityLayout of(Entity entity) {
        if (entity.primaryKey().isEmpty()) {
            throw new DbxException("redis: entity " + entity.name() + " has no primary key to name its rows by");
        }
        return new EntityLayout(entity);
    }

    Entity entity() {
        return entity;
    }

    /** Whether every key column is an integer (so ids cannot look like the names of secondary sorted sets). */
    boolean integerKey() {
        return integerKey;
    }

    /** The row's id: its key as text. */
    String id(Object[] row) {
        if (keyIndexes.length == 1) {
            return keyText(row, keyIndexes[0]);
        }
        StringBuilder id = new StringBuilder(24);
        for (int i = 0; i < keyIndexes.length; i++) {
            if (i > 0) {
                id.append(':');
            }
            id.append(keyText(row, keyIndexes[i]));
        }
        return id.toString();
    }

    /** The id of the row whose primary key is {@code key} (its key columns' values, in order). */
    String id(List<Object> key) {
        if (key.size() != keyIndexes.length) {
            throw new DbxException("a key of " + entity.name() + " has " + keyIndexes.length + " columns, not "
                    + key.size() + ": " + key);
        }
        Object[] row = new Object[entity.columns().size()];
        for (int i = 0; i < keyIndexes.length; i++) {
            row[keyIndexes[i]] = key.get(i);
        }
        return id(row);
    }

    private String keyText(Object[] row, int index) {
        String text = Values.text(entity.columns().get(index), row[index]);
        if (text == null) {
            throw new DbxException("a row of " + entity.name() + " has no "
                    + entity.columns().get(index).name() + " (its key)");
        }
        return text;
    }

    /** The id's score in the id set. */
    double idScore(Object[] row) {
        return integerKey ? Values.score(entity.columns().get(keyIndexes[0]), row[keyIndexes[0]]) : 0;
    }

    /**
     * The row's hash: the canonical text of every non-key column, in {@link #fieldNames()} order; null where the
     * row has no value (that field is left out of the hash).
     */
    String[] values(Object[] row) {
        String[] values = new String[valueIndexes.length];
        for (int i = 0; i < valueIndexes.length; i++) {
            values[i] = Values.text(entity.columns().get(valueIndexes[i]), row[valueIndexes[i]]);
        }
        return values;
    }

    /** The hash fields in column order (HSET, HMGET). */
    String[] fieldNames() {
        return valueFields.clone();
    }

    /**
     * The canonical row of {@code id} whose hash fields ({@link #fieldNames()} order) hold {@code values}; an absent
     * field is null.
     */
    Object[] row(String id, List<String> values) {
        Object[] row = new Object[entity.columns().size()];
        if (keyIndexes.length == 1) {
            row[keyIndexes[0]] = Values.value(entity.columns().get(keyIndexes[0]), id);
        } else {
            String[] parts = id.split(":", -1);
            if (parts.length != keyIndexes.length) {
                throw new DbxException("redis: id '" + id + "' of " + entity.name() + " does not have "
                        + keyIndexes.length + " parts");
            }
            for (int i = 0; i < parts.length; i++) {
                row[keyIndexes[i]] = Values.value(entity.columns().get(keyIndexes[i]), parts[i]);
            }
        }
        for (int i = 0; i < valueIndexes.length; i++) {
            row[valueIndexes[i]] = Values.value(entity.columns().get(valueIndexes[i]), values.get(i));
        }
        return row;
    }
}
