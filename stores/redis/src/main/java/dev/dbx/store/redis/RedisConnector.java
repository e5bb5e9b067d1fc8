package dev.dbx.store.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Opens connections to one server, each within the timeout, with failures as clear messages. A connection closed
 * during the handshake is tried again (up to {@link #ATTEMPTS} times while the timeout lasts): a server that is
 * restarting does that, and Lettuce itself sometimes reports a refused password that way, because closing the
 * channel after a failed AUTH races with reporting the failure.
 */
final class RedisConnector implements AutoCloseable {
    static final int ATTEMPTS = 3;

    private final RedisClient client;
    private final RedisTarget target;
    private final Duration timeout;

    RedisConnector(RedisTarget target, Duration timeout) {
        this.target = target;
        this.timeout = timeout;
        this.client = RedisClient.create(target.redisUri());
        client.setOptions(options(timeout));
    }

    /**
     * Nothing may hang: connecting and every command are bounded by the timeout (a bulk load's batches as a whole), and while a connection is down its
     * commands fail at once instead of queueing (it reconnects in the background, so a restarted server is picked
     * up again).
     */
    private static ClientOptions options(Duration timeout) {
        return ClientOptions.builder()
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(timeout)
                        .keepAlive(true)
                        .build())
                // the connection's own timeout (the URI's), so a bulk load can hand the bound to its batches instead
                .timeoutOptions(TimeoutOptions.enabled())
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .pingBeforeActivateConnection(true)
                .build();
    }

    RedisTarget target() {
        return target;
    }

    Duration timeout() {
        return timeout;
    }

    StatefulRedisConnection<String, String> connect() {
        return connect(StringCodec.UTF8);
    }

    /** A connection whose keys and values are {@code codec}'s type (bulk loads send ready-made bytes). */
    <T> StatefulRedisConnection<T, T> connect(RedisCodec<T, T> codec) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                return client.connect(codec);
            } catch (RedisConnectionException e) {
                if (attempt >= ATTEMPTS || !closedDuringHandshake(e) || System.nanoTime() > deadline) {
                    throw RedisErrors.cannotConnect(target, e);
                }
            } catch (RedisException e) {
                throw RedisErrors.cannotConnect(target, e);
            }
        }
    }

    private static boolean closedDuringHandshake(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("closed prematurely")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        client.shutdown(0, Math.max(1, timeout.toSeconds()), TimeUnit.SECONDS);
    }
}
