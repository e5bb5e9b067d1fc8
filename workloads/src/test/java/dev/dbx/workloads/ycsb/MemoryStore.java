package dev.dbx.workloads.ycsb;

import dev.dbx.core.capability.FieldSet;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.KeyValueSemantics;
import dev.dbx.core.capability.KeyValueSession;
import dev.dbx.core.dataset.YcsbSchema;
import dev.dbx.core.store.Capabilities;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import dev.dbx.workloads.dataset.YcsbData;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A usertable in memory behind the key-value SPI, right by default; a test makes it wrong on purpose (a changed value,
 * a lost record, a scan that skips) to show the workload notices.
 */
class MemoryStore implements Store {
    final NavigableMap<String, String[]> rows = new ConcurrentSkipListMap<>();
    final AtomicInteger inserts = new AtomicInteger();
    private final StoreConfig config = new StoreConfig("memory", URI.create("memory:usertable"));
    private final boolean withKeyValue;
    volatile boolean scansSupported = true;
    /** Scans hand over records from the one after the start key (a store that skips one). */
    volatile boolean scansSkipFirst;
    /** Scans hand over their second and third records swapped. */
    volatile boolean scansOutOfOrder;
    /** Inserts fail (before writing anything). */
    volatile boolean insertsFail;

    MemoryStore() {
        this(true);
    }

    MemoryStore(boolean withKeyValue) {
        this.withKeyValue = withKeyValue;
    }

    /** Records 0 to {@code records - 1} at version 0, as a load writes them. */
    MemoryStore loaded(long records, int fieldLength) {
        for (long n = 0; n < records; n++) {
            String key = YcsbData.key(n);
            rows.put(key, YcsbData.values(key, 0, fieldLength));
        }
        return this;
    }

    @Override
    public StoreConfig config() {
        return config;
    }

    @Override
    public ServerIdentity identity() {
        return new ServerIdentity("Memory", "1");
    }

    @Override
    public Capabilities capabilities() {
        Capabilities.Builder builder = Capabilities.builder();
        if (withKeyValue) {
            builder.add(KeyValue.class, new KeyValue() {
                @Override
                public KeyValueSession openSession() {
                    return new Session();
                }

                @Override
                public KeyValueSemantics semantics() {
                    return new KeyValueSemantics(KeyValueSemantics.Update.ATOMIC, "none (memory)", true, "last wins");
                }
            });
        }
        return builder.build();
    }

    @Override
    public void close() {}

    private final class Session implements KeyValueSession {
        @Override
        public void insert(String key, String[] values) {
            if (insertsFail) {
                throw new IllegalStateException("insert refused");
            }
            if (rows.putIfAbsent(key, values.clone()) != null) {
                throw new IllegalStateException("duplicate key " + key);
            }
            inserts.incrementAndGet();
        }

        @Override
        public boolean read(String key, FieldSet fields, String[] values) {
            String[] row = rows.get(key);
            if (row == null) {
                return false;
            }
            copy(fields, row, values, row);
            return true;
        }

        @Override
        public boolean update(String key, FieldSet fields, String[] values) {
            String[] row = rows.get(key);
            if (row == null) {
                return false;
            }
            copy(fields, values, row, row);
            return true;
        }

        /** The chosen fields from one array to the other, under the row's lock (a record is read or written whole). */
        private static void copy(FieldSet fields, String[] from, String[] to, Object row) {
            synchronized (row) {
                for (int i = 0; i < fields.size(); i++) {
                    to[fields.field(i)] = from[fields.field(i)];
                }
            }
        }

        @Override
        public boolean delete(String key) {
            return rows.remove(key) != null;
        }

        @Override
        public int scan(String startKey, int count, FieldSet fields, RecordSink sink) {
            if (!scansSupported) {
                throw new UnsupportedOperationException("this store has no key order");
            }
            List<String> keys = new ArrayList<>();
            for (String key : rows.tailMap(startKey, true).keySet()) {
                if (keys.size() == count + 1) {
                    break;
                }
                keys.add(key);
            }
            if (scansSkipFirst && !keys.isEmpty()) {
                keys.removeFirst();
            }
            if (scansOutOfOrder && keys.size() >= 3) {
                keys.add(1, keys.remove(2));
            }
            String[] values = new String[YcsbSchema.FIELD_COUNT];
            int n = 0;
            for (String key : keys.subList(0, Math.min(count, keys.size()))) {
                read(key, fields, values);
                sink.accept(key, values);
                n++;
            }
            return n;
        }

        @Override
        public void close() {}
    }
}
