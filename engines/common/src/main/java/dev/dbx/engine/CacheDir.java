package dev.dbx.engine;

import java.nio.file.Path;

/**
 * Where unpacked server binaries are kept, shared by every data directory and surviving {@code dbx down --wipe}:
 * {@code $DBX_CACHE_DIR}, else {@code $XDG_CACHE_HOME/dbx}, else {@code ~/.cache/dbx}.
 */
public final class CacheDir {
    private CacheDir() {}

    public static Path resolve() {
        String explicit = System.getenv("DBX_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "dbx");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "dbx");
    }
}
