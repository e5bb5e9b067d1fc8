package dev.dbx.store.neo4j;

import dev.dbx.core.Identifiers;
import dev.dbx.core.capability.FieldSet;
import dev.dbx.core.dataset.YcsbSchema;

/**
 * The usertable's Cypher for one session: a text per operation and per choice of fields ({@link FieldSet#mask()}),
 * each built the first time it is needed and then reused, so no call builds query text and the server plans each text
 * once. Fields are named in the text from the schema's own list (never from a caller) and their values travel as
 * parameters named like them ({@code $field3}); the key is {@code $key}. Not thread-safe: one per session.
 */
final class UserStatements {
    private static final int CHOICES = 1 << YcsbSchema.FIELD_COUNT;
    private static final String KEY = Identifiers.require("key property", YcsbSchema.KEY);

    private final String label;
    private final String byKey;
    private final String insert;
    private final String delete;
    private final String[] reads = new String[CHOICES];
    private final String[] updates = new String[CHOICES];
    private final String[] scans = new String[CHOICES];

    UserStatements(String label) {
        this.label = Identifiers.require("label", label);
        this.byKey = "MATCH (u:" + label + " {" + KEY + ": $key}) ";
        this.insert = insertStatement(label);
        this.delete = byKey + "DETACH DELETE u";
    }

    /** Creates the node with its key and every field; the key's uniqueness constraint refuses a second one. */
    String insert() {
        return insert;
    }

    /** Deletes the node with the key (the summary counts the nodes deleted). */
    String delete() {
        return delete;
    }

    /** Returns the chosen fields of the node with the key, in field order; no record when there is none. */
    String read(FieldSet fields) {
        String s = reads[fields.mask()];
        if (s == null) {
            s = byKey + "RETURN " + (fields.isEmpty() ? "true AS found" : columns(fields));
            reads[fields.mask()] = s;
        }
        return s;
    }

    /** Sets the chosen fields of the node with the key, in one statement; a record only when the node exists. */
    String update(FieldSet fields) {
        String s = updates[fields.mask()];
        if (s == null) {
            StringBuilder b = new StringBuilder(byKey);
            for (int i = 0; i < fields.size(); i++) {
                String f = YcsbSchema.FIELDS.get(fields.field(i));
                b.append(i == 0 ? "SET " : ", ")
                        .append("u.")
                        .append(f)
                        .append(" = $")
                        .append(f);
            }
            s = b.append(fields.isEmpty() ? "" : " ")
                    .append("RETURN true AS found")
                    .toString();
            updates[fields.mask()] = s;
        }
        return s;
    }

    /**
     * Up to {@code $count} nodes from key {@code $start} on, in key order, each its key then the chosen fields: a range
     * seek on the key's index, which yields keys in order, so ORDER BY ... LIMIT needs no sort.
     */
    String scan(FieldSet fields) {
        String s = scans[fields.mask()];
        if (s == null) {
            s = "MATCH (u:" + label + ") WHERE u." + KEY + " >= $start RETURN u." + KEY + " AS key"
                    + (fields.isEmpty() ? "" : ", " + columns(fields)) + " ORDER BY key LIMIT $count";
            scans[fields.mask()] = s;
        }
        return s;
    }

    private static String insertStatement(String label) {
        StringBuilder b = new StringBuilder("CREATE (u:")
                .append(label)
                .append(" {")
                .append(KEY)
                .append(": $key");
        for (String f : YcsbSchema.FIELDS) {
            b.append(", ").append(f).append(": $").append(f);
        }
        return b.append("})").toString();
    }

    /** {@code u.field1 AS field1, u.field8 AS field8}. */
    private static String columns(FieldSet fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            String f = YcsbSchema.FIELDS.get(fields.field(i));
            b.append(i == 0 ? "" : ", ").append("u.").append(f).append(" AS ").append(f);
        }
        return b.toString();
    }
}
