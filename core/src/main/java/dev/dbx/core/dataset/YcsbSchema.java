package dev.dbx.core.dataset;

import java.util.ArrayList;
import java.util.List;

/** YCSB's {@code usertable}: a key and ten fields of 100 bytes (YCSB's defaults). */
public final class YcsbSchema {
    public static final String TABLE = "usertable";
    public static final String KEY = "ycsb_key";
    public static final int FIELD_COUNT = 10;
    public static final int FIELD_LENGTH = 100;
    public static final List<String> FIELDS = fieldNames();

    public static final Entity USERTABLE = new Entity(TABLE, columns(), List.of(KEY), List.of());
    public static final Dataset DATASET = new Dataset("ycsb", List.of(USERTABLE));

    private YcsbSchema() {}

    private static List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < FIELD_COUNT; i++) {
            names.add("field" + i);
        }
        return List.copyOf(names);
    }

    private static List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.varchar(KEY, 64));
        for (String field : fieldNames()) {
            columns.add(Column.varchar(field, FIELD_LENGTH));
        }
        return columns;
    }
}
