package dev.dbx.store.redis;

import io.lettuce.core.ScoredValue;
import java.util.List;

/**
 * Where a bulk load's commands go: the live pipeline ({@link Pipeline#sink()}), or a RESP file for
 * {@code redis-cli --pipe} ({@link RespFile}), so the native baseline sends exactly the commands dbx sends.
 */
interface CommandSink extends AutoCloseable {
    void zadd(String key, List<ScoredValue<String>> members);

    /** HSET of {@code fields[i]} to {@code values[i]} wherever that value is not null; at least one is not. */
    void hset(String key, String[] fields, String[] values);

    /** The batch is complete: send it. */
    void endBatch();

    /** Everything is queued: send what is left and wait for it. */
    void finish();

    @Override
    void close();
}
