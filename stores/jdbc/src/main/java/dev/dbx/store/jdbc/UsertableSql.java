package dev.dbx.store.jdbc;

import static dev.dbx.core.dataset.YcsbSchema.KEY;
import static dev.dbx.core.dataset.YcsbSchema.TABLE;

import dev.dbx.core.capability.FieldSet;
import dev.dbx.core.dataset.YcsbSchema;
import java.util.stream.Collectors;

/**
 * The YCSB usertable's statements, the same in PostgreSQL, SQLite and DuckDB. Built once per operation and field choice
 * by a session (when it first prepares them), never per call. The key is parameter 1 (the last one in an UPDATE).
 */
public final class UsertableSql {
    private UsertableSql() {}

    /** Every field: {@code INSERT INTO usertable (ycsb_key, field0, ..., field9) VALUES (?, ?, ..., ?)}. */
    public static String insert() {
        return "INSERT INTO " + TABLE + " (" + KEY + ", " + String.join(", ", YcsbSchema.FIELDS) + ") VALUES (?"
                + ", ?".repeat(YcsbSchema.FIELD_COUNT) + ")";
    }

    /** The chosen fields of one record, in field order; with no field chosen, only its key (does it exist?). */
    public static String read(FieldSet fields) {
        return "SELECT " + columns(fields) + " FROM " + TABLE + " WHERE " + KEY + " = ?";
    }

    /** Sets the chosen fields (parameters 1..n, in field order), the key last. At least one field. */
    public static String update(FieldSet fields) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("an UPDATE sets at least one field");
        }
        return "UPDATE " + TABLE + " SET "
                + fields.names().stream().map(n -> n + " = ?").collect(Collectors.joining(", ")) + " WHERE " + KEY
                + " = ?";
    }

    public static String delete() {
        return "DELETE FROM " + TABLE + " WHERE " + KEY + " = ?";
    }

    /** The key and the chosen fields of up to {@code ?} records from key {@code ?} on, in key order. */
    public static String scan(FieldSet fields) {
        return "SELECT " + KEY + (fields.isEmpty() ? "" : ", " + String.join(", ", fields.names())) + " FROM " + TABLE
                + " WHERE " + KEY + " >= ? ORDER BY " + KEY + " LIMIT ?";
    }

    private static String columns(FieldSet fields) {
        return fields.isEmpty() ? KEY : String.join(", ", fields.names());
    }
}
