package dev.dbx.store.redis;

import dev.dbx.core.capability.FieldSet;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.KeyValueSemantics;
import dev.dbx.core.capability.KeyValueSession;
import dev.dbx.core.dataset.YcsbSchema;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;

/**
 * YCSB's usertable the way the YCSB Redis binding keeps it: a hash per record ({@code ycsb:usertable:<key>}, fields
 * field0..field9) and a sorted set of all keys with score 0 ({@code ycsb:usertable}), which Redis orders by the keys'
 * bytes, so a scan from a key is one ZRANGEBYLEX. Writes that touch both are Lua scripts, so they are atomic and one
 * round trip. Each {@link UserTableSession} has a plain blocking Jedis connection of its own for its life (one socket,
 * the calling thread writes the command and reads the reply itself: no event loop in between), which is what a pool of
 * N would give N threads. The store's other capabilities stay on Lettuce; both clients see the same keys.
 */
final class UserTable implements KeyValue {
    static final int FIELDS = YcsbSchema.FIELD_COUNT;

    /** The names of the fields of every {@link FieldSet}, by mask, as bytes for HMGET and HSET: made once. */
    private static final byte[][][] NAMES = new byte[1 << FIELDS][][];

    static {
        for (int mask = 0; mask < NAMES.length; mask++) {
            NAMES[mask] = FieldSet.of(mask).names().stream()
                    .map(name -> name.getBytes(StandardCharsets.US_ASCII))
                    .toArray(byte[][]::new);
        }
    }

    private final RedisConnector connector;
    private final StatefulRedisConnection<String, String> shared;
    private final String idSet;
    private final String rowPrefix;

    UserTable(RedisConnector connector, StatefulRedisConnection<String, String> shared, KeyScheme keys) {
        this.connector = connector;
        this.shared = shared;
        this.idSet = keys.idSet(YcsbSchema.DATASET, YcsbSchema.USERTABLE);
        this.rowPrefix = keys.rowPrefix(YcsbSchema.DATASET, YcsbSchema.USERTABLE);
    }

    @Override
    public KeyValueSession openSession() {
        return new UserTableSession(connector, idSet, rowPrefix);
    }

    /**
     * Updates are Lua scripts (atomic); Redis runs commands and scripts one at a time, so two writes of one record are
     * applied one after the other, whole; durability is what the server's CONFIG says.
     */
    @Override
    public KeyValueSemantics semantics() {
        String durability =
                RedisErrors.call("asking for the persistence settings", () -> RedisDurability.ask(shared.sync()));
        return new KeyValueSemantics(
                KeyValueSemantics.Update.ATOMIC,
                durability,
                true,
                "commands and Lua scripts run one at a time on the server: two writes of one record are applied one"
                        + " after the other, each whole, and the later one wins");
    }

    /** The names of the fields in {@code fields}, in field order, as bytes (the arrays are shared: do not change). */
    static byte[][] names(FieldSet fields) {
        return NAMES[fields.mask()];
    }

    /** The number of the field named {@code name} (its bytes), or -1 when it is none of the usertable's. */
    static int fieldIndex(byte[] name) {
        // "field0".."field9": the digit is the index
        if (name.length == 6
                && name[0] == 'f'
                && name[1] == 'i'
                && name[2] == 'e'
                && name[3] == 'l'
                && name[4] == 'd') {
            int i = name[5] - '0';
            if (i >= 0 && i < FIELDS) {
                return i;
            }
        }
        return -1;
    }
}
