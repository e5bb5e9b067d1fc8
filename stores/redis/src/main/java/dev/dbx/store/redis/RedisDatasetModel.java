package dev.dbx.store.redis;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowSink;
import dev.dbx.core.dataset.RowStream;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The datasets as hashes and sorted sets ({@code KEYSPACE.md}): no schema to create (every structure appears with
 * its first member), loads pipelined on a connection of their own, counts from the id sets, scans page by page
 * through the id sets, drops by SCAN MATCH of the dataset's namespace.
 */
final class RedisDatasetModel implements DatasetModel {
    /** Keys looked up per round trip by {@link #existingKeys}. */
    static final int LOOKUP_BATCH = 1_000;

    private final RedisConnector connector;
    private final StatefulRedisConnection<String, String> connection;
    private final Duration timeout;
    private final KeyScheme keys;

    RedisDatasetModel(RedisConnector connector, StatefulRedisConnection<String, String> connection, KeyScheme keys) {
        this.connector = connector;
        this.connection = connection;
        this.timeout = connector.timeout();
        this.keys = keys;
    }

    @Override
    public boolean isLoaded(Dataset dataset) {
        String[] idSets =
                dataset.entities().stream().map(e -> keys.idSet(dataset, e)).toArray(String[]::new);
        return RedisErrors.call(
                "checking for the " + dataset.name() + " dataset",
                () -> connection.sync().exists(idSets) > 0);
    }

    /** Redis has no schema: every structure appears with its first member. Checks the definitions, though. */
    @Override
    public void create(Dataset dataset) {
        SecondaryIndexes.of(dataset);
        dataset.entities().forEach(EntityLayout::of);
    }

    @Override
    public void drop(Dataset dataset) {
        RedisErrors.call(
                "dropping the " + dataset.name() + " dataset",
                () -> new KeyspaceCleaner(connection, timeout).deleteMatching(keys.everyKeyPattern(dataset)));
    }

    @Override
    public void load(DatasetSource source) {
        Dataset dataset = source.dataset();
        SecondaryIndexes indexes = SecondaryIndexes.of(dataset);
        BulkLoader loader = new BulkLoader(keys);
        for (Entity entity : source.entities()) {
            EntityLayout layout = EntityLayout.of(dataset.entity(entity.name()));
            RedisErrors.call("loading " + entity.name(), () -> {
                try (PipelineSink sink = new PipelineSink(connector, timeout);
                        RowStream rows = source.rows(entity)) {
                    return loader.load(sink, dataset, layout, indexes.of(entity), rows);
                }
            });
        }
    }

    @Override
    public String loadMethod() {
        return "pipelined ZADD (ids and secondary sorted sets) and HSET per row, " + BulkLoader.BATCH_ROWS
                + " rows per batch, commands encoded in RESP on the loading thread, on a connection of its own";
    }

    /** The secondary sorted sets are written with the rows (re-reading every hash afterwards would cost more). */
    @Override
    public void index(Dataset dataset) {}

    @Override
    public long count(Dataset dataset, Entity entity) {
        return RedisErrors.call(
                "counting " + entity.name(), () -> connection.sync().zcard(keys.idSet(dataset, entity)));
    }

    /**
     * Scans on a connection of its own. A fresh connection found closed at its first command ("not connected": seen
     * once in the full suite on a loaded machine, cause unknown) is opened again, once, if no row was handed over yet,
     * so a retry cannot give a row twice.
     */
    @Override
    public void scan(Dataset dataset, Entity entity, RowSink sink) {
        EntityLayout layout = EntityLayout.of(dataset.entity(entity.name()));
        long[] given = {0};
        RowSink counted = row -> {
            given[0]++;
            sink.accept(row);
        };
        for (int attempt = 1; ; attempt++) {
            try {
                RedisErrors.call("scanning " + entity.name(), () -> {
                    try (Pipeline<String> pipeline = new Pipeline<>(connector.connect(), timeout)) {
                        return new EntityScanner(keys).scan(pipeline, dataset, layout, counted);
                    }
                });
                return;
            } catch (DbxException e) {
                boolean notConnected = String.valueOf(e.getMessage()).contains("not connected");
                if (attempt > 1 || given[0] > 0 || !notConnected) {
                    throw e;
                }
            }
        }
    }

    /**
     * A ZSCORE in the entity's id set per key (what counts and scans read), {@value #LOOKUP_BATCH} keys per round trip
     * on a pipeline of its own.
     */
    @Override
    public Set<List<Object>> existingKeys(Dataset dataset, Entity entity, Collection<List<Object>> wanted) {
        Set<List<Object>> found = new HashSet<>();
        if (wanted.isEmpty()) {
            return found;
        }
        EntityLayout layout = EntityLayout.of(dataset.entity(entity.name()));
        String idSet = keys.idSet(dataset, entity);
        return RedisErrors.call("looking up keys of " + entity.name(), () -> {
            try (Pipeline<String> pipeline = new Pipeline<>(connector.connect(), timeout)) {
                List<List<Object>> batch = new ArrayList<>(LOOKUP_BATCH);
                List<RedisFuture<Double>> scores = new ArrayList<>(LOOKUP_BATCH);
                for (List<Object> key : wanted) {
                    batch.add(key);
                    scores.add(pipeline.commands().zscore(idSet, layout.id(key)));
                    if (batch.size() == LOOKUP_BATCH) {
                        collect(pipeline, batch, scores, found);
                    }
                }
                collect(pipeline, batch, scores, found);
                return found;
            }
        });
    }

    private static void collect(
            Pipeline<String> pipeline,
            List<List<Object>> batch,
            List<RedisFuture<Double>> scores,
            Set<List<Object>> found) {
        pipeline.flush();
        for (int i = 0; i < batch.size(); i++) {
            if (pipeline.await(scores.get(i)) != null) {
                found.add(batch.get(i));
            }
        }
        batch.clear();
        scores.clear();
    }
}
