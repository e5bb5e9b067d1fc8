package dev.dbx.store.redis;

import io.lettuce.core.ScoredValue;
import java.util.List;
import java.util.Map;

/**
 * Where a bulk load's commands go: the live pipeline ({@link Pipeline#sink()}), or a RESP file for
 * {@code redis-cli --pipe} ({@link RespFile}), so the native baseline sends exactly the commands dbx sends.
 */
interface CommandSink {
    void zadd(String key, List<ScoredValue<String>> members);

    void hset(String key, Map<String, String> fields);

    /** The batch is complete: send it. */
    void endBatch();

    /** Everything is queued: send what is left and wait for it. */
    void finish();
}
