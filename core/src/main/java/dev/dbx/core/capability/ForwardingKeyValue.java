package dev.dbx.core.capability;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A store whose {@link KeyValue} capability is an object of its own (its usertable): every call goes there. */
public interface ForwardingKeyValue extends KeyValue {
    /** What does the work. */
    KeyValue keyValue();

    @Override
    default void insert(String key, Map<String, String> fields) {
        keyValue().insert(key, fields);
    }

    @Override
    default Optional<Map<String, String>> read(String key, Set<String> fields) {
        return keyValue().read(key, fields);
    }

    @Override
    default boolean update(String key, Map<String, String> fields) {
        return keyValue().update(key, fields);
    }

    @Override
    default boolean delete(String key) {
        return keyValue().delete(key);
    }

    @Override
    default List<Record> scan(String startKey, int count, Set<String> fields) {
        return keyValue().scan(startKey, count, fields);
    }
}
