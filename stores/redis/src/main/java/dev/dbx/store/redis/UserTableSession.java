package dev.dbx.store.redis;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.FieldSet;
import dev.dbx.core.capability.KeyValueSession;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import redis.clients.jedis.Connection;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * One thread's way to the usertable: a plain blocking Jedis connection of its own for its whole life, so the calling
 * thread writes each command to the socket and reads the reply itself (no event loop to hand it to and wake). Keys,
 * field names and values travel as bytes: the key prefixes and field names are encoded once, the Lua scripts run by
 * their SHA-1 (EVALSHA; sent in full only the first time a server does not know them), and argument arrays are reused
 * from call to call. Reads put HGETALL/HMGET replies straight into the caller's array by field number, without a map.
 * Nothing is formatted unless something fails.
 *
 * <p>A connection that failed (the server went away, a reply took longer than the timeout) is not used again: the
 * failing operation reports it, and the next one connects anew, the way Lettuce reconnected before. The failed
 * operation is never sent twice, so a write is applied at most once per call.
 */
final class UserTableSession implements KeyValueSession {
    private static final LuaScript INSERT = LuaScript.load("usertable-insert.lua");
    private static final LuaScript UPDATE = LuaScript.load("usertable-update.lua");
    private static final LuaScript DELETE = LuaScript.load("usertable-delete.lua");
    private static final int FIELDS = UserTable.FIELDS;
    private static final byte[] ONE = {'1'};
    private static final byte[] TWO = {'2'};
    private static final byte[] UNBOUNDED = {'+'};
    private static final byte[] LIMIT = Protocol.Keyword.LIMIT.getRaw();
    private static final byte[] ZERO = {'0'};

    private final RedisConnector connector;
    private final byte[] idSet;
    private final byte[] rowPrefix;
    private Connection connection;

    /** EVALSHA of the insert script: digest, 2, the record's hash, the id set, the key, then field, value, ... */
    private final byte[][] insertArgs = new byte[5 + 2 * FIELDS][];
    /** EVALSHA of the update script by number of fields: digest, 1, the record's hash, then field, value, ... */
    private final byte[][][] updateArgs = new byte[FIELDS + 1][][];
    /** EVALSHA of the delete script: digest, 2, the record's hash, the id set, the key. */
    private final byte[][] deleteArgs = new byte[5][];
    /** HMGET by field mask: the record's hash, then the names (made on first use). */
    private final byte[][][] hmgetArgs = new byte[1 << FIELDS][][];
    /** The one-argument commands' arguments (HGETALL, EXISTS). */
    private final byte[][] keyOnly = new byte[1][];
    /** ZRANGEBYLEX of a scan: the id set, [start, +, LIMIT, 0, count. */
    private final byte[][] rangeArgs = new byte[6][];
    /** The array a scan hands its sink. */
    private final String[] scanned = new String[FIELDS];

    UserTableSession(RedisConnector connector, String idSet, String rowPrefix) {
        this.connector = connector;
        this.idSet = utf8(idSet);
        this.rowPrefix = utf8(rowPrefix);
        this.connection = connector.connectBlocking();
        byte[][] all = UserTable.names(FieldSet.all());
        insertArgs[1] = TWO;
        insertArgs[3] = this.idSet;
        for (int i = 0; i < FIELDS; i++) {
            insertArgs[5 + 2 * i] = all[i];
        }
        for (int n = 0; n <= FIELDS; n++) {
            updateArgs[n] = new byte[3 + 2 * n][];
            updateArgs[n][1] = ONE;
        }
        deleteArgs[1] = TWO;
        deleteArgs[3] = this.idSet;
        rangeArgs[0] = this.idSet;
        rangeArgs[2] = UNBOUNDED;
        rangeArgs[3] = LIMIT;
        rangeArgs[4] = ZERO;
    }

    @Override
    public void insert(String key, String[] values) {
        for (int i = 0; i < FIELDS; i++) {
            String value = values[i];
            if (value == null) {
                throw new DbxException(
                        "insert of " + key + ": usertable field" + i + " has no value",
                        "Redis hashes cannot hold null");
            }
            insertArgs[6 + 2 * i] = utf8(value);
        }
        byte[] id = utf8(key);
        insertArgs[2] = hash(id);
        insertArgs[4] = id;
        try {
            INSERT.run(connection(), insertArgs);
        } catch (JedisException e) {
            throw RedisErrors.failed("insert of " + key, e);
        } finally {
            for (int i = 0; i < FIELDS; i++) {
                insertArgs[6 + 2 * i] = null; // the values are the caller's: keep none
            }
        }
    }

    @Override
    public boolean read(String key, FieldSet fields, String[] values) {
        try {
            Connection redis = connection();
            if (fields.isEmpty()) {
                keyOnly[0] = hash(utf8(key));
                redis.sendCommand(Protocol.Command.EXISTS, keyOnly);
                return redis.getIntegerReply() > 0;
            }
            if (fields.isAll()) {
                keyOnly[0] = hash(utf8(key));
                redis.sendCommand(Protocol.Command.HGETALL, keyOnly);
                List<byte[]> reply = redis.getBinaryMultiBulkReply();
                // field, value, ...; every record has every field: none at all means no record
                for (int j = 0; j + 1 < reply.size(); j += 2) {
                    int i = UserTable.fieldIndex(reply.get(j));
                    if (i >= 0) {
                        values[i] = text(reply.get(j + 1));
                    }
                }
                return !reply.isEmpty();
            }
            byte[][] args = hmget(fields);
            args[0] = hash(utf8(key));
            redis.sendCommand(Protocol.Command.HMGET, args);
            List<byte[]> reply = redis.getBinaryMultiBulkReply();
            boolean found = false;
            for (int j = 0; j < reply.size(); j++) {
                byte[] value = reply.get(j);
                if (value != null) {
                    values[fields.field(j)] = text(value);
                    found = true;
                }
            }
            return found;
        } catch (JedisException e) {
            throw RedisErrors.failed("read of " + key, e);
        }
    }

