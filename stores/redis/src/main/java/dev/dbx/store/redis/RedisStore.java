package dev.dbx.store.redis;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.capability.KeyValue;
import dev.dbx.core.capability.NativeBulkLoad;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowSink;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.core.store.Store;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Redis, modelled the way a Redis expert keeps relational data: a hash per row, a sorted set of every entity's ids
 * (exact counts and scans without KEYS), and sorted sets for the ranges and top-N the workloads ask for, all under
 * one namespace per dataset. The key scheme is documented in {@code KEYSPACE.md} next to this class; the secondary
 * sorted sets are defined in {@code keyspace/<dataset>.indexes}. Loads through pipelining on a connection of its own;
 * everything else shares one thread-safe connection.
 */
final class RedisStore implements Store, DatasetModel, KeyValue, NativeBulkLoad {
    private final URI uri;
    private final RedisConnector connector;
    private final StatefulRedisConnection<String, String> connection;
    private final Duration timeout;
    private final KeyScheme keys;
    private final UserTable userTable;

    RedisStore(URI uri, RedisConnector connector, StatefulRedisConnection<String, String> connection) {
        this.uri = uri;
        this.connector = connector;
        this.connection = connection;
        this.timeout = connector.timeout();
        this.keys = new KeyScheme(connector.target().prefix());
        this.userTable = new UserTable(connection, keys, timeout);
    }

    @Override
    public String id() {
        return "redis";
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public ServerIdentity identity() {
        return call(
                "asking the server who it is",
                () -> ServerInfo.identity(connection.sync().info("server")));
    }

    // ---- DatasetModel ----------------------------------------------------------------------------------------

    @Override
    public boolean isLoaded(Dataset dataset) {
        String[] idSets =
                dataset.entities().stream().map(e -> keys.idSet(dataset, e)).toArray(String[]::new);
        return call(
                "checking for the " + dataset.name() + " dataset",
                () -> connection.sync().exists(idSets) > 0);
    }

    /** Redis has no schema: every structure appears with its first member. Checks the definitions, though. */
    @Override
    public void create(Dataset dataset) {
        SecondaryIndexes.of(dataset);
        dataset.entities().forEach(EntityLayout::of);
    }

    @Override
    public void drop(Dataset dataset) {
        call(
                "dropping the " + dataset.name() + " dataset",
                () -> new KeyspaceCleaner(connection, timeout).deleteMatching(keys.everyKeyPattern(dataset)));
    }

    @Override
    public void load(DatasetSource source) {
        Dataset dataset = source.dataset();
        SecondaryIndexes indexes = SecondaryIndexes.of(dataset);
        BulkLoader loader = new BulkLoader(keys);
        for (Entity entity : source.entities()) {
            EntityLayout layout = EntityLayout.of(dataset.entity(entity.name()));
            call("loading " + entity.name(), () -> {
                try (PipelineSink sink = new PipelineSink(connector, timeout);
                        RowStream rows = source.rows(entity)) {
                    return loader.load(sink, dataset, layout, indexes.of(entity), rows);
                }
            });
        }
    }

    // ---- NativeBulkLoad: redis-cli --pipe with the very commands load() sends -------------------------------

    /** Commands per RESP file made by {@link #prepareNative}, so {@link #loadNative} can check every reply came. */
    private final Map<Path, Long> respCommands = new java.util.concurrent.ConcurrentHashMap<>();

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

    private static final String AOF_REWRITE = "auto-aof-rewrite-percentage";

    /** The server's own auto-aof-rewrite-percentage while the benchmark holds rewrites off; null when not held. */
    private String rewritePercentage;

    /**
     * Compacts the append-only file (BGREWRITEAOF, awaited) and holds off automatic rewrites until {@link #afterRuns}:
     * a rewrite forks and copies the dataset, and would land in one timed run and not another. Best effort: a server
     * that refuses CONFIG or BGREWRITEAOF (a managed one) is measured as it is.
     */
    @Override
    public void beforeRun() {
        try {
            var sync = connection.sync();
            if (rewritePercentage == null) {
                rewritePercentage = sync.configGet(AOF_REWRITE).get(AOF_REWRITE);
                sync.configSet(AOF_REWRITE, "0");
            }
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
            call("restoring " + AOF_REWRITE, () -> connection.sync().configSet(AOF_REWRITE, rewritePercentage));
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

    /** The secondary sorted sets are written with the rows (re-reading every hash afterwards would cost more). */
    @Override
    public void index(Dataset dataset) {}

    @Override
    public long count(Dataset dataset, Entity entity) {
        return call("counting " + entity.name(), () -> connection.sync().zcard(keys.idSet(dataset, entity)));
    }

    @Override
    public void scan(Dataset dataset, Entity entity, RowSink sink) {
        EntityLayout layout = EntityLayout.of(dataset.entity(entity.name()));
        call("scanning " + entity.name(), () -> {
            try (Pipeline<String> pipeline = new Pipeline<>(connector.connect(), timeout)) {
                return new EntityScanner(keys).scan(pipeline, dataset, layout, sink);
            }
        });
    }

    // ---- KeyValue (YCSB usertable) ---------------------------------------------------------------------------

    @Override
    public void insert(String key, Map<String, String> fields) {
        call("insert of " + key, () -> {
            userTable.insert(key, fields);
            return null;
        });
    }

    @Override
    public Optional<Map<String, String>> read(String key, Set<String> fields) {
        return call("read of " + key, () -> userTable.read(key, fields));
    }

    @Override
    public boolean update(String key, Map<String, String> fields) {
        return call("update of " + key, () -> userTable.update(key, fields));
    }

    @Override
    public boolean delete(String key) {
        return call("delete of " + key, () -> userTable.delete(key));
    }

    @Override
    public List<Record> scan(String startKey, int count, Set<String> fields) {
        return call("scan from " + startKey, () -> userTable.scan(startKey, count, fields));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** Runs {@code action}, turning a Lettuce failure into a message for people. */
    private static <T> T call(String doing, Supplier<T> action) {
        try {
            return action.get();
        } catch (DbxException e) {
            throw e;
        } catch (RedisException e) {
            throw RedisErrors.failed(doing, e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } finally {
            connector.close();
        }
    }
}
