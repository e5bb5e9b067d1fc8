package dev.dbx.sync.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The result of {@code dbx verify} for one dataset: every store, every entity, against a reference (a store, or the
 * dataset as generated).
 *
 * @param dataset the dataset compared
 * @param entities its entities, in order (every store's checks follow it, unless the store could not be read)
 * @param reference the reference's name: a store id, or {@link Verifier#GENERATED}
 * @param stores the reference first, then the others
 */
public record VerifyReport(String dataset, List<String> entities, String reference, List<StoreCheck> stores) {
    public VerifyReport {
        entities = List.copyOf(entities);
        stores = List.copyOf(stores);
    }

    /** Whether every store holds exactly the reference's data (false when the reference itself cannot be read). */
    public boolean equal() {
        return stores.stream().allMatch(StoreCheck::matches);
    }

    /** Why the reference could not be read, when it could not: then nothing was compared. */
    public Optional<String> referenceError() {
        StoreCheck ref = stores.get(0);
        if (ref.error() != null) {
            return Optional.of(ref.error());
        }
        return ref.entities().stream()
                .filter(e -> e.error() != null)
                .findFirst()
                .map(e -> e.entity() + ": " + e.error());
    }

    /** The check of {@code entity} in {@code store}, when the store could be read. */
    public Optional<EntityCheck> check(String store, String entity) {
        return stores.stream()
                .filter(s -> s.store().equals(store))
                .flatMap(s -> s.entities().stream())
                .filter(e -> e.entity().equals(entity))
                .findFirst();
    }

    /** One line per difference, for people: each names the store and the entity. */
    public List<String> differences() {
        List<String> out = new ArrayList<>();
        StoreCheck ref = stores.get(0);
        if (ref.error() != null) {
            out.add("the reference " + reference + " cannot be read (" + ref.error()
                    + "): no store was compared with it");
        }
        for (StoreCheck store : stores) {
            if (store == ref && ref.error() != null) {
                continue;
            }
            if (store.error() != null) {
                out.add(store.store() + ": " + store.error());
                continue;
            }
            for (int i = 0; i < store.entities().size(); i++) {
                EntityCheck e = store.entities().get(i);
                EntityCheck r = ref.error() == null ? ref.entities().get(i) : null;
                if (e.error() != null) {
                    out.add(store.store() + " " + e.entity() + ": " + e.error());
                } else if (r == null || r.error() != null) {
                    if (store != ref) {
                        out.add(store.store() + " " + e.entity() + ": not compared (the reference cannot be read)");
                    }
                } else if (!e.matches()) {
                    out.add(difference(store.store(), e, r));
                }
            }
        }
        return out;
    }

    private String difference(String store, EntityCheck e, EntityCheck r) {
        StringBuilder line = new StringBuilder(store + " " + e.entity() + ":");
        if (e.count() != r.count()) {
            long delta = e.count() - r.count();
            line.append(' ')
                    .append(e.count())
                    .append(" rows, ")
                    .append(reference)
                    .append(" has ")
                    .append(r.count())
                    .append(" (")
                    .append(delta > 0 ? "+" : "")
                    .append(delta)
                    .append(")");
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
        return line.toString();
    }
}
