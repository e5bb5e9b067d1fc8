package dev.dbx.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * Where and how one local engine runs.
 *
 * @param name the engine's name, e.g. "postgres"
 * @param home the engine's own directory under the data directory: state, log and data live here
 * @param cacheDir a directory shared by all engines for things unpacked once (server binaries)
 * @param host the loopback address the server binds to
 * @param ports the engine's ports: the first is the one clients use, further ones (e.g. Kafka's controller) follow
 * @param secret the lab's secret (see {@link LabSecret}): the password the engine asks of clients, where it can
 */
public record EngineContext(String name, Path home, Path cacheDir, String host, List<Integer> ports, String secret) {
    public static final String LOOPBACK = "127.0.0.1";

    public EngineContext {
        ports = List.copyOf(ports);
    }

    /** The user dbx is known by, where the engine has users. */
    public String user() {
        return LabSecret.USER;
    }

    /** {@code user:secret@}, for a URI's authority (the secret is base64url: no character needs encoding). */
    public String credentials() {
        return user() + ":" + secret + "@";
    }

    /** The server's data directory. */
    public Path dataDir() {
        return home.resolve("data");
    }

    /** Where the server's stdout and stderr go. */
    public Path logFile() {
        return home.resolve("server.log");
    }

    /** The port clients connect to. */
    public int port() {
        return ports.get(0);
    }

    public int port(int index) {
        return ports.get(index);
    }
}
