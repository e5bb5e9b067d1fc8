package dev.dbx.store.redis;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.FieldSet;
import dev.dbx.core.capability.KeyValueSession;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.output.KeyValueStreamingChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One thread's way to the usertable: a Lettuce connection of its own for its whole life (sync API), the key prefixes
 * made once, the Lua scripts run by their SHA-1 (EVALSHA; sent in full only the first time a server does not know
 * them), and argument arrays reused from call to call. Reads stream HGETALL/HMGET replies straight into the caller's
 * array by field number, without a map. Nothing is formatted unless something fails.
 */
final class UserTableSession implements KeyValueSession {
    private static final LuaScript INSERT = LuaScript.load("usertable-insert.lua");
    private static final LuaScript UPDATE = LuaScript.load("usertable-update.lua");
    private static final LuaScript DELETE = LuaScript.load("usertable-delete.lua");
    private static final int FIELDS = UserTable.FIELDS;

    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;
    private final RedisAsyncCommands<String, String> async;
    private final String idSet;
    private final String rowPrefix;
    private final long awaitMillis;

    /** KEYS of the insert and delete scripts: the record's hash, then the id set. */
    private final String[] hashAndIdSet = new String[2];
    /** KEYS of the update script: the record's hash. */
    private final String[] hashOnly = new String[1];
    /** ARGV of the insert script: the key, then field, value, ... (the names are filled in once). */
    private final String[] insertArgs = new String[1 + 2 * FIELDS];
    /** ARGV of the update script by number of fields: field, value, ... */
    private final String[][] updateArgs = new String[FIELDS + 1][];
    /** ARGV of the delete script: the key. */
    private final String[] deleteArgs = new String[1];
    /** The array a scan hands its sink. */
    private final String[] scanned = new String[FIELDS];

    private final FieldReader reader = new FieldReader();

    UserTableSession(StatefulRedisConnection<String, String> connection, String idSet, String rowPrefix, Duration t) {
        this.connection = connection;
        this.redis = connection.sync();
        this.async = connection.async();
        this.idSet = idSet;
        this.rowPrefix = rowPrefix;
        // the command timeout fails a stuck command first; this bound only guards against a lost timer
        this.awaitMillis = t.toMillis() * 2 + 1_000;
        hashAndIdSet[1] = idSet;
        String[] all = UserTable.names(FieldSet.all());
        for (int i = 0; i < FIELDS; i++) {
            insertArgs[1 + 2 * i] = all[i];
        }
        for (int n = 0; n <= FIELDS; n++) {
            updateArgs[n] = new String[2 * n];
        }
    }

    @Override
    public void insert(String key, String[] values) {
        insertArgs[0] = key;
        for (int i = 0; i < FIELDS; i++) {
            String value = values[i];
            if (value == null) {
                throw new DbxException(
                        "insert of " + key + ": usertable field" + i + " has no value",
                        "Redis hashes cannot hold null");
            }
            insertArgs[2 + 2 * i] = value;
        }
        hashAndIdSet[0] = rowPrefix + key;
        try {
            INSERT.run(redis, hashAndIdSet, insertArgs);
        } catch (RedisException e) {
            throw RedisErrors.failed("insert of " + key, e);
        }
    }

    @Override
    public boolean read(String key, FieldSet fields, String[] values) {
        String hash = rowPrefix + key;
        try {
            if (fields.isEmpty()) {
                return redis.exists(hash) > 0;
            }
            reader.start(values);
            if (fields.isAll()) {
                redis.hgetall(reader, hash);
            } else {
                redis.hmget(reader, hash, UserTable.names(fields));
            }
            // every record has every field: none at all means no record (and nothing was written to values)
            return reader.found > 0;
        } catch (RedisException e) {
            throw RedisErrors.failed("read of " + key, e);
        } finally {
            reader.target = null;
        }
    }

    @Override
    public boolean update(String key, FieldSet fields, String[] values) {
        String hash = rowPrefix + key;
        try {
            if (fields.isEmpty()) {
                return redis.exists(hash) > 0;
            }
            String[] args = updateArgs[fields.size()];
            String[] names = UserTable.names(fields);
            for (int j = 0; j < names.length; j++) {
                String value = values[fields.field(j)];
                if (value == null) {
                    throw new DbxException(
                            "update of " + key + ": usertable " + names[j] + " has no value",
                            "Redis hashes cannot hold null");
                }
                args[2 * j] = names[j];
                args[2 * j + 1] = value;
            }
            hashOnly[0] = hash;
            return UPDATE.run(redis, hashOnly, args) == 1;
        } catch (RedisException e) {
            throw RedisErrors.failed("update of " + key, e);
        }
    }

    @Override
    public boolean delete(String key) {
        hashAndIdSet[0] = rowPrefix + key;
        deleteArgs[0] = key;
        try {
            return DELETE.run(redis, hashAndIdSet, deleteArgs) == 1;
        } catch (RedisException e) {
            throw RedisErrors.failed("delete of " + key, e);
        }
    }

    /**
     * ZRANGEBYLEX for the keys, then one HMGET per key, all sent in one write before the first reply is awaited: two
     * round trips whatever {@code count}. A record deleted in between is skipped.
     */
    @Override
    public int scan(String startKey, int count, FieldSet fields, RecordSink sink) {
        if (count <= 0) {
            return 0;
        }
        Arrays.fill(scanned, null); // fields not asked for are null, not a previous scan's
        try {
            List<String> keys = redis.zrangebylex(
                    idSet,
                    Range.from(Range.Boundary.including(startKey), Range.Boundary.unbounded()),
                    Limit.create(0, count));
            if (fields.isEmpty()) {
                keys.forEach(k -> sink.accept(k, scanned));
                return keys.size();
            }
            String[] names = UserTable.names(fields);
            List<RedisFuture<List<io.lettuce.core.KeyValue<String, String>>>> reads = new ArrayList<>(keys.size());
            connection.setAutoFlushCommands(false);
            try {
                for (String key : keys) {
                    reads.add(async.hmget(rowPrefix + key, names));
                }
            } finally {
                connection.flushCommands();
                connection.setAutoFlushCommands(true);
            }
            int n = 0;
            for (int i = 0; i < keys.size(); i++) {
                List<io.lettuce.core.KeyValue<String, String>> reply =
                        io.lettuce.core.LettuceFutures.awaitOrCancel(reads.get(i), awaitMillis, TimeUnit.MILLISECONDS);
                boolean any = false;
                for (int j = 0; j < names.length; j++) {
                    String value = reply.get(j).getValueOrElse(null);
                    scanned[fields.field(j)] = value;
                    any |= value != null;
                }
                if (any) { // nothing: the record was deleted since the ZRANGEBYLEX
                    sink.accept(keys.get(i), scanned);
                    n++;
                }
            }
            return n;
        } catch (RedisException e) {
            throw RedisErrors.failed("scan from " + startKey, e);
        }
    }

    @Override
    public void close() {
        connection.close();
    }

    /** Takes HGETALL/HMGET replies field by field into an array by field number; an absent field is skipped. */
    private static final class FieldReader implements KeyValueStreamingChannel<String, String> {
        String[] target;
        int found;

        void start(String[] values) {
            target = values;
            found = 0;
        }

        @Override
        public void onKeyValue(String field, String value) {
            if (value != null) {
                int i = UserTable.fieldIndex(field);
                if (i >= 0) {
                    target[i] = value;
                    found++;
                }
            }
        }
    }
}
