package dev.dbx.store.elasticsearch;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.dataset.TpchSchema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the denormalized order documents by a streaming merge of the orders and lineitem streams (both sorted by
 * order key, as the TPC-H generator yields them): each order with its line items nested under {@code lineitems}
 * (without {@code l_orderkey}, which is the order's key) and its customer's name, segment, nation and region under
 * {@code customer}. Only one batch of orders is in memory at a time.
 */
final class OrderDocuments {
    static final int BATCH = 1_000;

    private static final Entity ORDERS = TpchSchema.ORDERS;
    private static final Entity LINEITEM = TpchSchema.LINEITEM;
    private static final int ORDER_KEY = ORDERS.indexOf("o_orderkey");
    private static final int CUSTOMER_KEY = ORDERS.indexOf("o_custkey");
    private static final int LINE_ORDER_KEY = LINEITEM.indexOf("l_orderkey");

    private record Order(Object[] row, List<Object[]> lines) {}

    private final RowStream orders;
    private final RowStream lines;
    private final CustomerLookup customers;
    private final BulkWriter writer;
    private Object[] nextLine;
    private long previousOrder = Long.MIN_VALUE;

    /**
     * @param lines the line items, or null when only orders are loaded (their documents then hold no line items)
     */
    OrderDocuments(RowStream orders, RowStream lines, CustomerLookup customers, BulkWriter writer) {
        this.orders = orders;
        this.lines = lines;
        this.customers = customers;
        this.writer = writer;
    }

    void load() {
        nextLine = nextLine();
        List<Order> batch = new ArrayList<>(BATCH);
        while (orders.hasNext()) {
            batch.add(nextOrder());
            if (batch.size() == BATCH) {
                write(batch);
                batch.clear();
            }
        }
        write(batch);
        if (nextLine != null) {
            throw orphan(nextLine);
        }
    }

    private Order nextOrder() {
        Object[] order = orders.next();
        long key = (Long) order[ORDER_KEY];
        if (key <= previousOrder) {
            throw new DbxException(
                    "orders came out of order (" + key + " after " + previousOrder + ")",
                    "line items are embedded by a merge that needs orders sorted by o_orderkey");
        }
        previousOrder = key;
        List<Object[]> items = new ArrayList<>(7);
        while (nextLine != null && lineOrder(nextLine) <= key) {
            if (lineOrder(nextLine) < key) {
                throw orphan(nextLine);
            }
            items.add(nextLine);
            nextLine = nextLine();
        }
        return new Order(order, items);
    }

    private void write(List<Order> batch) {
        Set<Long> keys = new LinkedHashSet<>();
        for (Order order : batch) {
            Object custkey = order.row()[CUSTOMER_KEY];
            if (custkey != null) {
                keys.add((Long) custkey);
            }
        }
        Map<Long, CustomerLookup.Customer> found = customers.find(keys);
        for (Order order : batch) {
            CustomerLookup.Customer customer = found.get((Long) order.row()[CUSTOMER_KEY]);
            writer.add(DocumentCodec.id(ORDERS, order.row()), g -> {
                DocumentCodec.writeFields(g, ORDERS, order.row(), null);
                if (customer != null) {
                    customer.write(g);
                }
                g.writeArrayFieldStart(IndexLayout.LINEITEMS_IN_ORDERS.path());
                for (Object[] line : order.lines()) {
                    DocumentCodec.writeEmbedded(g, LINEITEM, line, IndexLayout.LINEITEMS_IN_ORDERS);
                }
                g.writeEndArray();
            });
        }
    }

    private Object[] nextLine() {
        return lines != null && lines.hasNext() ? lines.next() : null;
    }

    private static long lineOrder(Object[] line) {
        return (Long) line[LINE_ORDER_KEY];
    }

    private DbxException orphan(Object[] line) {
        return new DbxException(
                "line item of order " + lineOrder(line) + " has no order to be embedded in (after order "
                        + previousOrder + ")",
                "every line item needs its order, and both streams must be sorted by order key");
    }
}
