package dev.dbx.store.redis;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.NativeBulkLoad;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Redis's own mass insertion, {@code redis-cli --pipe}, fed a RESP file of the very commands {@link
 * RedisDatasetModel#load} sends (made by the same {@link BulkLoader}), so the baseline and dbx's load differ only in
 * who sends them. Between timed runs it keeps the append-only file from rewriting itself in the middle of one.
 */
final class RedisCliLoad implements NativeBulkLoad {
    private static final String AOF_REWRITE = "auto-aof-rewrite-percentage";

    private final RedisConnector connector;
    private final StatefulRedisConnection<String, String> connection;
    private final KeyScheme keys;

    /** Commands per RESP file made by {@link #prepareNative}, so {@link #loadNative} can check every reply came. */
    private final Map<Path, Long> respCommands = new ConcurrentHashMap<>();

    /** The server's own auto-aof-rewrite-percentage while the benchmark holds rewrites off; null when not held. */
    private String rewritePercentage;

    RedisCliLoad(RedisConnector connector, StatefulRedisConnection<String, String> connection, KeyScheme keys) {
        this.connector = connector;
        this.connection = connection;
        this.keys = keys;
    }

    @Override
    public String nativeLoader() {
        return new RedisCliPipe(connector.target().redisUri()).describe();
    }

    @Override
    public Path prepareNative(Dataset dataset, Entity entity, Path tblFile, RowStream rows, Path workDir) {
        Path file = workDir.resolve(dataset.name() + "-" + entity.name() + ".resp");
        EntityLayout layout = EntityLayout.of(dataset.entity(entity.name()));
        try (RespFile resp = new RespFile(file)) {
            new BulkLoader(keys)
                    .load(resp, dataset, layout, SecondaryIndexes.of(dataset).of(entity), rows);
            respCommands.put(file, resp.commands());
        }
        return file;
    }

    @Override
    public void loadNative(Dataset dataset, Entity entity, Path file) {
        new RedisCliPipe(connector.target().redisUri()).load(file, respCommands.getOrDefault(file, -1L));
    }

    /**
     * Compacts the append-only file (BGREWRITEAOF, awaited) and holds off automatic rewrites until {@link #afterRuns}:
     * a rewrite forks and copies the dataset, and would land in one timed run and not another. dbx's own Redis runs
     * with automatic rewrites off already (its user may not run CONFIG SET, which could also move the server's
     * directory), so only the compaction is needed there. Best effort: a server that refuses CONFIG or BGREWRITEAOF (a
     * managed one) is measured as it is.
     */
    @Override
    public void beforeRun() {
        var sync = connection.sync();
        try {
            if (rewritePercentage == null) {
                String current = sync.configGet(AOF_REWRITE).get(AOF_REWRITE);
                if (current != null && !"0".equals(current)) {
                    sync.configSet(AOF_REWRITE, "0");
                    // remembered only once changed: afterRuns puts back what it changed, nothing else
                    rewritePercentage = current;
                }
            }
        } catch (RedisException e) {
            // CONFIG refused: automatic rewrites stay as the server has them
        }
        try {
            if (!"1".equals(persistence().get("aof_enabled"))) {
                return;
            }
            awaitNoRewrite();
            sync.bgrewriteaof();
            awaitNoRewrite();
        } catch (RedisException | DbxException e) {
            // measured without it
        }
    }

    @Override
    public void afterRuns() {
        if (rewritePercentage != null) {
            RedisErrors.call(
                    "restoring " + AOF_REWRITE, () -> connection.sync().configSet(AOF_REWRITE, rewritePercentage));
            rewritePercentage = null;
        }
    }

    private Map<String, String> persistence() {
        return ServerInfo.parse(connection.sync().info("persistence"));
    }

    private void awaitNoRewrite() {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, String> p = persistence();
            if ("0".equals(p.get("aof_rewrite_in_progress")) && "0".equals(p.get("aof_rewrite_scheduled"))) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DbxException("interrupted while waiting for Redis's AOF rewrite");
            }
        }
    }
}
