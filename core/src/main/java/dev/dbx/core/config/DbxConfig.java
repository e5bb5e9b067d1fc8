package dev.dbx.core.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * dbx's settings, resolved from (highest first) command-line flags, environment variables, {@code dbx.yaml} and
 * defaults. See {@link ConfigLoader}.
 *
 * @param dataDir where local engines keep their data, logs and state
 * @param externalStores stores that point at an external server instead of a local engine, by store id
 * @param enginePorts port overrides for local engines, by engine name
 * @param timeout the longest a connect or a request may take
 * @param poolSizes connection pool sizes by store id (a store not named keeps its own default)
 */
public record DbxConfig(
        Path dataDir,
        Map<String, URI> externalStores,
        Map<String, Integer> enginePorts,
        Duration timeout,
        Map<String, Integer> poolSizes) {
    public static final Path DEFAULT_DATA_DIR = Path.of(".dbx");
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public DbxConfig {
        externalStores = Map.copyOf(externalStores);
        enginePorts = Map.copyOf(enginePorts);
        poolSizes = Map.copyOf(poolSizes);
    }

    public DbxConfig(
            Path dataDir, Map<String, URI> externalStores, Map<String, Integer> enginePorts, Duration timeout) {
        this(dataDir, externalStores, enginePorts, timeout, Map.of());
    }

    public Optional<URI> externalStore(String storeId) {
        return Optional.ofNullable(externalStores.get(storeId));
    }

    /** The pool size configured for {@code storeId}, if any. */
    public Optional<Integer> poolSize(String storeId) {
        return Optional.ofNullable(poolSizes.get(storeId));
    }

    public Optional<Integer> enginePort(String engine) {
        return Optional.ofNullable(enginePorts.get(engine));
    }
}
