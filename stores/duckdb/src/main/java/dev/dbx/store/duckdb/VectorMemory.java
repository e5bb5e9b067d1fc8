package dev.dbx.store.duckdb;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBWritableVector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a column of fixed-width values into a DuckDB vector a chunk at a time. duckdb_jdbc has no bulk setter for
 * numbers: its per-value setters check the index and type and take a lock to flip one validity bit, which for TPC-H
 * lineitem at SF 1 is 66 million lock round trips, the largest cost of the load on the Java side. So the values are
 * copied into the vector's data buffer in one bulk put and its validity mask is written a 64-bit word at a time.
 *
 * <p>The vector's memory is reached through the driver's own {@code data} and {@code validity} buffers, which it
 * allocates for exactly this vector (native byte order, a bit per row, every row invalid until written). They are
 * private fields: when a driver version lays them out differently this falls back to the public setters (slower,
 * equally correct), says so once in the log, and tells the caller why (the load reports it in its load method);
 * {@code VectorMemoryTest} fails so that the upgrade is noticed.
 */
final class VectorMemory {
    private static final Logger LOG = LoggerFactory.getLogger(VectorMemory.class);

    private static final VarHandle DATA;
    private static final VarHandle VALIDITY;
    /** Why this driver's vectors cannot be written directly, or null when they can. */
    private static final String UNAVAILABLE;

    private static final AtomicBoolean WARNED = new AtomicBoolean();

    static {
        VarHandle data = null;
        VarHandle validity = null;
        String why = null;
        try {
            data = field("data");
            validity = field("validity");
        } catch (ReflectiveOperationException | SecurityException | IllegalArgumentException e) {
            why = "duckdb_jdbc's DuckDBWritableVector has no ByteBuffer fields data and validity (" + e + ")";
        }
        DATA = why == null ? data : null;
        VALIDITY = why == null ? validity : null;
        UNAVAILABLE = why;
    }

    private VectorMemory() {}

    private static VarHandle field(String name) throws ReflectiveOperationException {
        return MethodHandles.privateLookupIn(DuckDBWritableVector.class, MethodHandles.lookup())
                .findVarHandle(DuckDBWritableVector.class, name, ByteBuffer.class);
    }

    /** Whether this driver's vectors can be written directly (else the public setters are used). */
    static boolean direct() {
        return UNAVAILABLE == null;
    }

    /** Why this driver's vectors cannot be written directly, when they cannot. */
    static Optional<String> unavailable() {
        return Optional.ofNullable(UNAVAILABLE);
    }

    /**
     * Rows {@code 0..n-1} of a BIGINT vector; {@code nulls} may be null (no nulls). Returns null when the values were
     * copied directly, else why the driver's setters wrote them.
     */
    static String putLongs(DuckDBWritableVector vector, long[] values, boolean[] nulls, int n) {
        return putLongs(vector, values, nulls, n, direct());
    }

    /**
     * As {@link #putLongs(DuckDBWritableVector, long[], boolean[], int)}, through the setters unless {@code direct}
     * (then the answer is null only if they were not needed).
     */
    static String putLongs(DuckDBWritableVector vector, long[] values, boolean[] nulls, int n, boolean direct) {
        long bytes = n * (long) Long.BYTES;
        ByteBuffer data = direct ? data(vector, DuckDBColumnType.BIGINT, bytes) : null;
        if (data == null) {
            for (int r = 0; r < n; r++) {
                if (nulls != null && nulls[r]) {
                    vector.setNull(r);
                } else {
                    vector.setLong(r, values[r]);
                }
            }
            return direct ? fellBack(vector, DuckDBColumnType.BIGINT, bytes) : "the setters were asked for";
        }
        data.asLongBuffer().put(0, values, 0, n);
        markValid(vector, nulls, n);
        return null;
    }

    /**
     * Rows {@code 0..n-1} of a DATE vector from days since 1970-01-01; {@code nulls} may be null. Returns null when the
     * values were copied directly, else why the driver's setters wrote them.
     */
    static String putDays(DuckDBWritableVector vector, long[] days, boolean[] nulls, int n) {
        return putDays(vector, days, nulls, n, direct());
    }

    /** As {@link #putDays(DuckDBWritableVector, long[], boolean[], int)}, through the setters unless {@code direct}. */
    static String putDays(DuckDBWritableVector vector, long[] days, boolean[] nulls, int n, boolean direct) {
        long bytes = n * (long) Integer.BYTES;
        ByteBuffer data = direct ? data(vector, DuckDBColumnType.DATE, bytes) : null;
        for (int r = 0; r < n; r++) {
            if (nulls != null && nulls[r]) {
                if (data == null) {
                    vector.setNull(r);
                }
            } else if (data == null) {
                vector.setDate(r, LocalDate.ofEpochDay(days[r]));
            } else {
                data.putInt(r * Integer.BYTES, Math.toIntExact(days[r]));
            }
        }
        if (data == null) {
            return direct ? fellBack(vector, DuckDBColumnType.DATE, bytes) : "the setters were asked for";
        }
        markValid(vector, nulls, n);
        return null;
    }

    /** Sets the validity bit of every row below {@code n} that is not null, a word of 64 rows at a time. */
    private static void markValid(DuckDBWritableVector vector, boolean[] nulls, int n) {
        ByteBuffer validity = (ByteBuffer) VALIDITY.get(vector);
        for (int word = 0; word * 64 < n; word++) {
            int rows = Math.min(64, n - word * 64);
            long bits = rows == 64 ? -1L : (1L << rows) - 1;
            if (nulls != null) {
                for (int i = 0; i < rows; i++) {
                    if (nulls[word * 64 + i]) {
                        bits &= ~(1L << i);
                    }
                }
            }
            validity.putLong(word * Long.BYTES, bits);
        }
    }

    /** The vector's data buffer when it can be written directly: the expected type and room for the rows. */
    private static ByteBuffer data(DuckDBWritableVector vector, DuckDBColumnType type, long bytes) {
        if (!direct() || vector.getType() != type) {
            return null;
        }
        ByteBuffer data = (ByteBuffer) DATA.get(vector);
        ByteBuffer validity = (ByteBuffer) VALIDITY.get(vector);
        return data != null
                        && data.capacity() >= bytes
                        && validity != null
                        && validity.capacity() >= validityBytes(vector)
                ? data
                : null;
    }

    private static long validityBytes(DuckDBWritableVector vector) {
        return (vector.rowCount() + 63) / 64 * Long.BYTES;
    }

    /** Why {@link #data} refused {@code vector} (the slow path only), logged the first time. */
    private static String fellBack(DuckDBWritableVector vector, DuckDBColumnType type, long bytes) {
        String why;
        if (!direct()) {
            why = UNAVAILABLE;
        } else if (vector.getType() != type) {
            why = "a " + type + " column's vector has type " + vector.getType();
        } else {
            ByteBuffer data = (ByteBuffer) DATA.get(vector);
            ByteBuffer validity = (ByteBuffer) VALIDITY.get(vector);
            why = data == null || validity == null
                    ? "the vector's data or validity buffer is missing"
                    : "the vector's buffers (" + data.capacity() + " and " + validity.capacity() + " bytes) are"
                            + " smaller than its rows need (" + bytes + " and " + validityBytes(vector) + ")";
        }
        if (WARNED.compareAndSet(false, true)) {
            LOG.warn(
                    "DuckDB load: numbers and dates go through duckdb_jdbc's per-value setters, which is slower: {}",
                    why);
        }
        return why;
    }
}
