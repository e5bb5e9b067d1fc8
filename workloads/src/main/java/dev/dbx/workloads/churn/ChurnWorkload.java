package dev.dbx.workloads.churn;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.OrderEntry;
import dev.dbx.core.capability.OrderEntryData;
import dev.dbx.core.store.Store;
import dev.dbx.workloads.runner.Worker;
import dev.dbx.workloads.runner.Workload;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * {@code dbx churn}: order entry on the loaded TPC-H tables, the writes change data capture has to carry (see
 * {@link ChurnOperation} for the mix). It runs on one store, through its {@link OrderEntry} capability; the rows it
 * changed are counted ({@link #changes()}) and go into the stored run's parameters as {@code changes.<entity>.<kind>}.
 * One instance serves one run on one store.
 */
public final class ChurnWorkload implements Workload {
    public static final String NAME = "churn";

    private final long seed;
    private final ChangeCounts changes = new ChangeCounts();
    private volatile String storeId;
    private volatile OrderEntryData data;
    private volatile OrderKeys keys;

    public ChurnWorkload(long seed) {
        this.seed = seed;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "order entry on TPC-H, one transaction each: " + mix();
    }

    /** "new-order 40%, update-order 25%, ...". */
    public static String mix() {
        return Arrays.stream(ChurnOperation.values())
                .map(op -> op.label() + " " + op.percent() + "%")
                .collect(Collectors.joining(", "));
    }

    @Override
    public List<String> operations() {
        return Arrays.stream(ChurnOperation.values()).map(ChurnOperation::label).toList();
    }

    /** The mix, what it writes, what it found at the start, and the rows it changed (as counted so far). */
    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("mix", mix());
        p.put("writes", String.join(", ", ChangeCounts.ENTITIES) + " (part, partsupp, nation read only)");
        OrderEntryData d = data;
        if (d != null) {
            p.put("orders at start", Long.toString(d.orders()));
            p.put("highest order key at start", Long.toString(d.highestOrderKey()));
        }
        p.put("seed", Long.toString(seed));
        changes.asMap().forEach((k, v) -> p.put("changes." + k, Long.toString(v)));
        p.put("changes counted", "rows changed by committed transactions, warm-up included");
        return p;
    }

    public ChangeCounts changes() {
        return changes;
    }

    /** No order entry, or no TPC-H loaded (the store says what is missing). */
    @Override
    public Optional<String> notApplicable(Store store) {
        Optional<OrderEntry> entry = store.capability(OrderEntry.class);
        if (entry.isEmpty()) {
            return Optional.of("store " + store.id() + " has no order entry on TPC-H (no OrderEntry capability)");
        }
        try {
            prepare(store.id(), entry.get());
            return Optional.empty();
        } catch (DbxException e) {
            return Optional.of(e.userMessage());
        }
    }

    private synchronized void prepare(String id, OrderEntry entry) {
        if (storeId != null) {
            if (!storeId.equals(id)) {
                throw new IllegalStateException("a churn workload runs on one store, already " + storeId);
            }
            return;
        }
        OrderEntryData prepared = entry.prepare();
        data = prepared;
        keys = new OrderKeys(prepared);
        storeId = id;
    }

    @Override
    public Worker worker(Store store, int thread, int threads) {
        OrderEntry entry = store.require(OrderEntry.class);
        prepare(store.id(), entry);
        SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (thread + 1L)));
        return new ChurnWorker(entry.openSession(), data, keys, changes, random);
    }
}
