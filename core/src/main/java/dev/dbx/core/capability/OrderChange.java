package dev.dbx.core.capability;

/**
 * What one order-entry transaction changed, as the server counted the rows: what sync verification expects to arrive.
 *
 * @param orderKey the order it worked on, or 0 when there was none to work on (nothing changed)
 * @param orders order rows inserted, updated or deleted (by the operation's kind)
 * @param lines line item rows inserted, updated or deleted (by the operation's kind)
 */
public record OrderChange(long orderKey, int orders, int lines) {
    public static final OrderChange NONE = new OrderChange(0, 0, 0);
}
