package dev.dbx.store.redis;

import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bulk load's commands sent through a {@link Pipeline} of bytes. Strings become UTF-8 bytes here, on the loading
 * thread, one vectorized copy each; Lettuce then writes them to the wire as they are. With its string codec it would
 * encode every argument char by char into a temporary buffer on its single I/O thread, and arm a timer for every
 * command: that thread was the bottleneck of the whole load. Here the connection has no per-command timeout; each
 * batch is awaited within the timeout instead ({@link Pipeline#await}).
 */
final class PipelineSink implements CommandSink {
    private final Pipeline<byte[]> pipeline;
    private String[] encodedFor;
    private byte[][] encodedFields;

    PipelineSink(RedisConnector connector, Duration timeout) {
        StatefulRedisConnection<byte[], byte[]> connection = connector.connect(ByteArrayCodec.INSTANCE);
        connection.setTimeout(Duration.ZERO);
        this.pipeline = new Pipeline<>(connection, timeout);
    }

    @Override
    public void zadd(String key, List<ScoredValue<String>> members) {
        @SuppressWarnings("unchecked")
        ScoredValue<byte[]>[] encoded = new ScoredValue[members.size()];
        for (int i = 0; i < encoded.length; i++) {
            ScoredValue<String> member = members.get(i);
            encoded[i] = ScoredValue.just(member.getScore(), bytes(member.getValue()));
        }
        pipeline.add(pipeline.commands().zadd(bytes(key), encoded));
    }

    @Override
    public void hset(String key, String[] fields, String[] values) {
        byte[][] names = fieldBytes(fields);
        // byte[] has identity equality: fine, as Lettuce only iterates the map and the names are distinct
        Map<byte[], byte[]> hash = new IdentityHashMap<>(fields.length * 2);
        for (int i = 0; i < fields.length; i++) {
            if (values[i] != null) {
                hash.put(names[i], bytes(values[i]));
            }
        }
        pipeline.add(pipeline.commands().hset(bytes(key), hash));
    }

    /** The field names' bytes, made once per load (every row of an entity has the same names). */
    private byte[][] fieldBytes(String[] fields) {
        if (fields != encodedFor) {
            encodedFields = new byte[fields.length][];
            for (int i = 0; i < fields.length; i++) {
                encodedFields[i] = bytes(fields[i]);
            }
            encodedFor = fields;
        }
        return encodedFields;
    }

    @Override
    public void endBatch() {
        pipeline.send();
    }

    @Override
    public void finish() {
        pipeline.finish();
    }

    @Override
    public void close() {
        pipeline.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
