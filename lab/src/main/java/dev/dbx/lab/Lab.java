package dev.dbx.lab;

import dev.dbx.core.DbxException;
import dev.dbx.core.config.DbxConfig;
import dev.dbx.core.store.Placement;
import dev.dbx.core.store.ResourceProbe;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import dev.dbx.core.store.StoreProvider;
import dev.dbx.core.store.Stores;
import dev.dbx.engine.CacheDir;
import dev.dbx.engine.EngineSupervisor;
import dev.dbx.engine.Engines;
import dev.dbx.engine.LocalEngine;
import dev.dbx.engine.PrivateFiles;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * This run's lab: the settings, the local engines and the stores, and where each store is reached (a local engine,
 * an embedded file under the data directory, or an external server by URI).
 */
public final class Lab {
    private final DbxConfig config;
    private final EngineSupervisor supervisor;

    public Lab(DbxConfig config) {
        this.config = config;
        List<String> engines = Engines.all().stream().map(LocalEngine::name).toList();
        for (String name : config.enginePorts().keySet()) {
            if (!engines.contains(name)) {
                throw new DbxException(
                        "a port is set for an unknown engine '" + name + "' (with --port, DBX_PORT_"
                                + name.toUpperCase(Locale.ROOT) + " or engines." + name + ".port in dbx.yaml)",
                        "known engines: " + String.join(", ", engines));
            }
        }
        this.supervisor = new EngineSupervisor(
                config.dataDir(),
                CacheDir.resolve(),
                engine -> config.enginePort(engine.name()).orElse(engine.defaultPort()),
                config.timeout());
    }

    public DbxConfig config() {
        return config;
    }

    public EngineSupervisor supervisor() {
        return supervisor;
    }

    public Path dataDir() {
        return config.dataDir().toAbsolutePath().normalize();
    }

    /**
     * Refuses to start engines whose ports would collide — two configured on one port, or one configured on a port an
     * engine of this lab already runs on — before any of them is prepared (a PostgreSQL would otherwise run initdb and
     * then crash on a port another engine took first).
     */
    public void checkPortsDistinct(Set<String> starting) {
        Map<Integer, String> taken = new java.util.HashMap<>();
        for (LocalEngine engine : localEngines()) {
            boolean running = supervisor.status(engine, false).state() == dev.dbx.engine.EngineState.running;
            if (!running && !starting.contains(engine.name())) {
                continue;
            }
            List<Integer> ports = supervisor.context(engine).ports();
            for (int i = 0; i < ports.size(); i++) {
                String user = engine.name() + " (" + engine.portNames().get(i) + ")";
                String other = taken.putIfAbsent(ports.get(i), user);
                if (other != null) {
                    throw new DbxException(
                            "port " + ports.get(i) + " is given to both " + other + " and " + user,
                            "give each engine ports of its own with --port <engine>=<port> (engines with two ports use"
                                    + " the next one too)");
                }
            }
        }
    }

    /** Local engines whose store is not pointed at an external server. */
    public List<LocalEngine> localEngines() {
        return Engines.all().stream()
                .filter(e -> e.storeId()
                        .map(id -> config.externalStore(id).isEmpty())
                        .orElse(true))
                .toList();
    }

    /** Names {@code --engines} accepts: the local engines and the embedded stores. */
    public List<String> engineNames() {
        List<String> names =
                new ArrayList<>(Engines.all().stream().map(LocalEngine::name).toList());
        embeddedProviders().forEach(p -> names.add(p.id()));
        return names;
    }

    /** The names chosen with {@code --engines}, checked; all of them when none were given. */
    public Set<String> select(List<String> requested) {
        List<String> known = engineNames();
        if (requested == null || requested.isEmpty()) {
            return new LinkedHashSet<>(known);
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String name : requested) {
            String key = name.strip().toLowerCase(Locale.ROOT);
            if (key.isEmpty()) {
                continue;
            }
            String resolved = known.contains(key)
                    ? key
                    : Stores.find(key)
                            .flatMap(p -> Engines.forStore(p.id()).map(LocalEngine::name))
                            .filter(known::contains)
                            .orElseThrow(() -> new DbxException(
                                    "unknown engine '" + name + "'", "known engines: " + String.join(", ", known)));
            chosen.add(resolved);
        }
        return chosen;
    }

    /** Every store dbx can reach this run, in a stable order. */
    public List<StoreTarget> stores() {
        List<StoreTarget> targets = new ArrayList<>();
        for (StoreProvider provider : Stores.providers()) {
            target(provider).ifPresent(targets::add);
        }
        return targets;
    }

    /** Where store {@code id} is reached this run, or a clear error when it cannot be. */
    public StoreTarget store(String id) {
        StoreProvider provider = Stores.provider(id);
        return target(provider)
                .orElseThrow(() -> new DbxException(
                        "store " + provider.id() + " has no local engine and no URI",
                        "point it at a server with --store " + provider.id() + "=" + provider.uriExample()));
    }

    private Optional<StoreTarget> target(StoreProvider provider) {
        Optional<URI> external = config.externalStore(provider.id());
        if (external.isPresent()) {
            return Optional.of(new StoreTarget(provider.id(), external.get(), Placement.EXTERNAL, null, null));
        }
        Path dir = embeddedDir(provider.id());
        Optional<URI> embedded = provider.embeddedUri(dir);
        if (embedded.isPresent()) {
            return Optional.of(new StoreTarget(provider.id(), embedded.get(), Placement.EMBEDDED, null, dir));
        }
        return Engines.forStore(provider.id())
                .map(engine -> new StoreTarget(
                        provider.id(), engine.uri(supervisor.context(engine)), Placement.LOCAL_ENGINE, engine, null));
    }

    public List<StoreProvider> embeddedProviders() {
        return Stores.providers().stream()
                .filter(p -> p.embeddedUri(embeddedDir(p.id())).isPresent())
                .toList();
    }

    public Path embeddedDir(String storeId) {
        return dataDir().resolve("embedded").resolve(storeId);
    }

    /** Opens a store with the configured timeout and pool size; an embedded store's directory is created first. */
    public Store open(StoreTarget target) {
        return open(target, config.poolSize(target.storeId()).orElse(0));
    }

    /**
     * Opens a store with a pool of {@code poolSize} connections (0: the store's default), telling it where its server
     * runs: a local engine's process can then be measured by PID, an embedded store runs in this process.
     */
    public Store open(StoreTarget target, int poolSize) {
        if (target.placement() == Placement.EMBEDDED) {
            try {
                PrivateFiles.directory(dataDir());
                PrivateFiles.directory(target.embeddedDir().getParent());
                PrivateFiles.directory(target.embeddedDir());
            } catch (java.io.IOException e) {
                throw new DbxException(
                        "cannot create " + target.embeddedDir() + " for the " + target.storeId() + " database",
                        "choose a writable data directory with --data-dir");
            }
        }
        StoreConfig storeConfig = new StoreConfig(
                target.storeId(), target.uri(), config.timeout(), poolSize, target.placement(), probe(target));
        return Stores.open(storeConfig);
    }

    /** The process serving the store: the engine's current PID (it may be restarted), dbx itself, or none. */
    private ResourceProbe probe(StoreTarget target) {
        return switch (target.placement()) {
            case LOCAL_ENGINE ->
                () -> {
                    Long pid = supervisor.status(target.engine(), false).pid();
                    return pid == null ? OptionalLong.empty() : OptionalLong.of(pid);
                };
            case EMBEDDED -> ResourceProbe.thisProcess();
            case EXTERNAL -> ResourceProbe.NONE;
        };
    }
}
