package dev.dbx.sync.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of {@code dbx verify} for one dataset: every store, every entity, against a reference store.
 *
 * @param dataset the dataset compared
 * @param reference the store the others are compared with
 * @param stores the reference first, then the others
 */
public record VerifyReport(String dataset, String reference, List<StoreCheck> stores) {
    public boolean equal() {
        return stores.stream().allMatch(StoreCheck::matches);
    }

    /** One line per difference, for people. */
    public List<String> differences() {
        List<String> out = new ArrayList<>();
        StoreCheck ref = stores.get(0);
        for (StoreCheck store : stores) {
            if (store.error() != null) {
                out.add(store.store() + ": " + store.error());
                continue;
            }
            for (int i = 0; i < store.entities().size(); i++) {
                EntityCheck e = store.entities().get(i);
                EntityCheck r = ref.entities().get(i);
                if (e.error() != null) {
                    out.add(store.store() + " " + e.entity() + ": " + e.error());
                } else if (!e.matches()) {
                    StringBuilder line = new StringBuilder(store.store() + " " + e.entity() + ":");
                    if (e.count() != r.count()) {
                        line.append(" ")
                                .append(e.count())
                                .append(" rows, ")
                                .append(reference)
                                .append(" has ")
                                .append(r.count());
                    } else {
                        line.append(" same row count (")
                                .append(e.count())
                                .append(") but different values: checksum ")
                                .append(e.checksum())
                                .append(", ")
                                .append(reference)
                                .append(" has ")
                                .append(r.checksum());
                    }
                    out.add(line.toString());
                }
            }
        }
        return out;
    }
}
