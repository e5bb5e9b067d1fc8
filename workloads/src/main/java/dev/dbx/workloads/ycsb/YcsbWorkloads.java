package dev.dbx.workloads.ycsb;

import dev.dbx.core.DbxException;
import java.util.List;

/** YCSB's core workloads by name: ycsb-a to ycsb-f. */
public final class YcsbWorkloads {
    private YcsbWorkloads() {}

    public static List<String> names() {
        return YcsbMix.CORE.stream().map(YcsbMix::name).toList();
    }

    /** E.g. {@code named("ycsb-a", 100_000, 100)}, with YCSB's other defaults. */
    public static YcsbWorkload named(String name, long records, int fieldLength) {
        return named(name, YcsbOptions.of(records, fieldLength));
    }

    public static YcsbWorkload named(String name, YcsbOptions options) {
        return new YcsbWorkload(mix(name), options);
    }

    public static YcsbMix mix(String name) {
        return YcsbMix.CORE.stream()
                .filter(m -> m.name().equalsIgnoreCase(name.strip()))
                .findFirst()
                .orElseThrow(() -> new DbxException(
                        "unknown workload '" + name + "'", "YCSB's workloads are " + String.join(", ", names())));
    }
}
