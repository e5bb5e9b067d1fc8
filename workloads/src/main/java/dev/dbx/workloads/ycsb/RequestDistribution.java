package dev.dbx.workloads.ycsb;

/** YCSB's requestdistribution: how the record an operation touches is chosen. */
public enum RequestDistribution {
    /** Scrambled zipfian: a few records are hot, scattered over the key space. */
    ZIPFIAN,
    /** Skewed towards the newest inserted records. */
    LATEST,
    /** Every record equally likely. */
    UNIFORM;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
