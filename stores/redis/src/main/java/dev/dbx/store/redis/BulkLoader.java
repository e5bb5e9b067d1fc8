package dev.dbx.store.redis;

import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.RowStream;
import io.lettuce.core.ScoredValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams one entity's rows into Redis through a {@link Pipeline}: per batch of rows, one ZADD with all their ids,
 * one ZADD per secondary sorted set they touch, then one HSET per row. The ids go first so that a load cut short
 * leaves no row its id set does not know of (the id sets are what {@code isLoaded} looks at).
 */
final class BulkLoader {
    /** Rows per batch: a few hundred kB on the wire, replies awaited per batch. */
    static final int BATCH_ROWS = 2_000;

    private final KeyScheme keys;

    BulkLoader(KeyScheme keys) {
        this.keys = keys;
    }

    /** Sends every row of {@code rows} to {@code sink}; returns how many there were. */
    long load(CommandSink sink, Dataset dataset, EntityLayout layout, List<SecondaryIndex> indexes, RowStream rows) {
        String idSet = keys.idSet(dataset, layout.entity());
        String rowPrefix = keys.rowPrefix(dataset, layout.entity());
        String secondaryPrefix = keys.secondaryPrefix(dataset, layout.entity());
        String[] fields = layout.fieldNames();
        Batch batch = new Batch();
        long n = 0;
        while (rows.hasNext()) {
            Object[] row = rows.next();
            String id = layout.id(row);
            batch.ids.add(ScoredValue.just(layout.idScore(row), id));
            for (SecondaryIndex index : indexes) {
                batch.secondary
                        .computeIfAbsent(index.key(secondaryPrefix, row), k -> new ArrayList<>())
                        .add(ScoredValue.just(index.score(row), id));
            }
            batch.rowKeys.add(rowPrefix + id);
            batch.rowValues.add(layout.values(row));
            n++;
            if (batch.rowKeys.size() == BATCH_ROWS) {
                batch.queue(sink, idSet, fields);
                sink.endBatch();
                batch = new Batch();
            }
        }
        batch.queue(sink, idSet, fields);
        sink.finish();
        return n;
    }

    /** The commands of one batch of rows, grouped so each sorted set gets one ZADD. */
    private static final class Batch {
        final List<ScoredValue<String>> ids = new ArrayList<>(BATCH_ROWS);
        final Map<String, List<ScoredValue<String>>> secondary = new LinkedHashMap<>();
        final List<String> rowKeys = new ArrayList<>(BATCH_ROWS);
        final List<String[]> rowValues = new ArrayList<>(BATCH_ROWS);

        void queue(CommandSink sink, String idSet, String[] fields) {
            if (ids.isEmpty()) {
                return;
            }
            sink.zadd(idSet, ids);
            secondary.forEach(sink::zadd);
            for (int i = 0; i < rowKeys.size(); i++) {
                String[] values = rowValues.get(i);
                if (!allNull(values)) { // HSET needs a field; a row of nulls is its id alone
                    sink.hset(rowKeys.get(i), fields, values);
                }
            }
        }

        private static boolean allNull(String[] values) {
            for (String value : values) {
                if (value != null) {
                    return false;
                }
            }
            return true;
        }
    }
}
