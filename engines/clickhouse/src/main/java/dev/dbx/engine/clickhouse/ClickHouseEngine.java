package dev.dbx.engine.clickhouse;

import dev.dbx.core.DbxException;
import dev.dbx.core.Uris;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.engine.EngineContext;
import dev.dbx.engine.Launch;
import dev.dbx.engine.LocalEngine;
import dev.dbx.engine.PrivateFiles;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ClickHouse: the {@code clickhouse-server} installed on the machine (Debian's package, 18.16 from 2018, is the only
 * one available here), run in the foreground with a standalone configuration written into the engine's home. Clients
 * use the HTTP interface (first port); the native TCP port follows it.
 *
 * <p>Run as root, this server neither refuses to start nor switches user (the systemd unit does that, and it is not
 * used): its files are owned by whoever runs dbx. Clients log in as dbx with the lab's secret; there is no
 * {@code default} user.
 */
public final class ClickHouseEngine extends LocalEngine {
    static final String BINARY = "clickhouse-server";
    static final String INSTALL_HINT = "sudo apt-get install -y clickhouse-server clickhouse-client";

    private final List<Path> searchPath;

    public ClickHouseEngine() {
        this(defaultSearchPath());
    }

    /** Looks for {@value #BINARY} in {@code searchPath} only (tests). */
    ClickHouseEngine(List<Path> searchPath) {
        this.searchPath = List.copyOf(searchPath);
    }

    /** The PATH, then /usr/sbin and /usr/bin: the package puts the server in /usr/sbin, often missing for non-root. */
    static List<Path> defaultSearchPath() {
        List<Path> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    dirs.add(Path.of(dir));
                }
            }
        }
        for (String dir : List.of("/usr/sbin", "/usr/bin")) {
            if (!dirs.contains(Path.of(dir))) {
                dirs.add(Path.of(dir));
            }
        }
        return dirs;
    }

    /** The server binary, if installed. */
    Optional<Path> serverBinary() {
        return searchPath.stream()
                .map(dir -> dir.resolve(BINARY))
                .filter(Files::isExecutable)
                .findFirst();
    }

    @Override
    public String name() {
        return "clickhouse";
    }

    @Override
    public String description() {
        return serverBinary().map(binary -> "ClickHouse (" + binary + ")").orElse("ClickHouse (not installed)");
    }

    @Override
    public Optional<String> storeId() {
        return Optional.of("clickhouse");
    }

    @Override
    public int defaultPort() {
        return 18123;
    }

    @Override
    public List<String> portNames() {
        return List.of("http", "tcp");
    }

    @Override
    public Optional<String> unavailableReason() {
        if (serverBinary().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(BINARY + " is not installed (not on the PATH, in /usr/sbin or /usr/bin); install it with: "
                + INSTALL_HINT);
    }

    /**
     * The configuration is written anew on every start (see {@link ClickHouseConfig}), so a data directory of an older
     * dbx (a {@code default} user without password then) asks for the lab's secret from its next start on; its files,
     * made with the server's own umask 027, are made owner-only here.
     */
    @Override
    public Launch launch(EngineContext ctx) throws IOException {
        Path binary = serverBinary()
                .orElseThrow(() -> new DbxException(BINARY + " is not installed", "install it: " + INSTALL_HINT));
        PrivateFiles.tree(ctx.dataDir());
        Path config = ClickHouseConfig.write(ctx);
        return Launch.of(ctx.home(), List.of(binary.toString(), "--config-file=" + config));
    }

    /** As dbx, with the lab's secret (sent as HTTP basic authentication, never in the URL). */
    @Override
    public URI uri(EngineContext ctx) {
        return URI.create("clickhouse://" + ctx.credentials() + ctx.host() + ":" + ctx.port() + "/default");
    }

    @Override
    public ServerIdentity probe(URI uri, Duration timeout) {
        String version =
                ClickHouseHttp.execute(uri, "SELECT version()", timeout).strip();
        if (version.isEmpty()) {
            throw new DbxException(
                    "ClickHouse at " + Uris.redact(uri) + " answered SELECT version() with an empty body");
        }
        return new ServerIdentity("ClickHouse", version);
    }
}
