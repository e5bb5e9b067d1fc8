package dev.dbx.core.capability;

import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.store.Capability;
import dev.dbx.core.sync.Change;
import java.util.List;

/**
 * Applies changes of the source's rows to the store's own model of a dataset, the way a Kafka Connect sink connector
 * does: keyed and idempotent, so a batch applied again after a crash (Kafka delivers at least once) leaves the store as
 * applying it once did.
 *
 * <ul>
 *   <li>An upsert makes the row with that key exactly the change's row, whether or not it was there; a delete removes
 *       it and does nothing when it is absent.
 *   <li>Changes of one key are applied in the batch's order (the last one wins); changes of different keys may be
 *       applied in any order, or together.
 *   <li>A row embedded in another record (a line item inside its order document) is replaced or removed inside that
 *       record, which is created when it is not there yet: the line item may arrive before its order's own row. Copies
 *       the model keeps of a row elsewhere (a customer's nation inside its orders) follow the change.
 *   <li>When {@link #apply} returns, the store has every write of the batch (as durably as its settings say: the
 *       caller commits its Kafka offsets after that, never before). When it throws, none, some or all of the batch may
 *       be applied: the caller applies the batch again, which idempotence makes safe.
 * </ul>
 *
 * <p>The dataset's schema must exist (a full sync or {@code dbx load} created it).
 */
public interface Sink extends Capability {
    void apply(Dataset dataset, List<Change> changes);

    /**
     * How the store applies changes, for reports: e.g. "INSERT ... ON CONFLICT DO UPDATE, DELETE by key, one
     * transaction per batch".
     */
    String method();
}
