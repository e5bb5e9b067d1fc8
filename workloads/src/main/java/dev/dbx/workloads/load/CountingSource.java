package dev.dbx.workloads.load;

import dev.dbx.core.dataset.ColumnBatch;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A source that counts the rows a store takes from it, per entity, so progress can be shown for any store without
 * the store reporting anything. A store that reads an entity twice (to embed it) is counted on its first pass only.
 */
public final class CountingSource implements DatasetSource {
    private final DatasetSource source;
    private final Map<String, AtomicLong> taken = new ConcurrentHashMap<>();
    private final Map<String, Boolean> started = new ConcurrentHashMap<>();
    private final AtomicReference<String> current = new AtomicReference<>();

    public CountingSource(DatasetSource source) {
        this.source = source;
    }

    @Override
    public Dataset dataset() {
        return source.dataset();
    }

    @Override
    public List<Entity> entities() {
        return source.entities();
    }

    @Override
    public long rowCount(Entity entity) {
        return source.rowCount(entity);
    }

    @Override
    public String description() {
        return source.description();
    }

    @Override
    public RowStream rows(Entity entity) {
        RowStream rows = source.rows(entity);
        boolean first = started.putIfAbsent(entity.name(), Boolean.TRUE) == null;
        if (!first) {
            return rows;
        }
        AtomicLong counter = taken.computeIfAbsent(entity.name(), k -> new AtomicLong());
        current.set(entity.name());
        return new Counted(rows, counter);
    }

    /** Rows taken so far from {@code entity}. */
    public long taken(String entity) {
        AtomicLong n = taken.get(entity);
        return n == null ? 0 : n.get();
    }

    /** Rows taken so far, all entities. */
    public long takenTotal() {
        return taken.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** Rows the source will give in all, as far as it knows. */
    public long expectedTotal() {
        return source.entities().stream().mapToLong(this::rowCount).sum();
    }

    /** The entity most recently started, or null. */
    public String currentEntity() {
        return current.get();
    }

    /** A stream that counts the rows taken from it, one by one or in batches, in every part it splits into. */
    private record Counted(RowStream rows, AtomicLong counter) implements RowStream {
        @Override
        public boolean hasNext() {
            return rows.hasNext();
        }

        @Override
        public Object[] next() {
            Object[] row = rows.next();
            counter.incrementAndGet();
            return row;
        }

        @Override
        public int nextBatch(ColumnBatch batch) {
            int n = rows.nextBatch(batch); // the source's own batches (a parsed file fills them directly)
            counter.addAndGet(n);
            return n;
        }

        @Override
        public List<RowStream> split(int parts) {
            List<RowStream> split = rows.split(parts);
            if (split.size() == 1) {
                return List.of(this);
            }
            return split.stream()
                    .map(part -> (RowStream) new Counted(part, counter))
                    .toList();
        }

        @Override
        public void close() {
            rows.close();
        }
    }
}
