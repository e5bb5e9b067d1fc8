package dev.dbx.lab;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Datasets;
import dev.dbx.core.dataset.YcsbSchema;
import dev.dbx.workloads.dataset.TpchSource;
import dev.dbx.workloads.dataset.YcsbSource;

/**
 * The dataset a load asks for: TPC-H at a scale factor, or YCSB with a number of records (of fields of a length).
 */
public record DatasetChoice(String dataset, double scale, long records, int fieldLength) {
    public static final double DEFAULT_SCALE = 0.01;
    public static final long DEFAULT_RECORDS = 10_000;

    public static DatasetChoice of(String dataset, Double scale, Long records) {
        String name = Datasets.named(dataset).name();
        if (name.equals("tpch") && records != null) {
            throw new DbxException("--records applies to --dataset ycsb", "for TPC-H give --scale");
        }
        if (name.equals("ycsb") && scale != null) {
            throw new DbxException("--scale applies to --dataset tpch", "for YCSB give --records");
        }
        return new DatasetChoice(
                name,
                scale == null ? DEFAULT_SCALE : scale,
                records == null ? DEFAULT_RECORDS : records,
                YcsbSchema.FIELD_LENGTH);
    }

    /** YCSB's usertable of {@code records} records with fields of {@code fieldLength} characters. */
    public static DatasetChoice ycsb(long records, int fieldLength) {
        return new DatasetChoice("ycsb", DEFAULT_SCALE, records, fieldLength);
    }

    /** A fresh source (each store reads its own). */
    public DatasetSource source() {
        return dataset.equals("tpch") ? new TpchSource(scale) : new YcsbSource(records, fieldLength);
    }
}
