package dev.dbx.core.capability;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An order to enter with its line items (TPC-H's columns; the store gives it its key, the lines' supplier, extended
 * price and the order's total price from the part's retail price).
 *
 * @param customer the ordering customer's key (must exist)
 * @param orderDate the order date; a line ships {@link Line#shipDays()} after it
 * @param priority TPC-H's o_orderpriority, e.g. "1-URGENT"
 * @param clerk TPC-H's o_clerk, e.g. "Clerk#000000042"
 * @param comment free text
 * @param lines 1 to 7 lines, numbered 1.. in this order
 */
public record NewOrder(
        long customer, LocalDate orderDate, String priority, String clerk, String comment, List<Line> lines) {
    public NewOrder {
        lines = List.copyOf(lines);
        if (lines.isEmpty() || lines.size() > 7) {
            throw new IllegalArgumentException("an order has 1 to 7 lines, not " + lines.size());
        }
    }

    /**
     * One line item.
     *
     * @param part the part's key (must exist)
     * @param supplier which of the part's suppliers (0..3, in supplier key order; TPC-H gives each part four)
     * @param quantity 1 to 50
     * @param discount 0.00 to 0.10
     * @param tax 0.00 to 0.08
     * @param shipDays days from the order date to shipping
     * @param shipMode TPC-H's l_shipmode, e.g. "AIR"
     * @param shipInstruct TPC-H's l_shipinstruct, e.g. "DELIVER IN PERSON"
     * @param comment free text
     */
    public record Line(
            long part,
            int supplier,
            int quantity,
            BigDecimal discount,
            BigDecimal tax,
            int shipDays,
            String shipMode,
            String shipInstruct,
            String comment) {}
}
