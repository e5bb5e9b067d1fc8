package dev.dbx.workloads.ycsb;

import dev.dbx.core.capability.FieldSet;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.KeyValueSession;
import dev.dbx.core.dataset.YcsbSchema;
import dev.dbx.core.store.Store;
import dev.dbx.workloads.dataset.YcsbData;
import dev.dbx.workloads.runner.Worker;
import dev.dbx.workloads.runner.Workload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One of YCSB's core workloads, configured as YCSB's CoreWorkload with its defaults: ten fields, every field read
 * (readallfields=true), one field written by an update (writeallfields=false), keys in hashed insert order, zipfian
 * constant 0.99, scans of 1 to 100 records (uniform). Every read is checked (see {@link YcsbData}).
 *
 * <p>What YCSB keeps in one shared workload object is split here by how it is shared: the insert counter is one per
 * store (a store's key space goes on across runs and repeats, and every thread draws from it), the version counter one
 * per workload; the generators are one per thread, seeded from the seed and the thread, with the costly zeta of the
 * "latest" distribution computed once.
 */
public final class YcsbWorkload implements Workload {
    private final YcsbMix mix;
    private final YcsbOptions options;
    private final Versions versions;
    private final Map<String, KeySpace> keySpaces = new ConcurrentHashMap<>();
    private volatile double latestZeta = Double.NaN;

    public YcsbWorkload(YcsbMix mix, YcsbOptions options) {
        this(mix, options, Versions.startingNow());
    }

    YcsbWorkload(YcsbMix mix, YcsbOptions options, Versions versions) {
        this.mix = mix;
        this.options = options;
        this.versions = versions;
    }

    public YcsbMix mix() {
        return mix;
    }

    public YcsbOptions options() {
        return options;
    }

    @Override
    public String name() {
        return mix.name();
    }

    @Override
    public String description() {
        return mix.description();
    }

    @Override
    public List<String> operations() {
        return mix.operations().stream().map(YcsbOperation::label).toList();
    }

    /** YCSB's property names and values, so a run can be compared with YCSB's own. */
    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("recordcount", Long.toString(options.records()));
        p.put("operationcount", Long.toString(options.expectedOperations()));
        p.put("fieldcount", Integer.toString(YcsbSchema.FIELD_COUNT));
        p.put("fieldlength", Integer.toString(options.fieldLength()));
        p.put("readallfields", "true");
        p.put("writeallfields", "false");
        for (YcsbOperation op : YcsbOperation.values()) {
            p.put(op.label().replace("-", "") + "proportion", Double.toString(mix.proportion(op)));
        }
        p.put("requestdistribution", mix.distribution().label());
        if (mix.operations().contains(YcsbOperation.SCAN)) {
            p.put("minscanlength", Integer.toString(YcsbMix.MIN_SCAN_LENGTH));
            p.put("maxscanlength", Integer.toString(YcsbMix.MAX_SCAN_LENGTH));
            p.put("scanlengthdistribution", "uniform");
        }
        p.put("insertorder", "hashed");
        p.put("zipfianconstant", Double.toString(ZipfianGenerator.ZIPFIAN_CONSTANT));
        p.put("dataintegrity", "every read checked: self-checking values (key tag, field, version, digest)");
        p.put("seed", Long.toString(options.seed()));
        return p;
    }

    /**
     * Why it cannot run: no key-value capability; a usertable without the loaded records or with values of another
     * format or length (asked of the last loaded record); for scans, a session that cannot scan. A store that cannot
     * be reached is left to the run, which reports it as an error.
     */
    @Override
    public Optional<String> notApplicable(Store store) {
        Optional<KeyValue> kv = store.capability(KeyValue.class);
        if (kv.isEmpty()) {
            return Optional.of("store " + store.id() + " has no key-value usertable (no KeyValue capability)");
        }
        long last = options.records() - 1;
        String key = YcsbData.key(last);
        String reload = "load it with dbx load --dataset ycsb --records " + options.records() + " --replace";
        try (KeyValueSession session = kv.get().openSession()) {
            String[] values = new String[YcsbSchema.FIELD_COUNT];
            if (!session.read(key, FieldSet.all(), values)) {
                return Optional.of("the usertable has no record " + last + " (" + key + "): " + reload);
            }
            for (int field = 0; field < values.length; field++) {
                String problem = YcsbData.check(key, field, values[field], options.fieldLength(), Long.MAX_VALUE);
                if (problem != null) {
                    return Optional.of("the usertable was loaded with other values or another field length (record "
                            + last + ": " + problem + "): " + reload);
                }
            }
            if (mix.operations().contains(YcsbOperation.SCAN)) {
                try {
                    session.scan(key, 1, FieldSet.all(), (k, v) -> {});
                } catch (UnsupportedOperationException e) {
                    return Optional.of("its key-value sessions cannot scan"
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()));
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public Worker worker(Store store, int thread, int threads) {
        KeySpace keys = keySpaces.computeIfAbsent(store.id(), id -> new KeySpace(options.records()));
        SplittableRandom random = new SplittableRandom(options.seed() ^ (0x9E3779B97F4A7C15L * (thread + 1L)));
        return new YcsbWorker(this, store.require(KeyValue.class).openSession(), keys, random);
    }

    Versions versions() {
        return versions;
    }

    /** YCSB's keychooser for this workload's distribution, for one thread. */
    NumberGenerator keyChooser(KeySpace keys, SplittableRandom random) {
        long records = options.records();
        return switch (mix.distribution()) {
            case UNIFORM -> new UniformLongGenerator(0, records - 1, random);
            case LATEST -> new SkewedLatestGenerator(keys.acknowledged(), records - 1, latestZeta(), random);
            case ZIPFIAN -> {
                // YCSB sizes the key space for the inserts it expects (twice the expected number) so that the hot
                // records stay hot as the count grows; choices beyond the inserted records are drawn again
                long expectedNewKeys =
                        (long) (options.expectedOperations() * mix.proportion(YcsbOperation.INSERT) * 2.0);
                yield new ScrambledZipfianGenerator(0, records + expectedNewKeys, random);
            }
        };
    }

    /** Zeta of the loaded records for "latest", computed once (for ten million records it takes a while). */
    private double latestZeta() {
        double zeta = latestZeta;
        if (Double.isNaN(zeta)) {
            synchronized (this) {
                zeta = latestZeta;
                if (Double.isNaN(zeta)) {
                    zeta = ZipfianGenerator.zeta(options.records() - 1, ZipfianGenerator.ZIPFIAN_CONSTANT);
                    latestZeta = zeta;
                }
            }
        }
        return zeta;
    }
}
