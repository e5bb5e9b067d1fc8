package dev.dbx.store.redis;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.dataset.YcsbSchema;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * YCSB's usertable the way the YCSB Redis binding keeps it: a hash per record ({@code ycsb:usertable:<key>}, fields
 * field0..field9) and a sorted set of all keys with score 0 ({@code ycsb:usertable}), which Redis orders by the keys'
 * bytes, so a scan from a key is one ZRANGEBYLEX. Writes that touch both are Lua scripts, so they are atomic and one
 * round trip; reads are plain commands on the shared connection.
 */
final class UserTable {
    private static final LuaScript INSERT = LuaScript.load("usertable-insert.lua");
    private static final LuaScript UPDATE = LuaScript.load("usertable-update.lua");
    private static final LuaScript DELETE = LuaScript.load("usertable-delete.lua");

    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;
    private final String idSet;
    private final String rowPrefix;
    private final Duration timeout;

    UserTable(StatefulRedisConnection<String, String> connection, KeyScheme keys, Duration timeout) {
        this.connection = connection;
        this.redis = connection.sync();
        this.idSet = keys.idSet(YcsbSchema.DATASET, YcsbSchema.USERTABLE);
        this.rowPrefix = keys.rowPrefix(YcsbSchema.DATASET, YcsbSchema.USERTABLE);
        this.timeout = timeout;
    }

    void insert(String key, Map<String, String> fields) {
        List<String> names = fieldNames(fields.keySet());
        if (names.isEmpty()) {
            throw new DbxException("an insert into usertable needs at least one field");
        }
        String[] args = new String[1 + 2 * names.size()];
        args[0] = checkKey(key);
        for (int i = 0; i < names.size(); i++) {
            args[1 + 2 * i] = names.get(i);
            args[2 + 2 * i] = value(fields, names.get(i));
        }
        INSERT.run(redis, new String[] {rowPrefix + key, idSet}, args);
    }

    Optional<Map<String, String>> read(String key, Set<String> fields) {
        String row = rowPrefix + checkKey(key);
        if (fields.isEmpty()) {
            Map<String, String> all = redis.hgetall(row);
            return all.isEmpty() ? Optional.empty() : Optional.of(inFieldOrder(all));
        }
        List<String> names = fieldNames(fields);
        Map<String, String> found = present(redis.hmget(row, names.toArray(String[]::new)));
        if (found.isEmpty() && redis.exists(row) == 0) {
            return Optional.empty();
        }
        return Optional.of(found);
    }

    boolean update(String key, Map<String, String> fields) {
        List<String> names = fieldNames(fields.keySet());
        if (names.isEmpty()) {
            return redis.exists(rowPrefix + checkKey(key)) > 0;
        }
        String[] args = new String[2 * names.size()];
        for (int i = 0; i < names.size(); i++) {
            args[2 * i] = names.get(i);
            args[2 * i + 1] = value(fields, names.get(i));
        }
        return UPDATE.run(redis, new String[] {rowPrefix + checkKey(key)}, args) == 1;
    }

    boolean delete(String key) {
        return DELETE.run(redis, new String[] {rowPrefix + checkKey(key), idSet}, key) == 1;
    }

    List<KeyValue.Record> scan(String startKey, int count, Set<String> fields) {
        if (count <= 0) {
            return List.of();
        }
        List<String> keys = redis.zrangebylex(
                idSet,
                Range.from(Range.Boundary.including(checkKey(startKey)), Range.Boundary.unbounded()),
                Limit.create(0, count));
        List<String> names = fields.isEmpty() ? List.of() : fieldNames(fields);
        String[] nameArray = names.toArray(String[]::new);
        // every read is sent before the first reply is awaited: one round trip for the whole scan
        List<RedisFuture<?>> reads = new ArrayList<>(keys.size());
        for (String key : keys) {
            reads.add(
                    names.isEmpty()
                            ? connection.async().hgetall(rowPrefix + key)
                            : connection.async().hmget(rowPrefix + key, nameArray));
        }
        List<KeyValue.Record> records = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            Object reply = await(reads.get(i));
            Map<String, String> values =
                    reply instanceof Map<?, ?> map ? inFieldOrder(cast(map)) : present(cast(reply));
            if (!values.isEmpty()) { // nothing: the record was deleted since the ZRANGEBYLEX
                records.add(new KeyValue.Record(keys.get(i), values));
            }
        }
        return records;
    }

    private Object await(RedisFuture<?> future) {
        return io.lettuce.core.LettuceFutures.awaitOrCancel(
                future, timeout.toMillis() * 2 + 1_000, TimeUnit.MILLISECONDS);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    private static Map<String, String> present(List<io.lettuce.core.KeyValue<String, String>> values) {
        Map<String, String> out = new LinkedHashMap<>();
        for (io.lettuce.core.KeyValue<String, String> kv : values) {
            if (kv.hasValue()) {
                out.put(kv.getKey(), kv.getValue());
            }
        }
        return out;
    }

    /** The fields of a hash in the usertable's field order (HGETALL's order is the server's). */
    private static Map<String, String> inFieldOrder(Map<String, String> fields) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : YcsbSchema.FIELDS) {
            String value = fields.get(name);
            if (value != null) {
                out.put(name, value);
            }
        }
        return out;
    }

    private static String value(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new DbxException("usertable field " + name + " has no value", "Redis hashes cannot hold null");
        }
        return value;
    }

    private static String checkKey(String key) {
        if (key == null) {
            throw new DbxException("a usertable key cannot be null");
        }
        return key;
    }

    /** The requested fields in schema order, each checked against the usertable's fields. */
    private static List<String> fieldNames(Set<String> requested) {
        for (String f : requested) {
            if (!YcsbSchema.FIELDS.contains(f)) {
                throw new DbxException("usertable has no field '" + f + "'", "fields are field0 to field9");
            }
        }
        return YcsbSchema.FIELDS.stream().filter(requested::contains).toList();
    }
}
