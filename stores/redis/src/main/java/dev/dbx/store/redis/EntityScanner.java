package dev.dbx.store.redis;

import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.RowSink;
import io.lettuce.core.RedisFuture;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every row of an entity back: the id set page by page (ZRANGE by rank, so no id comes twice, which SCAN could
 * not promise), and per page one pipelined HMGET per id. The next page of ids is asked for together with the current
 * page's hashes, so each page costs one round trip.
 */
final class EntityScanner {
    /** Ids per page: bounded memory, one round trip per page. */
    static final int PAGE = 1_000;

    private final KeyScheme keys;

    EntityScanner(KeyScheme keys) {
        this.keys = keys;
    }

    /** Streams every row to {@code sink}; returns how many there were. */
    long scan(Pipeline<String> pipeline, Dataset dataset, EntityLayout layout, RowSink sink) {
        String idSet = keys.idSet(dataset, layout.entity());
        String rowPrefix = keys.rowPrefix(dataset, layout.entity());
        String[] fields = layout.fieldNames();
        RedisFuture<List<String>> nextIds = pipeline.commands().zrange(idSet, 0, PAGE - 1);
        pipeline.flush();
        long start = 0;
        long n = 0;
        while (true) {
            List<String> ids = pipeline.await(nextIds);
            if (ids.isEmpty()) {
                return n;
            }
            List<RedisFuture<List<io.lettuce.core.KeyValue<String, String>>>> hashes = new ArrayList<>(ids.size());
            for (String id : ids) {
                hashes.add(pipeline.commands().hmget(rowPrefix + id, fields));
            }
            start += ids.size();
            nextIds = ids.size() < PAGE ? null : pipeline.commands().zrange(idSet, start, start + PAGE - 1);
            pipeline.flush();
            for (int i = 0; i < ids.size(); i++) {
                List<io.lettuce.core.KeyValue<String, String>> values = pipeline.await(hashes.get(i));
                List<String> texts = new ArrayList<>(values.size());
                for (io.lettuce.core.KeyValue<String, String> value : values) {
                    texts.add(value.getValueOrElse(null));
                }
                sink.accept(layout.row(ids.get(i), texts));
                n++;
            }
            if (nextIds == null) {
                return n;
            }
        }
    }
}
