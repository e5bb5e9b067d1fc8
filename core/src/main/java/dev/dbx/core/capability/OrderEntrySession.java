package dev.dbx.core.capability;

import java.math.BigDecimal;

/**
 * One thread's order entry: not thread-safe, statements prepared once, every call one committed transaction (rolled
 * back, and a {@link dev.dbx.core.DbxException} thrown, when it fails: then nothing changed). Calls that work on an
 * existing order take a key and work on the first order whose key is at or above it (orders come and go while a run
 * goes on: the key drawn may be gone); they return {@link OrderChange#NONE} when there is none.
 */
public interface OrderEntrySession extends AutoCloseable {
    /** Inserts the order and its lines; the order's key is new (above every key in the table when it was prepared). */
    OrderChange newOrder(NewOrder order);

    /**
     * Sets the order's status (TPC-H's "O", "F" or "P") and priority, and its total price to what its lines add up to
     * (TPC-H's formula).
     */
    OrderChange updateOrder(long orderKey, String status, String priority);

    /**
     * Changes one line of the order: {@code line} is taken modulo its number of lines (1 based); its quantity and
     * discount are set and its extended price follows the quantity (quantity times the part's retail price).
     */
    OrderChange changeLine(long orderKey, int line, int quantity, BigDecimal discount);

    /**
     * Changes a customer's address, phone number (its country code follows the customer's nation, as in TPC-H),
     * account balance and market segment, and its nation when {@code nation} is not null. False when there is no such
     * customer.
     */
    boolean changeCustomer(
            long customer, String address, String phoneLocal, BigDecimal balance, String segment, Integer nation);

    /** Cancels the order: every line returned ("R") and finished ("F"), the order finished ("F"). */
    OrderChange cancelOrder(long orderKey);

    /** Deletes the order and its lines. */
    OrderChange deleteOrder(long orderKey);

    /** Gives the connection back. */
    @Override
    void close();
}