    @Override
    public boolean update(String key, FieldSet fields, String[] values) {
        try {
            if (fields.isEmpty()) {
                Connection redis = connection();
                keyOnly[0] = hash(utf8(key));
                redis.sendCommand(Protocol.Command.EXISTS, keyOnly);
                return redis.getIntegerReply() > 0;
            }
            byte[][] args = updateArgs[fields.size()];
            byte[][] names = UserTable.names(fields);
            try {
                for (int j = 0; j < names.length; j++) {
                    String value = values[fields.field(j)];
                    if (value == null) {
                        throw new DbxException(
                                "update of " + key + ": usertable field" + fields.field(j) + " has no value",
                                "Redis hashes cannot hold null");
                    }
                    args[3 + 2 * j] = names[j];
                    args[4 + 2 * j] = utf8(value);
                }
                args[2] = hash(utf8(key));
                return UPDATE.run(connection(), args) == 1;
            } finally {
                Arrays.fill(args, 2, args.length, null);
            }
        } catch (JedisException e) {
            throw RedisErrors.failed("update of " + key, e);
        }
    }

    @Override
    public boolean delete(String key) {
        byte[] id = utf8(key);
        deleteArgs[2] = hash(id);
        deleteArgs[4] = id;
        try {
            return DELETE.run(connection(), deleteArgs) == 1;
        } catch (JedisException e) {
            throw RedisErrors.failed("delete of " + key, e);
        }
    }

    /**
     * ZRANGEBYLEX for the keys, then one HMGET per key, all written before the first reply is read: two round trips
     * whatever {@code count}. A record deleted in between is skipped.
     */
    @Override
    public int scan(String startKey, int count, FieldSet fields, RecordSink sink) {
        if (count <= 0) {
            return 0;
        }
        Arrays.fill(scanned, null); // fields not asked for are null, not a previous scan's
        try {
            Connection redis = connection();
            byte[] start = utf8(startKey);
            byte[] from = new byte[start.length + 1];
            from[0] = '[';
            System.arraycopy(start, 0, from, 1, start.length);
            rangeArgs[1] = from;
            rangeArgs[5] = ascii(Integer.toString(count));
            redis.sendCommand(Protocol.Command.ZRANGEBYLEX, rangeArgs);
            List<byte[]> keys = redis.getBinaryMultiBulkReply();
            if (fields.isEmpty()) {
                for (byte[] k : keys) {
                    sink.accept(text(k), scanned);
                }
                return keys.size();
            }
            byte[][] args = hmget(fields);
            for (byte[] k : keys) {
                args[0] = hash(k);
                redis.sendCommand(Protocol.Command.HMGET, args);
            }
            List<Object> replies = redis.getMany(keys.size());
            int n = 0;
            for (int i = 0; i < keys.size(); i++) {
                Object reply = replies.get(i);
                if (reply instanceof JedisDataException error) {
                    throw error;
                }
                List<?> record = (List<?>) reply;
                boolean any = false;
                for (int j = 0; j < record.size(); j++) {
                    byte[] value = (byte[]) record.get(j);
                    String v = value == null ? null : text(value);
                    scanned[fields.field(j)] = v;
                    any |= v != null;
                }
                if (any) { // nothing: the record was deleted since the ZRANGEBYLEX
                    sink.accept(text(keys.get(i)), scanned);
                    n++;
                }
            }
            return n;
        } catch (JedisException e) {
            throw RedisErrors.failed("scan from " + startKey, e);
        }
    }

    @Override
    public void close() {
        Connection open = connection;
        connection = null;
        if (open != null) {
            open.close();
        }
    }

    /** The session's connection, a new one when the last one failed (a closed session stays closed). */
    private Connection connection() {
        Connection current = connection;
        if (current == null) {
            throw new IllegalStateException("the key-value session is closed");
        }
        if (current.isBroken()) {
            // never the broken one's own reconnect: it would open a bare socket, without logging in
            current.close();
            current = connector.connectBlocking(); // a failure leaves the broken one, so the next call tries again
            connection = current;
        }
        return current;
    }

    private byte[][] hmget(FieldSet fields) {
        byte[][] args = hmgetArgs[fields.mask()];
        if (args == null) {
            byte[][] names = UserTable.names(fields);
            args = new byte[1 + names.length][];
            System.arraycopy(names, 0, args, 1, names.length);
            hmgetArgs[fields.mask()] = args;
        }
        return args;
    }

    /** The record's hash: the row prefix, then the key. */
    private byte[] hash(byte[] id) {
        byte[] hash = Arrays.copyOf(rowPrefix, rowPrefix.length + id.length);
        System.arraycopy(id, 0, hash, rowPrefix.length, id.length);
        return hash;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
