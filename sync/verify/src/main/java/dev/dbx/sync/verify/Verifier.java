package dev.dbx.sync.verify;

import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.dataset.Checksum;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Compares stores entity by entity: each store scans every row of every entity back as canonical values, and the row
 * count and order-independent checksum are compared with the reference store's. Stores are read in parallel; a store
 * that fails is reported, never fatal to the others.
 */
public final class Verifier {
    private Verifier() {}

    /** Verifies {@code dataset} in {@code stores}; the first store is the reference. */
    public static VerifyReport verify(Dataset dataset, List<Store> stores) {
        List<StoreCheck> raw = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<StoreCheck>> futures = new ArrayList<>();
            for (Store store : stores) {
                futures.add(pool.submit(() -> read(dataset, store)));
            }
            for (Future<StoreCheck> f : futures) {
                raw.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.dbx.core.DbxException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a store check failed unexpectedly", e.getCause());
        }
        StoreCheck reference = raw.get(0);
        List<StoreCheck> compared = new ArrayList<>();
        for (StoreCheck store : raw) {
            compared.add(compare(store, reference));
        }
        return new VerifyReport(dataset.name(), reference.store(), compared);
    }

    private static StoreCheck read(Dataset dataset, Store store) {
        String server;
        try {
            server = store.identity().toString();
        } catch (RuntimeException e) {
            return new StoreCheck(store.id(), null, List.of(), "cannot reach it: " + describe(e));
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
            return new EntityCheck(entity.name(), 0, null, false, "cannot read it: " + describe(e));
        }
    }

    private static StoreCheck compare(StoreCheck store, StoreCheck reference) {
        if (store.error() != null) {
            return store;
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
        return new StoreCheck(store.store(), store.server(), entities, null);
    }

    private static String describe(RuntimeException e) {
        return e instanceof dev.dbx.core.DbxException d ? d.userMessage() : String.valueOf(e.getMessage());
    }
}
