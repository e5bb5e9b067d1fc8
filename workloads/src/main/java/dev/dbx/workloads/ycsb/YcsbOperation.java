package dev.dbx.workloads.ycsb;

/** The operations of YCSB's CoreWorkload, named as its reports name them (in lower case). */
public enum YcsbOperation {
    READ("read"),
    UPDATE("update"),
    INSERT("insert"),
    SCAN("scan"),
    READ_MODIFY_WRITE("read-modify-write");

    private final String label;

    YcsbOperation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
