package dev.dbx.engine;

import dev.dbx.core.DbxException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;

/** The local engines on the classpath, found through {@link ServiceLoader}. */
public final class Engines {
    private static final List<String> ORDER =
            List.of("postgres", "redis", "mongo", "opensearch", "neo4j", "kafka", "clickhouse");

    private Engines() {}

    /** All engines, in a stable order (the usual one first, then any others by name). */
    public static List<LocalEngine> all() {
        return ServiceLoader.load(LocalEngine.class).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparingInt((LocalEngine e) -> rank(e.name()))
                        .thenComparing(LocalEngine::name))
                .toList();
    }

    public static Optional<LocalEngine> find(String name) {
        String key = name.toLowerCase(Locale.ROOT).strip();
        return all().stream().filter(e -> e.name().equals(key)).findFirst();
    }

    public static LocalEngine named(String name) {
        return find(name)
                .orElseThrow(() -> new DbxException(
                        "unknown engine '" + name + "'",
                        "known engines: "
                                + String.join(
                                        ", ",
                                        all().stream().map(LocalEngine::name).toList())));
    }

    /** The engine serving {@code storeId}, if one can run locally. */
    public static Optional<LocalEngine> forStore(String storeId) {
        return all().stream()
                .filter(e -> e.storeId().map(storeId::equals).orElse(false))
                .findFirst();
    }

    private static int rank(String name) {
        int i = ORDER.indexOf(name);
        return i < 0 ? ORDER.size() : i;
    }
}
