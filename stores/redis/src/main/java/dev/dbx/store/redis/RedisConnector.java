package dev.dbx.store.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisException;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLParameters;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.DefaultRedisCredentials;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Opens connections to one server, each within the timeout, with failures as clear messages. A connection closed
 * during the handshake is tried again (up to {@link #ATTEMPTS} times while the timeout lasts): a server that is
 * restarting does that, and Lettuce itself sometimes reports a refused password that way, because closing the
 * channel after a failed AUTH races with reporting the failure.
 *
 * <p>Two kinds of connection: Lettuce's (thread-safe, answered on Netty's event loop) for the store's own commands,
 * pipelines and bulk loads, and a plain blocking Jedis {@link Connection} for a key-value session, where the calling
 * thread writes each command and reads its reply itself: no hand-off to an event loop per operation, which is what a
 * benchmark's client thread should cost. Both log in alike (the URI's user and password, database, client name "dbx").
 */
final class RedisConnector implements AutoCloseable {
    static final int ATTEMPTS = 3;

    private final RedisClient client;
    private final RedisTarget target;
    private final Duration timeout;
    private final HostAndPort hostAndPort;
    private final JedisClientConfig blockingConfig;

    RedisConnector(RedisTarget target, Duration timeout) {
        this.target = target;
        this.timeout = timeout;
        this.client = RedisClient.create(target.redisUri());
        client.setOptions(options(timeout));
        this.hostAndPort =
                new HostAndPort(target.redisUri().getHost(), target.redisUri().getPort());
        this.blockingConfig = blockingConfig(target, timeout);
    }

    /**
     * The Jedis side of the same login: the URI's credentials, database and TLS, the timeout for connecting and for
     * every reply (the socket's read timeout), the client name Lettuce gives too, and no CLIENT SETINFO (the lab's ACL
     * denies it, and a reply nobody reads is a round trip wasted).
     */
    private static JedisClientConfig blockingConfig(RedisTarget target, Duration timeout) {
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis)
                .socketTimeoutMillis(millis)
                .database(target.redisUri().getDatabase())
                .clientName("dbx")
                // RESP2, as Lettuce's commands and redis-benchmark read: HGETALL answers field, value, ... (not a map)
                .protocol(RedisProtocol.RESP2)
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED);
        if (target.redisUri().isSsl()) {
            // verify the server's name against its certificate, as Lettuce does by default
            SSLParameters ssl = new SSLParameters();
            ssl.setEndpointIdentificationAlgorithm("HTTPS");
            config.ssl(true).sslParameters(ssl);
        }
        RedisCredentials credentials = target.redisUri().getCredentialsProvider() == null
                ? null
                : target.redisUri()
                        .getCredentialsProvider()
                        .resolveCredentials()
                        .block();
        if (credentials != null && credentials.hasPassword()) {
            config.credentials(new DefaultRedisCredentials(
                    credentials.hasUsername() ? credentials.getUsername() : null, credentials.getPassword()));
        }
        return config.build();
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

    /**
     * A plain blocking connection for one thread, connected and logged in before it is returned (within the timeout),
     * whose every reply is awaited at most the timeout.
     */
    Connection connectBlocking() {
        try {
            return new Connection(hostAndPort, blockingConfig);
        } catch (JedisException e) {
            throw RedisErrors.cannotConnect(target, e);
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
