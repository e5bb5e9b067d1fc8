package dev.dbx.core.dataset;

import java.util.Iterator;

/**
 * Rows of one entity, streamed: each row is an {@code Object[]} in the entity's column order holding canonical values
 * (see {@link ColumnType}). Close it when done; it may hold a file or a cursor.
 */
public interface RowStream extends Iterator<Object[]>, AutoCloseable {
    @Override
    default void close() {}

    static RowStream of(Iterator<Object[]> rows) {
        return new RowStream() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Object[] next() {
                return rows.next();
            }
        };
    }
}
