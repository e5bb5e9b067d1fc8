package dev.dbx.app;

import dev.dbx.engine.LocalEngine;
import java.net.URI;
import java.nio.file.Path;

/**
 * Where one store is reached this run.
 *
 * @param storeId the store
 * @param uri its URI (may hold a password: print with Uris.redact)
 * @param origin a local engine, an embedded file, or an external server
 * @param engine the local engine serving it, when origin is LOCAL
 * @param embeddedDir the directory of its files, when origin is EMBEDDED
 */
public record StoreTarget(String storeId, URI uri, Origin origin, LocalEngine engine, Path embeddedDir) {
    public enum Origin {
        LOCAL,
        EMBEDDED,
        EXTERNAL
    }

    public String originLabel() {
        return switch (origin) {
            case LOCAL -> "local engine " + engine.name();
            case EMBEDDED -> "embedded";
            case EXTERNAL -> "external";
        };
    }
}
