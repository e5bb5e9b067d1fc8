package dev.dbx.core.dataset;

import dev.dbx.core.DbxException;
import java.util.List;
import java.util.Locale;

/** The datasets dbx knows. */
public final class Datasets {
    private Datasets() {}

    public static List<Dataset> all() {
        return List.of(TpchSchema.DATASET, YcsbSchema.DATASET);
    }

    public static Dataset named(String name) {
        String key = name.toLowerCase(Locale.ROOT).strip();
        return all().stream()
                .filter(d -> d.name().equals(key))
                .findFirst()
                .orElseThrow(() -> new DbxException("unknown dataset '" + name + "'", "known datasets: tpch, ycsb"));
    }
}
