package dev.dbx.lab;

import dev.dbx.core.DbxException;
import dev.dbx.core.store.Placement;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Refuses a load that cannot fit on the disk before anything is written or dropped: {@code --scale 1000} is a terabyte
 * per store, and with {@code --replace} the old data would already be gone when the disk filled. The estimate is
 * deliberately rough and on the generous side (the dataset's raw size twice over per store, for indexes and the
 * engines' own overheads); stores on external servers are not counted (their disks are not this machine's).
 */
public final class SpaceCheck {
    /** TPC-H's raw size (dbgen's .tbl files) per unit of scale factor. */
    static final long TPCH_BYTES_PER_SF = 1_100_000_000L;
    /** A YCSB record: a ~24-byte key and ten 100-byte fields. */
    static final long YCSB_BYTES_PER_RECORD = 1_030L;
    /** Raw size times this, per store: indexes, write-ahead logs, the engines' own layout. */
    static final int FOOTPRINT = 2;

    private SpaceCheck() {}

    /** The bytes one store needs for {@code choice}, roughly. */
    public static long estimate(DatasetChoice choice) {
        double raw = choice.dataset().equals("tpch")
                ? choice.scale() * TPCH_BYTES_PER_SF
                : (double) choice.records() * YCSB_BYTES_PER_RECORD;
        double bytes = raw * FOOTPRINT;
        return bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) bytes;
    }

    /** Fails, with the figures, when the stores on this machine would need more than the data directory's disk has. */
    public static void require(Lab lab, List<StoreTarget> targets, DatasetChoice choice) {
        long local = targets.stream()
                .filter(t -> t.placement() != Placement.EXTERNAL)
                .count();
        if (local == 0) {
            return;
        }
        long perStore = estimate(choice);
        long needed = perStore > Long.MAX_VALUE / local ? Long.MAX_VALUE : perStore * local;
        long free = usable(lab.dataDir());
        if (needed > free) {
            throw new DbxException(
                    choice.source().description() + " needs about " + bytes(perStore) + " per store, " + bytes(needed)
                            + " for the " + local + " store(s) on this machine; " + bytes(free) + " is free under "
                            + lab.dataDir(),
                    "load less (a smaller --scale or --records), free space, or pass --ignore-space if you know the"
                            + " estimate is too high");
        }
    }

    private static long usable(Path dir) {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            FileStore store = Files.getFileStore(existing == null ? Path.of(".").toAbsolutePath() : existing);
            return store.getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE; // unknown: do not refuse on a guess
        }
    }

    static String bytes(long n) {
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB", "EB"};
        double v = n;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return u == 0 ? n + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
