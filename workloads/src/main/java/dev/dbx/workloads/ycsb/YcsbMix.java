package dev.dbx.workloads.ycsb;

import static dev.dbx.workloads.ycsb.RequestDistribution.LATEST;
import static dev.dbx.workloads.ycsb.RequestDistribution.ZIPFIAN;
import static dev.dbx.workloads.ycsb.YcsbOperation.INSERT;
import static dev.dbx.workloads.ycsb.YcsbOperation.READ;
import static dev.dbx.workloads.ycsb.YcsbOperation.READ_MODIFY_WRITE;
import static dev.dbx.workloads.ycsb.YcsbOperation.SCAN;
import static dev.dbx.workloads.ycsb.YcsbOperation.UPDATE;

import java.util.List;
import java.util.Locale;

/**
 * One of YCSB's core workload files: which operations in which proportions, and how records are chosen.
 *
 * @param name e.g. "ycsb-a"
 * @param summary what it models, as YCSB's workload file says
 * @param operations the operations with a share above zero, the main one first
 * @param proportions each operation's share, summing to 1
 * @param distribution YCSB's requestdistribution
 */
public record YcsbMix(
        String name,
        String summary,
        List<YcsbOperation> operations,
        List<Double> proportions,
        RequestDistribution distribution) {
    /** YCSB's scan lengths: uniform from 1 to maxscanlength, 100. */
    public static final int MIN_SCAN_LENGTH = 1;

    public static final int MAX_SCAN_LENGTH = 100;

    public YcsbMix {
        operations = List.copyOf(operations);
        proportions = List.copyOf(proportions);
        if (operations.size() != proportions.size() || operations.isEmpty()) {
            throw new IllegalArgumentException("one proportion per operation");
        }
        double sum = proportions.stream().mapToDouble(Double::doubleValue).sum();
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("proportions sum to " + sum + ", not 1");
        }
    }

    /** The share of {@code operation}, 0 when it is not in the mix. */
    public double proportion(YcsbOperation operation) {
        int i = operations.indexOf(operation);
        return i < 0 ? 0 : proportions.get(i);
    }

    /** E.g. "YCSB workload A (update heavy): 50% read, 50% update, zipfian records". */
    public String description() {
        StringBuilder out = new StringBuilder("YCSB workload ")
                .append(name.substring(name.length() - 1).toUpperCase(Locale.ROOT))
                .append(" (")
                .append(summary)
                .append("): ");
        for (int i = 0; i < operations.size(); i++) {
            out.append(i == 0 ? "" : ", ")
                    .append(Math.round(proportions.get(i) * 100))
                    .append("% ")
                    .append(operations.get(i).label());
        }
        out.append(", ").append(distribution.label()).append(" records");
        if (operations.contains(SCAN)) {
            out.append(", scans of ")
                    .append(MIN_SCAN_LENGTH)
                    .append("-")
                    .append(MAX_SCAN_LENGTH)
                    .append(" records (uniform)");
        }
        return out.toString();
    }

    /** YCSB's workloada..workloadf. */
    public static final List<YcsbMix> CORE = List.of(
            of("ycsb-a", "update heavy", ZIPFIAN, READ, 0.5, UPDATE, 0.5),
            of("ycsb-b", "read mostly", ZIPFIAN, READ, 0.95, UPDATE, 0.05),
            new YcsbMix("ycsb-c", "read only", List.of(READ), List.of(1.0), ZIPFIAN),
            of("ycsb-d", "read latest", LATEST, READ, 0.95, INSERT, 0.05),
            of("ycsb-e", "short ranges", ZIPFIAN, SCAN, 0.95, INSERT, 0.05),
            of("ycsb-f", "read-modify-write", ZIPFIAN, READ, 0.5, READ_MODIFY_WRITE, 0.5));

    private static YcsbMix of(
            String name,
            String summary,
            RequestDistribution distribution,
            YcsbOperation first,
            double firstShare,
            YcsbOperation second,
            double secondShare) {
        return new YcsbMix(name, summary, List.of(first, second), List.of(firstShare, secondShare), distribution);
    }
}
