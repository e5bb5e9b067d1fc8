package dev.dbx.core.capability;

/**
 * One thread's way to the usertable: not thread-safe, prepared once, reused for every operation. Records are addressed
 * as arrays indexed by field number (field0 is index 0), never as maps; which fields an operation touches is a
 * {@link FieldSet}. Failures are {@link dev.dbx.core.DbxException}s; nothing is formatted unless something fails.
 */
public interface KeyValueSession extends AutoCloseable {
    /** Inserts a record with every field: {@code values[i]} is field i, none null. The key must be new. */
    void insert(String key, String[] values);

    /**
     * Reads the record's {@code fields} into {@code values} ({@code values[i]} for each chosen field i; the others are
     * left as they are). False, with {@code values} untouched, when there is no such record.
     */
    boolean read(String key, FieldSet fields, String[] values);

    /** Overwrites the record's {@code fields} with {@code values[i]} for each chosen field i; false when none exists. */
    boolean update(String key, FieldSet fields, String[] values);

    /** Deletes the record; false when there was none. */
    boolean delete(String key);

    /**
     * Hands {@code sink} up to {@code count} records with keys {@code >= startKey}, in key order, each with its
     * {@code fields} (the array is the sink's to read during the call only). Returns how many it handed over.
     */
    int scan(String startKey, int count, FieldSet fields, RecordSink sink);

    /** Writes this session ran again after losing a write-write conflict (see {@link KeyValueSemantics#conflicts()}). */
    default long conflictRetries() {
        return 0;
    }

    /** Gives the connection back. */
    @Override
    void close();

    /** Receives scanned records. */
    @FunctionalInterface
    interface RecordSink {
        void accept(String key, String[] values);
    }
}
