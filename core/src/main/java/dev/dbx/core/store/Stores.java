package dev.dbx.core.store;

import dev.dbx.core.DbxException;
import dev.dbx.core.Uris;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The store providers on the classpath, found through {@link ServiceLoader}. */
public final class Stores {
    private static volatile List<StoreProvider> providers;

    private Stores() {}

    public static List<StoreProvider> providers() {
        List<StoreProvider> found = providers;
        if (found == null) {
            found = ServiceLoader.load(StoreProvider.class).stream()
                    .map(ServiceLoader.Provider::get)
                    .sorted(Comparator.comparing(StoreProvider::id))
                    .toList();
            providers = found;
        }
        return found;
    }

    public static List<String> ids() {
        return providers().stream().map(StoreProvider::id).toList();
    }

    public static Optional<StoreProvider> find(String idOrAlias) {
        String key = idOrAlias.toLowerCase(Locale.ROOT).strip();
        return providers().stream()
                .filter(p -> p.id().equals(key) || p.aliases().contains(key))
                .findFirst();
    }

    /** The provider for {@code idOrAlias}; an unknown name gets an error listing the known ones. */
    public static StoreProvider provider(String idOrAlias) {
        return find(idOrAlias)
                .orElseThrow(() -> new DbxException(
                        "unknown store '" + idOrAlias + "'", "known stores: " + String.join(", ", ids())));
    }

    /** Opens store {@code id} at {@code uri} (an external server, or an embedded file) with its default pool. */
    public static Store open(String id, URI uri, Duration timeout) {
        return open(new StoreConfig(id, uri, timeout));
    }

    /**
     * Opens a store, checking first that the URI's scheme is one the store speaks. An embedded store is always placed
     * in dbx's own process, whatever {@code config} says.
     */
    public static Store open(StoreConfig config) {
        StoreProvider provider = provider(config.storeId());
        URI uri = config.uri();
        if (!provider.accepts(uri)) {
            throw new DbxException(
                    "store " + provider.id() + " cannot open '" + Uris.redact(uri) + "'",
                    "expected a URI like " + provider.uriExample() + " (schemes: "
                            + provider.schemes().stream().collect(Collectors.joining(", ")) + ")");
        }
        StoreConfig resolved = new StoreConfig(
                provider.id(), uri, config.timeout(), config.poolSize(), config.placement(), config.resources());
        if (provider.embedded()) {
            resolved = resolved.withPlacement(Placement.EMBEDDED, ResourceProbe.thisProcess());
        }
        return provider.open(resolved);
    }
}
