package dev.dbx.sync.verify;

import dev.dbx.core.DbxException;
import dev.dbx.core.Failures;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.dataset.Checksum;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Compares stores entity by entity: each store scans every row of every entity back as canonical values, and the row
 * count and order-independent checksum ({@link Checksum}) are compared with the reference's. The reference is a store
 * (the source of truth) or the rows a generator makes (the dataset as it was loaded). Stores are read in parallel; a
 * store that cannot be read is reported, never fatal to the others, and an unreadable reference makes every store
 * "not compared", never equal.
 */
public final class Verifier {
    /** The name a generated reference goes by in reports. */
    public static final String GENERATED = "generated";

    private Verifier() {}

    /** Verifies {@code dataset} in {@code stores}; the first store is the reference. */
    public static VerifyReport verify(Dataset dataset, List<Store> stores) {
        if (stores.isEmpty()) {
            throw new IllegalArgumentException("no store to verify");
        }
        List<StoreCheck> read = readAll(stores.stream()
                .<Callable<StoreCheck>>map(s -> () -> read(dataset, s))
                .toList());
        return compare(dataset, read.get(0), read);
    }

    /**
     * Verifies the stores against the rows {@code expected} generates (e.g. TPC-H at the scale loaded): what each store
     * holds must be exactly the dataset as generated.
     */
    public static VerifyReport verify(DatasetSource expected, List<Store> stores) {
        List<Callable<StoreCheck>> tasks = new ArrayList<>();
        tasks.add(() -> generated(expected));
        stores.forEach(s -> tasks.add(() -> read(expected.dataset(), s)));
        List<StoreCheck> read = readAll(tasks);
        return compare(expected.dataset(), read.get(0), read);
    }

    private static List<StoreCheck> readAll(List<Callable<StoreCheck>> tasks) {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<StoreCheck>> futures = new ArrayList<>();
            tasks.forEach(t -> futures.add(pool.submit(t)));
            List<StoreCheck> out = new ArrayList<>();
            for (Future<StoreCheck> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbxException("interrupted while verifying");
        } catch (ExecutionException e) {
            throw new IllegalStateException("a store check failed unexpectedly", e.getCause());
        }
    }

    private static StoreCheck generated(DatasetSource expected) {
        List<EntityCheck> entities = new ArrayList<>();
        for (Entity entity : expected.dataset().entities()) {
            try {
                Checksum checksum = Checksum.of(entity, expected.rows(entity));
                entities.add(new EntityCheck(entity.name(), checksum.count(), checksum.value(), false, null));
            } catch (RuntimeException e) {
                entities.add(
                        new EntityCheck(entity.name(), 0, null, false, "cannot generate it: " + Failures.describe(e)));
            }
        }
        return new StoreCheck(GENERATED, expected.description(), entities, null);
    }

    private static StoreCheck read(Dataset dataset, Store store) {
        String server;
        try {
            server = store.identity().toString();
        } catch (RuntimeException e) {
            return new StoreCheck(store.id(), null, List.of(), "cannot reach it: " + Failures.describe(e));
        }
        var model = store.capability(DatasetModel.class);
        if (model.isEmpty()) {
            return new StoreCheck(store.id(), server, List.of(), "it has no dataset model");
        }
        List<EntityCheck> entities = new ArrayList<>();
        for (Entity entity : dataset.entities()) {
            entities.add(read(model.get(), dataset, entity));
        }
        return new StoreCheck(store.id(), server, entities, null);
    }

    private static EntityCheck read(DatasetModel model, Dataset dataset, Entity entity) {
        try {
            Checksum checksum = Checksum.of(model, dataset, entity);
            return new EntityCheck(entity.name(), checksum.count(), checksum.value(), false, null);
        } catch (RuntimeException e) {
            return new EntityCheck(entity.name(), 0, null, false, "cannot read it: " + Failures.describe(e));
        }
    }

    /** Marks each entity of each store as matching the reference's or not; the reference matches itself. */
    private static VerifyReport compare(Dataset dataset, StoreCheck reference, List<StoreCheck> read) {
        List<StoreCheck> compared = new ArrayList<>();
        for (StoreCheck store : read) {
            if (store.error() != null) {
                compared.add(store);
                continue;
            }
            List<EntityCheck> entities = new ArrayList<>();
            for (int i = 0; i < store.entities().size(); i++) {
                EntityCheck e = store.entities().get(i);
                EntityCheck r = reference.error() == null ? reference.entities().get(i) : null;
                boolean matches = e.error() == null
                        && r != null
                        && r.error() == null
                        && e.count() == r.count()
                        && e.checksum().equals(r.checksum());
                entities.add(new EntityCheck(e.entity(), e.count(), e.checksum(), matches, e.error()));
            }
            compared.add(new StoreCheck(store.store(), store.server(), entities, null));
        }
        return new VerifyReport(dataset.name(), dataset.entityNames(), reference.store(), compared);
    }
}
