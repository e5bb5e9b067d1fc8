package dev.dbx.workloads.dataset;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.dataset.YcsbSchema;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * YCSB's {@code usertable} with {@code records} records, generated on the fly (version 0 of every field, see
 * {@link YcsbData}).
 */
public final class YcsbSource implements DatasetSource {
    private final long records;
    private final int fieldLength;

    /** Records with YCSB's default field length. */
    public YcsbSource(long records) {
        this(records, YcsbSchema.FIELD_LENGTH);
    }

    public YcsbSource(long records, int fieldLength) {
        if (records < 1) {
            throw new DbxException("--records must be at least 1 (got " + records + ")");
        }
        this.records = records;
        this.fieldLength = YcsbData.checkLength(fieldLength);
    }

    public long records() {
        return records;
    }

    public int fieldLength() {
        return fieldLength;
    }

    @Override
    public Dataset dataset() {
        return YcsbSchema.DATASET;
    }

    @Override
    public String description() {
        return "YCSB usertable, " + String.format("%,d", records) + " records"
                + (fieldLength == YcsbSchema.FIELD_LENGTH ? "" : ", fields of " + fieldLength + " characters");
    }

    @Override
    public long rowCount(Entity entity) {
        return records;
    }

    @Override
    public RowStream rows(Entity entity) {
        return RowStream.of(new Iterator<>() {
            private final char[] buffer = new char[fieldLength];
            private long next;

            @Override
            public boolean hasNext() {
                return next < records;
            }

            @Override
            public Object[] next() {
                if (next >= records) {
                    throw new NoSuchElementException();
                }
                String key = YcsbData.key(next++);
                Object[] row = new Object[1 + YcsbSchema.FIELD_COUNT];
                row[0] = key;
                for (int i = 0; i < YcsbSchema.FIELD_COUNT; i++) {
                    row[i + 1] = YcsbData.value(key, i, 0, buffer);
                }
                return row;
            }
        });
    }
}
