package dev.dbx.lab;

import dev.dbx.core.Failures;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.FieldSet;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.KeyValueSemantics;
import dev.dbx.core.capability.KeyValueSession;
import dev.dbx.core.dataset.YcsbSchema;
import dev.dbx.core.store.Store;
import java.time.Duration;
import java.util.Arrays;

/** One record written to a store's usertable and read back through its official client: the smallest proof it works. */
public final class RoundTrip {
    private RoundTrip() {}

    /**
     * What came back.
     *
     * @param server the identity the server reported, or null when it could not be reached
     * @param same whether the record read back equals the one written
     * @param readBack what was read back (all nulls when nothing was), or null when it failed
     * @param semantics what the store guarantees for the usertable, as it declared it, or null when it failed first
     * @param error why it failed, or null
     */
    public record Result(
            String store,
            String server,
            String key,
            boolean same,
            String[] readBack,
            Duration took,
            KeyValueSemantics semantics,
            String error) {}

    /** Writes, reads back and deletes one record with every field in {@code target}'s usertable. */
    public static Result check(Lab lab, StoreTarget target, String key) {
        long t0 = System.nanoTime();
        String server = null;
        String[] written = new String[YcsbSchema.FIELD_COUNT];
        for (int i = 0; i < written.length; i++) {
            written[i] = "hello from dbx, " + YcsbSchema.FIELDS.get(i);
        }
        try (Store store = lab.open(target)) {
            server = store.identity().toString();
            store.require(DatasetModel.class).create(YcsbSchema.DATASET);
            String[] back = new String[YcsbSchema.FIELD_COUNT];
            KeyValue keyValue = store.require(KeyValue.class);
            KeyValueSemantics semantics = keyValue.semantics();
            try (KeyValueSession session = keyValue.openSession()) {
                session.insert(key, written);
                session.read(key, FieldSet.all(), back);
                session.delete(key);
            }
            return new Result(
                    target.storeId(), server, key, Arrays.equals(back, written), back, since(t0), semantics, null);
        } catch (RuntimeException e) {
            return new Result(target.storeId(), server, key, false, null, since(t0), null, Failures.describe(e));
        }
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
