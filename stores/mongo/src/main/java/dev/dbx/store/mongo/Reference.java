package dev.dbx.store.mongo;

import java.util.List;

/**
 * A column that references a small dimension entity, stored as a sub-document {@code field} holding the referenced
 * key (under the referenced entity's key name) and a copy of the referenced document's {@code copy} fields.
 *
 * @param column the referencing column, e.g. {@code c_nationkey}
 * @param field the sub-document's field, e.g. {@code nation}
 * @param entity the referenced entity, e.g. {@code nation}
 * @param copy fields copied from the referenced document, e.g. {@code n_name}, {@code region}
 * @param keyField the referenced entity's key column, the key's name inside the copy, e.g. {@code n_nationkey}
 */
record Reference(String column, String field, String entity, List<String> copy, String keyField) {
    Reference {
        copy = List.copyOf(copy);
    }

    /** The path of the referenced key, e.g. {@code nation.n_nationkey}. */
    String keyPath() {
        return field + "." + keyField;
    }
}
