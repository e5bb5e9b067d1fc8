package dev.dbx.workloads.churn;

import dev.dbx.core.capability.NewOrder;
import dev.dbx.core.capability.OrderChange;
import dev.dbx.core.capability.OrderEntryData;
import dev.dbx.core.capability.OrderEntrySession;
import dev.dbx.workloads.runner.Worker;
import dev.dbx.workloads.runner.WrongAnswer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One thread of the churn workload: draws the next operation and its values (in TPC-H's domains), performs it through
 * its order-entry session, counts the rows it changed, and checks what the store says it did: a new order that did not
 * get every line, or an order found (and locked) that then was not changed, is a {@link WrongAnswer}.
 */
final class ChurnWorker implements Worker {
    static final String[] STATUSES = {"O", "F", "P"};
    static final String[] PRIORITIES = {"1-URGENT", "2-HIGH", "3-MEDIUM", "4-NOT SPECIFIED", "5-LOW"};
    static final String[] SEGMENTS = {"AUTOMOBILE", "BUILDING", "FURNITURE", "HOUSEHOLD", "MACHINERY"};
    static final String[] SHIP_MODES = {"REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB"};
    static final String[] SHIP_INSTRUCTIONS = {"DELIVER IN PERSON", "COLLECT COD", "NONE", "TAKE BACK RETURN"};
    /** TPC-H's order dates: 1992-01-01 to 151 days before 1998-12-31. */
    static final LocalDate FIRST_ORDER_DATE = LocalDate.of(1992, 1, 1);

    static final int ORDER_DAYS = (int) (LocalDate.of(1998, 12, 31).toEpochDay() - 151 - FIRST_ORDER_DATE.toEpochDay());

    private static final ChurnOperation[] OPERATIONS = ChurnOperation.values();
    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final OrderEntrySession session;
    private final OrderEntryData data;
    private final OrderKeys keys;
    private final ChangeCounts changes;
    private final SplittableRandom random;
    private final int[] cumulative = new int[OPERATIONS.length];

    // the operation chosen, with its values
    private long orderKey;
    private NewOrder newOrder;

    ChurnWorker(
            OrderEntrySession session,
            OrderEntryData data,
            OrderKeys keys,
            ChangeCounts changes,
            SplittableRandom random) {
        this.session = session;
        this.data = data;
        this.keys = keys;
        this.changes = changes;
        this.random = random;
        int sum = 0;
        for (int i = 0; i < OPERATIONS.length; i++) {
            sum += OPERATIONS[i].percent();
            cumulative[i] = sum;
        }
    }

    @Override
    public int choose() {
        int u = random.nextInt(cumulative[cumulative.length - 1]);
        int op = 0;
        while (u >= cumulative[op]) {
            op++;
        }
        if (OPERATIONS[op] == ChurnOperation.NEW_ORDER) {
            newOrder = newOrder();
        } else if (OPERATIONS[op] != ChurnOperation.CHANGE_CUSTOMER) {
            orderKey = keys.draw(random);
        }
        return op;
    }

    @Override
    public void perform(int operation) throws WrongAnswer {
        ChurnOperation op = OPERATIONS[operation];
        switch (op) {
            case NEW_ORDER -> {
                OrderChange c = session.newOrder(newOrder);
                changes.add(op, c);
                keys.entered(c.orderKey());
                if (c.orders() != 1 || c.lines() != newOrder.lines().size()) {
                    throw new WrongAnswer("new order " + c.orderKey() + " with "
                            + newOrder.lines().size() + " lines: " + c.orders() + " order and " + c.lines()
                            + " lines inserted");
                }
            }
            case UPDATE_ORDER ->
                counted(op, session.updateOrder(orderKey, pick(STATUSES), pick(PRIORITIES)), true, false);
            case CHANGE_LINE ->
                counted(op, session.changeLine(orderKey, random.nextInt(7), quantity(), hundredths(10)), false, true);
            case CANCEL_ORDER -> counted(op, session.cancelOrder(orderKey), true, true);
            case DELETE_ORDER -> counted(op, session.deleteOrder(orderKey), true, true);
            case CHANGE_CUSTOMER -> {
                long customer = 1 + random.nextLong(data.customers());
                boolean changed = session.changeCustomer(
                        customer,
                        text(10, 40),
                        String.format(
                                java.util.Locale.ROOT,
                                "%03d-%03d-%04d",
                                100 + random.nextInt(900),
                                100 + random.nextInt(900),
                                1000 + random.nextInt(9000)),
                        BigDecimal.valueOf(random.nextLong(-99_999, 1_000_000), 2),
                        pick(SEGMENTS),
                        random.nextInt(5) == 0 ? random.nextInt(data.nations()) : null);
                changes.add("customer", ChangeCounts.Kind.UPDATED, changed ? 1 : 0);
                if (!changed) {
                    throw new WrongAnswer("customer " + customer + " (of 1.." + data.customers() + ") not found");
                }
            }
        }
    }

    /**
     * Counts an operation on an existing order. When one was found (and locked), its order row, and for cancel and
     * delete its lines, must have been changed.
     */
    private void counted(ChurnOperation op, OrderChange c, boolean orderRow, boolean lines) throws WrongAnswer {
        changes.add(op, c);
        if (c.orderKey() == 0) {
            return; // no order at or above the key drawn: nothing to do
        }
        if ((orderRow && c.orders() != 1) || (lines && c.lines() == 0)) {
            throw new WrongAnswer(op.label() + " of order " + c.orderKey() + ": " + c.orders() + " order rows and "
                    + c.lines() + " lines changed");
        }
    }

    /** An order in TPC-H's domains: a customer who orders (TPC-H leaves every third without orders), 1 to 7 lines. */
    private NewOrder newOrder() {
        long customer = 1 + random.nextLong(data.customers());
        if (customer % 3 == 0) {
            customer--;
        }
        int count = 1 + random.nextInt(7);
        List<NewOrder.Line> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(new NewOrder.Line(
                    1 + random.nextLong(data.parts()),
                    random.nextInt(4),
                    quantity(),
                    hundredths(10),
                    hundredths(8),
                    1 + random.nextInt(121),
                    pick(SHIP_MODES),
                    pick(SHIP_INSTRUCTIONS),
                    text(10, 43)));
        }
        return new NewOrder(
                customer,
                FIRST_ORDER_DATE.plusDays(random.nextInt(ORDER_DAYS + 1)),
                pick(PRIORITIES),
                String.format(java.util.Locale.ROOT, "Clerk#%09d", 1 + random.nextInt(1000)),
                "churn " + text(10, 70),
                lines);
    }

    private int quantity() {
        return 1 + random.nextInt(50);
    }

    /** 0.00 to max/100. */
    private BigDecimal hundredths(int max) {
        return BigDecimal.valueOf(random.nextInt(max + 1), 2);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private String text(int min, int max) {
        char[] c = new char[min + random.nextInt(max - min + 1)];
        for (int i = 0; i < c.length; i++) {
            c[i] = ALNUM.charAt(random.nextInt(ALNUM.length()));
        }
        return new String(c);
    }

    @Override
    public void close() {
        session.close();
    }
}
