package dev.dbx.store.testkit;

import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.ForeignKey;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.sync.Change;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Changes of every TPC-H entity over the generator's rows, in two batches, and the rows a store must hold after them:
 * updates of every non-key column (a customer moving to another nation included, so embedded copies must follow), new
 * rows (a line item added to an existing order; a new order whose line items come before the order's own row), deletes
 * by key only (a line item; an order with its line items; an offer; rows inserted in the first batch), two changes of
 * one key in one batch (the last wins), an upsert then a delete of one key and a delete then an upsert of another.
 */
public final class ChangeScript {
    static final long NEW_KEY = 9_000_000L;
    static final long NEW_ORDER = 9_000_001L;

    private final DatasetSource base;
    private final Map<String, Map<List<Object>, Object[]>> finalState = new LinkedHashMap<>();
    private final List<Change> first = new ArrayList<>();
    private final List<Change> second = new ArrayList<>();

    public ChangeScript(DatasetSource base) {
        this.base = base;
        Dataset dataset = base.dataset();
        Entity lineitem = TpchSchema.LINEITEM;
        Entity orders = TpchSchema.ORDERS;
        for (Entity entity : dataset.entities()) {
            List<Object[]> rows = firstRows(entity, 3);
            Object[] updated = changed(entity, rows.get(0), 1);
            first.add(Change.upsert(entity, updated));
            Object[] inserted = entity == TpchSchema.PARTSUPP ? newOffer(rows) : withNewKey(entity, rows.get(1));
            first.add(Change.upsert(entity, inserted));
            // the last of two changes of one key in one batch wins
            second.add(Change.upsert(entity, changed(entity, rows.get(0), 5)));
            second.add(Change.upsert(entity, changed(entity, rows.get(0), 2)));
            boolean leaf = entity == lineitem || entity == TpchSchema.PARTSUPP;
            if (leaf) {
                second.add(Change.delete(entity, key(entity, rows.get(2))));
            } else if (entity != orders) {
                // the row the first batch inserted goes again (a delete of a row the store did not load)
                second.add(Change.delete(entity, key(entity, inserted)));
            }
        }
        // a new order whose line items come before the order's own row
        Object[] template = firstRows(orders, 1).get(0);
        Object[] newOrder = template.clone();
        newOrder[orders.indexOf("o_orderkey")] = NEW_ORDER;
        Object[] lineTemplate = firstRows(lineitem, 1).get(0);
        for (long line = 1; line <= 2; line++) {
            Object[] item = lineTemplate.clone();
            item[lineitem.indexOf("l_orderkey")] = NEW_ORDER;
            item[lineitem.indexOf("l_linenumber")] = line;
            first.add(Change.upsert(lineitem, item));
        }
        first.add(Change.upsert(orders, newOrder));
        // an order deleted with its line items (line items first, as the source's foreign key makes them)
        Object[] gone = firstRows(orders, 3).get(2);
        Object goneKey = gone[orders.indexOf("o_orderkey")];
        try (RowStream items = base.rows(lineitem)) {
            while (items.hasNext()) {
                Object[] item = items.next();
                if (item[lineitem.indexOf("l_orderkey")].equals(goneKey)) {
                    second.add(Change.delete(lineitem, key(lineitem, item)));
                }
            }
        }
        second.add(Change.delete(orders, List.of(goneKey)));
        // an upsert then a delete of one new key: absent; a delete then an upsert of a loaded row: present, changed
        Entity customer = TpchSchema.CUSTOMER;
        Object[] brief = withNewKey(customer, firstRows(customer, 2).get(1));
        brief[customer.indexOf("c_custkey")] = NEW_KEY + 7;
        second.add(Change.upsert(customer, brief));
        second.add(Change.delete(customer, key(customer, brief)));
        Entity region = TpchSchema.REGION;
        Object[] back = changed(region, firstRows(region, 2).get(1), 3);
        second.add(Change.delete(region, key(region, back)));
        second.add(Change.upsert(region, back));
        for (Change change : first) {
            record(change);
        }
        for (Change change : second) {
            record(change);
        }
    }

    /** Updates and inserts. */
    public List<Change> first() {
        return first;
    }

    /** More updates, and deletes. */
    public List<Change> second() {
        return second;
    }

    /** The rows a store holds after both batches: the generator's, with the changes applied. */
    public DatasetSource expected() {
        return new DatasetSource() {
            @Override
            public Dataset dataset() {
                return base.dataset();
            }

            @Override
            public long rowCount(Entity entity) {
                return -1;
            }

            @Override
            public String description() {
                return base.description() + " with the change script applied";
            }

            @Override
            public RowStream rows(Entity entity) {
                return overlay(entity);
            }
        };
    }

    private void record(Change change) {
        Map<List<Object>, Object[]> state =
                finalState.computeIfAbsent(change.entity().name(), n -> new LinkedHashMap<>());
        state.put(change.key(), change.isDelete() ? null : change.row());
    }

    private RowStream overlay(Entity entity) {
        Map<List<Object>, Object[]> changes = new HashMap<>(finalState.getOrDefault(entity.name(), Map.of()));
        RowStream rows = base.rows(entity);
        Iterator<List<Object>> added = new ArrayList<>(changes.entrySet().stream()
                        .filter(e -> e.getValue() != null)
                        .map(Map.Entry::getKey)
                        .toList())
                .iterator();
        return new RowStream() {
            private Object[] next;
            private boolean tail;

            @Override
            public boolean hasNext() {
                while (next == null) {
                    if (!tail && rows.hasNext()) {
                        Object[] row = rows.next();
                        List<Object> key = key(entity, row);
                        if (changes.containsKey(key)) {
                            next = changes.remove(key);
                        } else {
                            next = row;
                        }
                    } else {
                        tail = true;
                        if (!added.hasNext()) {
                            return false;
                        }
                        next = changes.remove(added.next());
                    }
                }
                return true;
            }

            @Override
            public Object[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object[] row = next;
                next = null;
                return row;
            }

            @Override
            public void close() {
                rows.close();
            }
        };
    }

    private List<Object[]> firstRows(Entity entity, int n) {
        List<Object[]> rows = new ArrayList<>();
        try (RowStream stream = base.rows(entity)) {
            while (rows.size() < n && stream.hasNext()) {
                rows.add(stream.next().clone());
            }
        }
        return rows;
    }

    static List<Object> key(Entity entity, Object[] row) {
        List<Object> key = new ArrayList<>();
        for (int i : entity.primaryKeyIndexes()) {
            key.add(row[i]);
        }
        return key;
    }

    /**
     * An offer of the first part from a supplier that has none for it (a real supplier: a graph model links the two).
     * The generator gives a part's four offers first.
     */
    private Object[] newOffer(List<Object[]> rows) {
        Entity partsupp = TpchSchema.PARTSUPP;
        List<Object[]> offers = firstRows(partsupp, 4);
        java.util.Set<Object> suppliers = new java.util.HashSet<>();
        for (Object[] offer : offers) {
            suppliers.add(offer[partsupp.indexOf("ps_suppkey")]);
        }
        Object[] out = rows.get(1).clone();
        long supplier = 1;
        while (suppliers.contains(supplier)) {
            supplier++;
        }
        out[partsupp.indexOf("ps_partkey")] = offers.get(0)[partsupp.indexOf("ps_partkey")];
        out[partsupp.indexOf("ps_suppkey")] = supplier;
        return out;
    }

    /** {@code row} with a key no loaded row has: a new line number, supplier or entity key. */
    private static Object[] withNewKey(Entity entity, Object[] row) {
        Object[] out = row.clone();
        List<String> key = entity.primaryKey();
        String last = key.get(key.size() - 1);
        // composite keys keep their parent (the order, the part) and take a new last part
        out[entity.indexOf(last)] = entity == TpchSchema.LINEITEM ? 8L : NEW_KEY;
        return out;
    }

    /** {@code row} with every column outside the key changed; references move to another nation or region. */
    private static Object[] changed(Entity entity, Object[] row, int step) {
        Object[] out = row.clone();
        Map<String, String> references = new HashMap<>();
        for (ForeignKey reference : entity.foreignKeys()) {
            if (reference.columns().size() == 1) {
                references.put(reference.columns().get(0), reference.entity());
            }
        }
        for (int i = 0; i < out.length; i++) {
            Column column = entity.columns().get(i);
            if (entity.primaryKey().contains(column.name()) || out[i] == null) {
                continue;
            }
            String target = references.get(column.name());
            if (target != null) {
                if (target.equals("nation")) {
                    out[i] = ((Long) out[i] + step) % 25;
                } else if (target.equals("region")) {
                    out[i] = ((Long) out[i] + step) % 5;
                }
                continue;
            }
            out[i] = switch (column.type()) {
                case INTEGER -> (Long) out[i] + step;
                case DECIMAL -> ((BigDecimal) out[i]).add(BigDecimal.valueOf(step));
                case DATE -> ((LocalDate) out[i]).plusDays(step);
                case VARCHAR -> changedText((String) out[i], step);
            };
        }
        return out;
    }

    private static String changedText(String text, int step) {
        char mark = (char) ('P' + step);
        return text.isEmpty() ? String.valueOf(mark) : mark + text.substring(1);
    }

    @Override
    public String toString() {
        return "first " + first + ", second " + second;
    }
}
