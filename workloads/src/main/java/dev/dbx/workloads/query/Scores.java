package dev.dbx.workloads.query;

import java.util.Collection;

/** ClickBench's way to sum up a store's query times: the geometric mean, so no one slow query dominates. */
public final class Scores {
    private Scores() {}

    /** The geometric mean of the non-null times; null when there are none. A zero time counts as 0.01 ms. */
    public static Double geometricMean(Collection<Double> times) {
        double logs = 0;
        int n = 0;
        for (Double t : times) {
            if (t != null) {
                logs += Math.log(Math.max(t, 0.01));
                n++;
            }
        }
        return n == 0 ? null : Math.exp(logs / n);
    }
}
