package dev.dbx.core.sync;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Entity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One change of one row of the source, as a sink applies it: an upsert carries the whole row after the change (its
 * after-image, canonical values in the entity's column order); a delete carries the key, and the row before the
 * change when the source gives it (a before-image, with {@code REPLICA IDENTITY FULL}), else only its key columns set.
 * Sync metadata (commit time, LSN) travels beside the change, never in its row, so checksums compare across stores.
 *
 * @param entity the entity the row belongs to
 * @param kind upsert or delete
 * @param row after-image for an upsert; for a delete the before-image, or a row with only the key columns set
 */
public record Change(Entity entity, Kind kind, Object[] row) {
    public enum Kind {
        UPSERT,
        DELETE
    }

    public Change {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(row, "row");
        if (row.length != entity.columns().size()) {
            throw new DbxException("a change of " + entity.name() + " needs "
                    + entity.columns().size() + " values, not " + row.length);
        }
        for (int i : entity.primaryKeyIndexes()) {
            if (row[i] == null) {
                throw new DbxException("a change of " + entity.name() + " has no value for its key column "
                        + entity.columns().get(i).name());
            }
        }
    }

    public static Change upsert(Entity entity, Object[] row) {
        return new Change(entity, Kind.UPSERT, row);
    }

    /** A delete knowing only the key: {@code key} holds the primary key's values in order. */
    public static Change delete(Entity entity, List<Object> key) {
        Object[] row = new Object[entity.columns().size()];
        int[] keys = entity.primaryKeyIndexes();
        if (key.size() != keys.length) {
            throw new DbxException("a key of " + entity.name() + " has " + keys.length + " value(s), not " + key);
        }
        for (int i = 0; i < keys.length; i++) {
            row[keys[i]] = key.get(i);
        }
        return new Change(entity, Kind.DELETE, row);
    }

    /** A delete with the row as it was before (its before-image). */
    public static Change deleteRow(Entity entity, Object[] before) {
        return new Change(entity, Kind.DELETE, before);
    }

    public boolean isDelete() {
        return kind == Kind.DELETE;
    }

    /** The primary key's values, in the key's column order. */
    public List<Object> key() {
        List<Object> key = new ArrayList<>();
        for (int i : entity.primaryKeyIndexes()) {
            key.add(row[i]);
        }
        return key;
    }

    /** The value of {@code column} (null in a delete that carries only the key). */
    public Object value(String column) {
        return row[entity.indexOf(column)];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Change c && c.entity.equals(entity) && c.kind == kind && Arrays.equals(c.row, row);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entity.name(), kind, Arrays.hashCode(row));
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase() + " " + entity.name() + " " + key();
    }
}
