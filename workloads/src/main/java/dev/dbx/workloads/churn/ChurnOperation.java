package dev.dbx.workloads.churn;

/** The operations of the churn workload, each one transaction, with its share of the mix in percent. */
public enum ChurnOperation {
    /** An order and its 1 to 7 lines inserted. */
    NEW_ORDER("new-order", 40),
    /** An order's status and priority set, its total price recomputed from its lines. */
    UPDATE_ORDER("update-order", 25),
    /** One line's quantity and discount set, its extended price following. */
    CHANGE_LINE("change-line", 15),
    /** A customer's address, phone, balance and segment set, and in one change of five its nation. */
    CHANGE_CUSTOMER("change-customer", 10),
    /** Every line of an order returned and finished, the order finished. */
    CANCEL_ORDER("cancel-order", 5),
    /** An order and its lines deleted. */
    DELETE_ORDER("delete-order", 5);

    private final String label;
    private final int percent;

    ChurnOperation(String label, int percent) {
        this.label = label;
        this.percent = percent;
    }

    public String label() {
        return label;
    }

    public int percent() {
        return percent;
    }
}
