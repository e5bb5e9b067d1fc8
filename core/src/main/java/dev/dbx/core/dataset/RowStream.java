package dev.dbx.core.dataset;

import java.util.Iterator;
import java.util.List;

/**
 * Rows of one entity, streamed: each row is an {@code Object[]} in the entity's column order holding canonical values
 * (see {@link ColumnType}). Close it when done; it may hold a file or a cursor.
 */
public interface RowStream extends Iterator<Object[]>, AutoCloseable {
    @Override
    default void close() {}

    /**
     * Fills {@code batch} (emptied first) with the next rows, as many as fit or as remain, and returns how many: 0 at
     * the end. Streams that can produce columns without making each value an object (a parsed file) override it.
     */
    default int nextBatch(ColumnBatch batch) {
        batch.clear();
        while (!batch.isFull() && hasNext()) {
            batch.add(next());
        }
        return batch.size();
    }

    /**
     * This stream's rows as up to {@code parts} streams that can each be read on a thread of its own, together giving
     * every row once (in no particular order across them); this stream is the first of them. Only a stream not yet
     * read splits; by default (and for a stream that cannot split) the one part is this stream. The caller closes every
     * part.
     */
    default List<RowStream> split(int parts) {
        return List.of(this);
    }

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
