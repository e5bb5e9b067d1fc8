package dev.dbx.store.postgres;

import dev.dbx.core.capability.NewOrder;
import dev.dbx.core.capability.OrderChange;
import dev.dbx.core.capability.OrderEntrySession;
import dev.dbx.store.jdbc.SqlErrors;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * One thread's order entry on PostgreSQL: one connection out of autocommit, every statement prepared when the session
 * opens; each call binds, executes and commits, or rolls back and throws. A new order's lines go in one statement
 * (arrays bound as parameters and unnested), not one per line.
 */
final class PostgresOrderEntrySession implements OrderEntrySession {
    private final String storeId;
    private final Connection connection;
    private final PreparedStatement findOrder;
    private final PreparedStatement newOrder;
    private final PreparedStatement newLines;
    private final PreparedStatement updateOrder;
    private final PreparedStatement changeLine;
    private final PreparedStatement changeCustomer;
    private final PreparedStatement cancelLines;
    private final PreparedStatement cancelOrder;
    private final PreparedStatement deleteLines;
    private final PreparedStatement deleteOrder;

    PostgresOrderEntrySession(String storeId, Connection connection) {
        this.storeId = storeId;
        this.connection = connection;
        try {
            connection.setAutoCommit(false);
            findOrder = prepare("find-order");
            newOrder = prepare("new-order");
            newLines = prepare("new-lines");
            updateOrder = prepare("update-order");
            changeLine = prepare("change-line");
            changeCustomer = prepare("change-customer");
            cancelLines = prepare("cancel-lines");
            cancelOrder = prepare("cancel-order");
            deleteLines = prepare("delete-lines");
            deleteOrder = prepare("delete-order");
        } catch (SQLException e) {
            closeConnection();
            throw SqlErrors.of(storeId, "preparing order entry's statements", e);
        }
    }

    private PreparedStatement prepare(String name) throws SQLException {
        return connection.prepareStatement(PostgresOrderEntry.statement(name));
    }

    @Override
    public OrderChange newOrder(NewOrder order) {
        try {
            List<NewOrder.Line> lines = order.lines();
            int n = lines.size();
            Long[] parts = new Long[n];
            Integer[] suppliers = new Integer[n];
            Integer[] quantities = new Integer[n];
            BigDecimal[] discounts = new BigDecimal[n];
            BigDecimal[] taxes = new BigDecimal[n];
            Integer[] shipDays = new Integer[n];
            String[] modes = new String[n];
            String[] instructions = new String[n];
            String[] comments = new String[n];
            for (int i = 0; i < n; i++) {
                NewOrder.Line l = lines.get(i);
                parts[i] = l.part();
                suppliers[i] = l.supplier();
                quantities[i] = l.quantity();
                discounts[i] = l.discount();
                taxes[i] = l.tax();
                shipDays[i] = l.shipDays();
                modes[i] = l.shipMode();
                instructions[i] = l.shipInstruct();
                comments[i] = l.comment();
            }
            Date orderDate = Date.valueOf(order.orderDate());
            newOrder.setLong(1, order.customer());
            newOrder.setArray(2, connection.createArrayOf("int8", parts));
            newOrder.setArray(3, connection.createArrayOf("int4", quantities));
            newOrder.setArray(4, connection.createArrayOf("numeric", discounts));
            newOrder.setArray(5, connection.createArrayOf("numeric", taxes));
            newOrder.setDate(6, orderDate);
            newOrder.setString(7, order.priority());
            newOrder.setString(8, order.clerk());
            newOrder.setString(9, order.comment());
            long key;
            try (ResultSet rs = newOrder.executeQuery()) {
                rs.next();
                key = rs.getLong(1);
            }
            newLines.setLong(1, key);
            newLines.setDate(2, orderDate);
            newLines.setArray(3, connection.createArrayOf("int8", parts));
            newLines.setArray(4, connection.createArrayOf("int4", suppliers));
            newLines.setArray(5, connection.createArrayOf("int4", quantities));
            newLines.setArray(6, connection.createArrayOf("numeric", discounts));
            newLines.setArray(7, connection.createArrayOf("numeric", taxes));
            newLines.setArray(8, connection.createArrayOf("int4", shipDays));
            newLines.setArray(9, connection.createArrayOf("text", modes));
            newLines.setArray(10, connection.createArrayOf("text", instructions));
            newLines.setArray(11, connection.createArrayOf("text", comments));
            int inserted = newLines.executeUpdate();
            connection.commit();
            return new OrderChange(key, 1, inserted);
        } catch (SQLException e) {
            throw failed("new order", e);
        }
    }

