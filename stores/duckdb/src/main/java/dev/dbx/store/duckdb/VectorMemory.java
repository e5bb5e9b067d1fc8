package dev.dbx.store.duckdb;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBWritableVector;

/**
 * Writes a column of fixed-width values into a DuckDB vector a chunk at a time. duckdb_jdbc has no bulk setter for
 * numbers: its per-value setters check the index and type and take a lock to flip one validity bit, which for TPC-H
 * lineitem at SF 1 is 66 million lock round trips, the largest cost of the load on the Java side. So the values are
 * copied into the vector's data buffer in one bulk put and its validity mask is written a 64-bit word at a time.
 *
 * <p>The vector's memory is reached through the driver's own {@code data} and {@code validity} buffers, which it
 * allocates for exactly this vector (native byte order, a bit per row, every row invalid until written). They are
 * private fields: when a driver version lays them out differently this falls back to the public setters (slower,
 * equally correct), and {@code VectorMemoryTest} fails so that the upgrade is noticed.
 */
final class VectorMemory {
    private static final VarHandle DATA = field("data");
    private static final VarHandle VALIDITY = field("validity");

    private VectorMemory() {}

    private static VarHandle field(String name) {
        try {
            return MethodHandles.privateLookupIn(DuckDBWritableVector.class, MethodHandles.lookup())
                    .findVarHandle(DuckDBWritableVector.class, name, ByteBuffer.class);
        } catch (ReflectiveOperationException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether this driver's vectors can be written directly (else the public setters are used). */
    static boolean direct() {
        return DATA != null && VALIDITY != null;
    }

    /** Rows {@code 0..n-1} of a BIGINT vector; {@code nulls} may be null (no nulls). */
    static void putLongs(DuckDBWritableVector vector, long[] values, boolean[] nulls, int n) {
        putLongs(vector, values, nulls, n, direct());
    }

    /** As {@link #putLongs(DuckDBWritableVector, long[], boolean[], int)}, through the setters unless {@code direct}. */
    static void putLongs(DuckDBWritableVector vector, long[] values, boolean[] nulls, int n, boolean direct) {
        ByteBuffer data = direct ? data(vector, DuckDBColumnType.BIGINT, n * (long) Long.BYTES) : null;
        if (data == null) {
            for (int r = 0; r < n; r++) {
                if (nulls != null && nulls[r]) {
                    vector.setNull(r);
                } else {
                    vector.setLong(r, values[r]);
                }
            }
            return;
        }
        data.asLongBuffer().put(0, values, 0, n);
        markValid(vector, nulls, n);
    }

    /** Rows {@code 0..n-1} of a DATE vector from days since 1970-01-01; {@code nulls} may be null. */
    static void putDays(DuckDBWritableVector vector, long[] days, boolean[] nulls, int n) {
        putDays(vector, days, nulls, n, direct());
    }

    /** As {@link #putDays(DuckDBWritableVector, long[], boolean[], int)}, through the setters unless {@code direct}. */
    static void putDays(DuckDBWritableVector vector, long[] days, boolean[] nulls, int n, boolean direct) {
        ByteBuffer data = direct ? data(vector, DuckDBColumnType.DATE, n * (long) Integer.BYTES) : null;
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
        if (data != null) {
            markValid(vector, nulls, n);
        }
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
        long validityBytes = (vector.rowCount() + 63) / 64 * Long.BYTES;
        return data != null && data.capacity() >= bytes && validity != null && validity.capacity() >= validityBytes
                ? data
                : null;
    }
}
