package dev.dbx.core.capability;

import dev.dbx.core.store.Capability;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes YCSB's {@code usertable} (every store has it). The table is created by {@link DatasetModel#create}
 * for the "ycsb" dataset. Field names come from {@link dev.dbx.core.dataset.YcsbSchema#FIELDS}.
 */
public interface KeyValue extends Capability {
    /** Inserts a new record; a record with this key must not exist (stores may overwrite it). */
    void insert(String key, Map<String, String> fields);

    /** The record's fields (all of them when {@code fields} is empty), or empty when there is no such record. */
    Optional<Map<String, String>> read(String key, Set<String> fields);

    /** Overwrites the given fields of an existing record; false when there is no such record. */
    boolean update(String key, Map<String, String> fields);

    /** Deletes the record; false when there was none. */
    boolean delete(String key);

    /** Up to {@code count} records with keys {@code >= startKey}, in key order. */
    List<Record> scan(String startKey, int count, Set<String> fields);

    record Record(String key, Map<String, String> fields) {}
}
