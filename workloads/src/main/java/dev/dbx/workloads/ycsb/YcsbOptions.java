package dev.dbx.workloads.ycsb;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.YcsbSchema;
import dev.dbx.workloads.dataset.YcsbData;

/**
 * The settings of YCSB's CoreWorkload that dbx lets vary.
 *
 * @param records YCSB's recordcount: the records loaded (numbers 0 to records - 1)
 * @param fieldLength YCSB's fieldlength: characters per field, as loaded
 * @param expectedOperations YCSB's operationcount, which only sizes the zipfian key space of a workload with inserts
 *     (it adds twice the inserts expected, so records inserted during the run can be chosen too); YCSB's workload
 *     files set it equal to recordcount, and so does {@link #of}
 * @param seed the random seed; each thread's generators are seeded from it and the thread's number
 */
public record YcsbOptions(long records, int fieldLength, long expectedOperations, long seed) {
    public YcsbOptions {
        if (records < 1) {
            throw new DbxException("--records must be at least 1 (got " + records + ")");
        }
        YcsbData.checkLength(fieldLength);
        if (expectedOperations < 0) {
            throw new IllegalArgumentException("expectedOperations must not be negative");
        }
    }

    /** YCSB's defaults for everything but the record count and field length. */
    public static YcsbOptions of(long records, int fieldLength) {
        return new YcsbOptions(records, fieldLength, records, 0);
    }

    /** YCSB's defaults, field length included. */
    public static YcsbOptions of(long records) {
        return of(records, YcsbSchema.FIELD_LENGTH);
    }

    public YcsbOptions withSeed(long newSeed) {
        return new YcsbOptions(records, fieldLength, expectedOperations, newSeed);
    }

    public YcsbOptions withExpectedOperations(long operations) {
        return new YcsbOptions(records, fieldLength, operations, seed);
    }
}