    @Override
    public OrderChange updateOrder(long orderKey, String status, String priority) {
        try {
            long key = find(orderKey);
            if (key == 0) {
                return none();
            }
            updateOrder.setString(1, status);
            updateOrder.setString(2, priority);
            updateOrder.setLong(3, key);
            updateOrder.setLong(4, key);
            int updated = updateOrder.executeUpdate();
            connection.commit();
            return new OrderChange(key, updated, 0);
        } catch (SQLException e) {
            throw failed("update of order " + orderKey, e);
        }
    }

    @Override
    public OrderChange changeLine(long orderKey, int line, int quantity, BigDecimal discount) {
        try {
            long key = find(orderKey);
            if (key == 0) {
                return none();
            }
            changeLine.setInt(1, quantity);
            changeLine.setBigDecimal(2, discount);
            changeLine.setInt(3, quantity);
            changeLine.setLong(4, key);
            changeLine.setInt(5, line);
            changeLine.setLong(6, key);
            int updated = changeLine.executeUpdate();
            connection.commit();
            return new OrderChange(key, 0, updated);
        } catch (SQLException e) {
            throw failed("change of a line of order " + orderKey, e);
        }
    }

    @Override
    public boolean changeCustomer(
            long customer, String address, String phoneLocal, BigDecimal balance, String segment, Integer nation) {
        try {
            changeCustomer.setString(1, address);
            changeCustomer.setBigDecimal(2, balance);
            changeCustomer.setString(3, segment);
            if (nation == null) {
                changeCustomer.setNull(4, Types.INTEGER);
                changeCustomer.setNull(5, Types.INTEGER);
            } else {
                changeCustomer.setInt(4, nation);
                changeCustomer.setInt(5, nation);
            }
            changeCustomer.setString(6, phoneLocal);
            changeCustomer.setLong(7, customer);
            int updated = changeCustomer.executeUpdate();
            connection.commit();
            return updated > 0;
        } catch (SQLException e) {
            throw failed("change of customer " + customer, e);
        }
    }

    @Override
    public OrderChange cancelOrder(long orderKey) {
        try {
            long key = find(orderKey);
            if (key == 0) {
                return none();
            }
            cancelLines.setLong(1, key);
            int lines = cancelLines.executeUpdate();
            cancelOrder.setLong(1, key);
            int orders = cancelOrder.executeUpdate();
            connection.commit();
            return new OrderChange(key, orders, lines);
        } catch (SQLException e) {
            throw failed("cancellation of order " + orderKey, e);
        }
    }

    @Override
    public OrderChange deleteOrder(long orderKey) {
        try {
            long key = find(orderKey);
            if (key == 0) {
                return none();
            }
            deleteLines.setLong(1, key);
            int lines = deleteLines.executeUpdate();
            deleteOrder.setLong(1, key);
            int orders = deleteOrder.executeUpdate();
            connection.commit();
            return new OrderChange(key, orders, lines);
        } catch (SQLException e) {
            throw failed("delete of order " + orderKey, e);
        }
    }

    /** The first order at or above {@code orderKey}, locked until the transaction ends; 0 when there is none. */
    private long find(long orderKey) throws SQLException {
        findOrder.setLong(1, orderKey);
        try (ResultSet rs = findOrder.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Nothing to work on: the transaction (a lookup only) ends. */
    private OrderChange none() throws SQLException {
        connection.commit();
        return OrderChange.NONE;
    }

    /** Rolls back what the transaction did, so the next call starts clean; the failure as a clear error. */
    private RuntimeException failed(String doing, SQLException e) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // a connection that cannot roll back is broken: the next call fails and says so
        }
        return SqlErrors.of(storeId, doing, e);
    }

    @Override
    public void close() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // nothing uncommitted is left by a call; the pool resets the connection anyway
        }
        closeConnection();
    }

    private void closeConnection() {
        try {
            connection.setAutoCommit(true);
            connection.close();
        } catch (SQLException e) {
            throw SqlErrors.of(storeId, "closing an order entry session", e);
        }
    }
}
