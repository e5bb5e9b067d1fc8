package dev.dbx.lab;

import dev.dbx.core.store.Placement;
import dev.dbx.engine.LocalEngine;
import java.net.URI;
import java.nio.file.Path;

/**
 * Where one store is reached this run.
 *
 * @param storeId the store
 * @param uri its URI (may hold a password: print with Uris.redact)
 * @param placement a local engine, an embedded file, or an external server
 * @param engine the local engine serving it, when placed on one
 * @param embeddedDir the directory of its files, when embedded
 */
public record StoreTarget(String storeId, URI uri, Placement placement, LocalEngine engine, Path embeddedDir) {
    public String placementLabel() {
        return switch (placement) {
            case LOCAL_ENGINE -> "local engine " + engine.name();
            case EMBEDDED -> "embedded";
            case EXTERNAL -> "external";
        };
    }
}
