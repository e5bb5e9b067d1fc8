package dev.dbx.store.redis;

import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A bulk load's commands sent through a {@link Pipeline}, each encoded in full on the loading thread ({@link Resp}) and
 * handed to Lettuce as one ready array of bytes. Lettuce's own encoding runs on its single I/O thread, argument by
 * argument (an HSET of a lineitem has 33), and was the load's bottleneck; now that thread copies one array per command.
 * Replies, errors and futures are still Lettuce's. The connection has no per-command timeout; each batch is awaited
 * within the timeout instead ({@link Pipeline#await}).
 */
final class PipelineSink implements CommandSink {
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final Pipeline<byte[]> pipeline;
    private final Resp resp = new Resp();

    PipelineSink(RedisConnector connector, Duration timeout) {
        this.connection = connector.connect(ByteArrayCodec.INSTANCE);
        connection.setTimeout(Duration.ZERO);
        this.pipeline = new Pipeline<>(connection, timeout);
    }

    @Override
    public void zadd(String key, List<ScoredValue<String>> members) {
        byte[] k = bytes(key);
        send(CommandType.ZADD, k, resp.zadd(k, members));
    }

    @Override
    public void hset(String key, String[] fields, String[] values) {
        byte[] k = bytes(key);
        send(CommandType.HSET, k, resp.hset(k, fields, values));
    }

    /** Queues the command {@code encoded} holds; both commands reply with an integer. */
    private void send(CommandType type, byte[] key, Resp encoded) {
        // the key in the args is for Lettuce's bookkeeping (and toString); the bytes on the wire are resp's
        CommandArgs<byte[], byte[]> args = new CommandArgs<>(ByteArrayCodec.INSTANCE).addKey(key);
        AsyncCommand<byte[], byte[], Long> command = new AsyncCommand<>(
                new Encoded(type, new IntegerOutput<>(ByteArrayCodec.INSTANCE), args, encoded.toBytes()));
        connection.dispatch(command);
        pipeline.add(command);
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

    /** A command whose wire form was made beforehand. */
    private static final class Encoded extends Command<byte[], byte[], Long> {
        private final byte[] wire;

        Encoded(CommandType type, IntegerOutput<byte[], byte[]> output, CommandArgs<byte[], byte[]> args, byte[] wire) {
            super(type, output, args);
            this.wire = wire;
        }

        @Override
        public void encode(ByteBuf buf) {
            buf.writeBytes(wire);
        }
    }
}
