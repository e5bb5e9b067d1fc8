package dev.dbx.engine.redis;

import dev.dbx.core.DbxException;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.engine.EngineContext;
import dev.dbx.engine.Launch;
import dev.dbx.engine.LocalEngine;
import dev.dbx.engine.PrivateFiles;
import dev.dbx.engine.ServerBinaries;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Redis: Debian's {@code redis-server} when it is on the PATH (newer), else the Linux binary shipped in the
 * embedded-redis jar. Persistence is an append-only file synced once a second, so data survives {@code dbx down}
 * without background snapshots disturbing benchmarks. Clients log in as dbx with the lab's secret; dangerous commands
 * are denied to that user (see {@link RedisConfig}).
 */
public final class RedisEngine extends LocalEngine {
    private static final String BUNDLED_ENTRY = "redis-server-6.2.6-v5-linux-amd64";

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public String description() {
        return debianBinary().isPresent() ? "Redis (Debian redis-server)" : "Redis (binary from embedded-redis)";
    }

    @Override
    public int defaultPort() {
        return 16379;
    }

    /**
     * {@code redis-server <home>/redis.conf}: every setting, the ACL users among them, is in the owner-only file (see
     * {@link RedisConfig}), none on the command line. A data directory of an older dbx (no password then, files made
     * with the invoking user's umask) needs nothing else: its append-only file holds data, not users, and its files are
     * made owner-only here.
     */
    @Override
    public Launch launch(EngineContext ctx) throws IOException {
        Path binary = debianBinary().isPresent() ? debianBinary().get() : bundledBinary(ctx);
        PrivateFiles.tree(ctx.dataDir());
        Path config = RedisConfig.write(ctx);
        return Launch.of(ctx.dataDir(), List.of(binary.toString(), config.toString()));
    }

    private Path bundledBinary(EngineContext ctx) throws IOException {
        Path jar = ServerBinaries.jar(this, "embedded-redis-");
        return ServerBinaries.unpack(
                jar, BUNDLED_ENTRY, ctx.cacheDir().resolve("redis").resolve(BUNDLED_ENTRY), true);
    }

    /** Debian's server, unless DBX_REDIS_BINARY=bundled asks for the jar's. */
    private static Optional<Path> debianBinary() {
        if ("bundled".equals(System.getenv("DBX_REDIS_BINARY"))) {
            return Optional.empty();
        }
        return ServerBinaries.onPath("redis-server");
    }

    @Override
    public URI uri(EngineContext ctx) {
        // Lettuce sends AUTH dbx <secret> (ACL style); the secret is base64url, so nothing needs encoding
        return URI.create("redis://" + ctx.credentials() + ctx.host() + ":" + ctx.port());
    }

    private static Optional<String> field(String info, String name) {
        return info.lines()
                .filter(l -> l.startsWith(name + ":"))
                .map(l -> l.substring(name.length() + 1).strip())
                .findFirst();
    }

    @Override
    public ServerIdentity probe(URI uri, Duration timeout) {
        RedisClient client = RedisClient.create(RedisURI.create(uri));
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .autoReconnect(false)
                .build());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            String version = field(connection.sync().info("server"), "redis_version")
                    .orElseThrow(() -> new DbxException("INFO server did not report redis_version"));
            // a restarted Redis answers INFO while it reads its AOF back, but refuses data commands (LOADING)
            String persistence = connection.sync().info("persistence");
            if (field(persistence, "loading").filter("1"::equals).isPresent()) {
                throw new DbxException("Redis is still loading its data from disk ("
                        + field(persistence, "loading_loaded_perc").orElse("?") + "% done)");
            }
            return new ServerIdentity("Redis", version);
        } finally {
            client.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }
}
