package dev.dbx.workloads.ycsb;

import dev.dbx.core.capability.FieldSet;
import dev.dbx.core.capability.KeyValueSession;
import dev.dbx.core.dataset.YcsbSchema;
import dev.dbx.workloads.dataset.YcsbData;
import dev.dbx.workloads.runner.Worker;
import dev.dbx.workloads.runner.WrongAnswer;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One thread of a YCSB workload: its session, its generators and its buffers, made once. An operation allocates only
 * what the session's API needs (the key, the values written); every value read is checked, and anything that is not
 * what some write put there is a {@link WrongAnswer}.
 */
final class YcsbWorker implements Worker, KeyValueSession.RecordSink {
    private static final FieldSet ALL = FieldSet.all();
    private static final FieldSet[] ONE = new FieldSet[YcsbSchema.FIELD_COUNT];

    static {
        for (int i = 0; i < ONE.length; i++) {
            ONE[i] = FieldSet.one(i);
        }
    }

    private final KeyValueSession session;
    private final KeySpace keys;
    private final Versions versions;
    private final SplittableRandom random;
    private final YcsbOperation[] operations;
    /** Cumulative proportions, YCSB's DiscreteGenerator as a table. */
    private final double[] cumulative;

    private final NumberGenerator keyChooser;
    private final NumberGenerator fieldChooser;
    private final NumberGenerator scanLength;
    private final int fieldLength;
    private final String[] values = new String[YcsbSchema.FIELD_COUNT];
    private final char[] buffer;

    // the operation chosen, with its arguments
    private long record;
    private int field;
    private int length;

    // the scan being checked
    private String scanStart;
    private String scanPrevious;
    private int scanned;
    private String scanProblem;

    YcsbWorker(YcsbWorkload workload, KeyValueSession session, KeySpace keys, SplittableRandom random) {
        this.session = session;
        this.keys = keys;
        this.versions = workload.versions();
        this.random = random;
        List<YcsbOperation> ops = workload.mix().operations();
        this.operations = ops.toArray(YcsbOperation[]::new);
        this.cumulative = new double[operations.length];
        double sum = 0;
        for (int i = 0; i < operations.length; i++) {
            sum += workload.mix().proportions().get(i);
            cumulative[i] = sum;
        }
        this.keyChooser = workload.keyChooser(keys, random);
        this.fieldChooser = new UniformLongGenerator(0, YcsbSchema.FIELD_COUNT - 1, random);
        this.scanLength = new UniformLongGenerator(YcsbMix.MIN_SCAN_LENGTH, YcsbMix.MAX_SCAN_LENGTH, random);
        this.fieldLength = workload.options().fieldLength();
        this.buffer = new char[fieldLength];
    }

    @Override
    public int choose() {
        int op = chooseOperation();
        switch (operations[op]) {
            case READ -> record = nextRecord();
            case UPDATE, READ_MODIFY_WRITE -> {
                record = nextRecord();
                field = (int) fieldChooser.next();
            }
            case SCAN -> {
                record = nextRecord();
                length = (int) scanLength.next();
            }
            case INSERT -> {
                // the number is taken when the insert runs: an insert chosen is an insert done
            }
        }
        return op;
    }

    /** YCSB's DiscreteGenerator: the first operation whose cumulative share exceeds a uniform draw. */
    int chooseOperation() {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    /** YCSB's nextKeynum: a choice beyond the records inserted so far is drawn again. */
    long nextRecord() {
        long last = keys.last();
        long n;
        do {
            n = keyChooser.next();
        } while (n > last);
        return n;
    }

    @Override
    public void perform(int operation) throws WrongAnswer {
        switch (operations[operation]) {
            case READ -> read(YcsbData.key(record));
            case UPDATE -> update(YcsbData.key(record));
            case READ_MODIFY_WRITE -> {
                String key = YcsbData.key(record);
                read(key);
                update(key);
            }
            case INSERT -> insert();
            case SCAN -> scan();
        }
    }

    private void read(String key) throws WrongAnswer {
        Arrays.fill(values, null); // a field the store leaves unset must not pass with the last record's value
        if (!session.read(key, ALL, values)) {
            missing("read", key);
        }
        String problem = checkRecord(key, values);
        if (problem != null) {
            throw new WrongAnswer("read of record " + record + " (" + key + "): " + problem);
        }
    }

    private void update(String key) throws WrongAnswer {
        values[field] = YcsbData.value(key, field, versions.next(), buffer);
        if (!session.update(key, ONE[field], values)) {
            missing("update", key);
        }
    }

    private void insert() {
        long n = keys.nextInsert();
        boolean written = false;
        try {
            String key = YcsbData.key(n);
            for (int i = 0; i < values.length; i++) {
                values[i] = YcsbData.value(key, i, 0, buffer);
            }
            session.insert(key, values);
            written = true;
        } finally {
            keys.inserted(n, written);
        }
    }

    private void scan() throws WrongAnswer {
        scanStart = YcsbData.key(record);
        scanPrevious = null;
        scanned = 0;
        scanProblem = null;
        int returned = session.scan(scanStart, length, ALL, this);
        if (scanProblem == null && returned != scanned) {
            scanProblem = "the scan said it returned " + returned + " records, and handed over " + scanned;
        }
        if (scanProblem == null && scanned > length) {
            scanProblem = scanned + " records returned, " + length + " asked for";
        }
        if (scanProblem == null && scanned == 0 && !keys.insertFailed(record)) {
            scanProblem = "nothing returned, though the start key is a record";
        }
        if (scanProblem != null) {
            throw new WrongAnswer(
                    "scan of " + length + " from record " + record + " (" + scanStart + "): " + scanProblem);
        }
    }

    /** A scanned record: in key order, from the start key (which exists, so it comes first), each field valid. */
    @Override
    public void accept(String key, String[] fields) {
        scanned++;
        if (scanProblem != null) {
            return;
        }
        if (scanPrevious == null) {
            if (!key.equals(scanStart) && !keys.insertFailed(record)) {
                scanProblem = "the first record is " + key + ", not the start key, which exists";
                return;
            }
        } else if (key.compareTo(scanPrevious) <= 0) {
            scanProblem = "record " + key + " came after " + scanPrevious + " (not in key order)";
            return;
        }
        if (key.compareTo(scanStart) < 0) {
            scanProblem = "record " + key + " is before the start key";
            return;
        }
        scanPrevious = key;
        String problem = checkRecord(key, fields);
        if (problem != null) {
            scanProblem = "record " + key + ": " + problem;
        }
    }

    /** Null when every field of {@code key} holds a value some write put there; else the first problem. */
    private String checkRecord(String key, String[] fields) {
        return YcsbData.checkRecord(key, fields, fieldLength, versions.newest());
    }

    /**
     * A record the workload knows exists was not found: a wrong answer, unless its insert failed (that failure was
     * counted as an error already, and this operation is one too).
     */
    private void missing(String operation, String key) throws WrongAnswer {
        if (keys.insertFailed(record)) {
            throw new IllegalStateException(operation + " of a record whose insert failed earlier");
        }
        throw new WrongAnswer(operation + " of record " + record + " (" + key + "): no such record, though it was "
                + (record < keys.records() ? "loaded" : "inserted"));
    }

    @Override
    public long conflictRetries() {
        return session.conflictRetries();
    }

    @Override
    public void close() {
        session.close();
    }
}
