package dev.dbx.workloads.churn;

import dev.dbx.core.capability.OrderChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The rows a churn run changed, per entity and kind, as the server counted them in committed transactions (warm-up
 * included: every change is one a sync has to carry). A transaction that failed was rolled back and counts nothing.
 */
public final class ChangeCounts {
    /** The entities churn writes; the others (part, partsupp, supplier, nation, region) it only reads. */
    public static final List<String> ENTITIES = List.of("orders", "lineitem", "customer");

    public enum Kind {
        INSERTED,
        UPDATED,
        DELETED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final LongAdder[][] counts = new LongAdder[ENTITIES.size()][Kind.values().length];

    public ChangeCounts() {
        for (LongAdder[] row : counts) {
            for (int k = 0; k < row.length; k++) {
                row[k] = new LongAdder();
            }
        }
    }

    /** Counts what one committed operation changed. */
    void add(ChurnOperation operation, OrderChange change) {
        switch (operation) {
            case NEW_ORDER -> {
                add("orders", Kind.INSERTED, change.orders());
                add("lineitem", Kind.INSERTED, change.lines());
            }
            case UPDATE_ORDER, CHANGE_LINE, CANCEL_ORDER -> {
                add("orders", Kind.UPDATED, change.orders());
                add("lineitem", Kind.UPDATED, change.lines());
            }
            case DELETE_ORDER -> {
                add("orders", Kind.DELETED, change.orders());
                add("lineitem", Kind.DELETED, change.lines());
            }
            case CHANGE_CUSTOMER ->
                throw new IllegalArgumentException("a customer change is no order change: count it by entity");
        }
    }

    public void add(String entity, Kind kind, long rows) {
        counts[ENTITIES.indexOf(entity)][kind.ordinal()].add(rows);
    }

    public long get(String entity, Kind kind) {
        int e = ENTITIES.indexOf(entity);
        if (e < 0) {
            throw new IllegalArgumentException("churn does not write " + entity);
        }
        return counts[e][kind.ordinal()].sum();
    }

    /** Rows inserted minus rows deleted: how far the entity's row count moved. */
    public long net(String entity) {
        return get(entity, Kind.INSERTED) - get(entity, Kind.DELETED);
    }

    /** Every count as "orders.inserted" and so on, in a fixed order (for stored runs and JSON). */
    public Map<String, Long> asMap() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String entity : ENTITIES) {
            for (Kind kind : Kind.values()) {
                out.put(entity + "." + kind.label(), get(entity, kind));
            }
        }
        return out;
    }

    /**
     * Whether the row counts moved exactly as these changes say: for each entity, after = before + inserted - deleted.
     * Returns what does not add up (empty when all do); an entity missing from either map is a problem too.
     */
    public List<String> checkRowCounts(Map<String, Long> before, Map<String, Long> after) {
        List<String> problems = new ArrayList<>();
        for (String entity : ENTITIES) {
            Long b = before.get(entity);
            Long a = after.get(entity);
            if (b == null || a == null) {
                problems.add(entity + ": no row count " + (b == null ? "before" : "after") + " the run");
                continue;
            }
            long expected = b + net(entity);
            if (a != expected) {
                problems.add(entity + ": " + b + " rows before + " + get(entity, Kind.INSERTED) + " inserted - "
                        + get(entity, Kind.DELETED) + " deleted = " + expected + " expected, " + a + " found");
            }
        }
        return problems;
    }
}
