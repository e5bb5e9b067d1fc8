package dev.dbx.engine.neo4j;

import dev.dbx.core.DbxException;
import dev.dbx.core.Uris;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.engine.EngineContext;
import dev.dbx.engine.Launch;
import dev.dbx.engine.LocalEngine;
import dev.dbx.engine.PrivateFiles;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Record;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.ResultCursor;

/**
 * Neo4j Community, embedded in a child JVM with its Bolt connector on loopback and authentication on: the only user is
 * {@code dbx}, with the lab's secret as its password ({@code bolt://dbx:<secret>@127.0.0.1:<port>}). The secret
 * reaches the server through an owner-only file in the engine's directory, which the server reads once and deletes.
 * Databases and transaction logs live under the data directory, which is the server's Neo4j home; a home made by an
 * older dbx (authentication off) is set up on its next start, before Bolt opens (see {@code LabUser} in the server).
 */
public final class Neo4jEngine extends LocalEngine {
    private static final String MAIN_CLASS = "dev.dbx.engine.neo4j.server.Neo4jMain";
    private static final String COMPONENTS = "CALL dbms.components() YIELD name, versions, edition";
    /** Where the server finds the secret (owner-only; the server deletes it once read). */
    static final String SECRET_FILE = "secret";

    /**
     * Heap capped (the page cache, 128 MB off-heap, is set by the server main); the module opens and native access
     * are those Neo4j's own launcher passes. On running out of memory, exit (shows as crashed) rather than limp on.
     * 1 GB: with 512 MB, garbage collection took most of the server's time while loading TPC-H SF 0.1.
     */
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms64m",
            "-Xmx1g",
            "-XX:MaxDirectMemorySize=256m",
            "-XX:+ExitOnOutOfMemoryError",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--enable-native-access=ALL-UNNAMED",
            "-Dio.netty.tryReflectionSetAccessible=true",
            "-Djdk.nio.maxCachedBufferSize=1024",
            "-Dlog4j2.disable.jmx=true");

    /** The child runs on dbx's own JDK; from 23 on, its bundled libraries' sun.misc.Unsafe use only adds warnings. */
    static List<String> jvmOptions(int javaFeatureVersion) {
        if (javaFeatureVersion < 23) {
            return JVM_OPTIONS;
        }
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        options.add("--sun-misc-unsafe-memory-access=allow");
        return List.copyOf(options);
    }

    @Override
    public String name() {
        return "neo4j";
    }

    @Override
    public String description() {
        return "Neo4j Community (embedded, Bolt)";
    }

    @Override
    public int defaultPort() {
        return 17687;
    }

    @Override
    public List<String> portNames() {
        return List.of("bolt");
    }

    @Override
    public Launch launch(EngineContext ctx) throws IOException {
        Path secretFile = ctx.home().resolve(SECRET_FILE);
        PrivateFiles.createFile(secretFile);
        Files.writeString(secretFile, ctx.secret() + "\n", StandardCharsets.UTF_8);
        return Launch.jvm(
                this,
                ctx,
                MAIN_CLASS,
                jvmOptions(Runtime.version().feature()),
                List.of(ctx.host(), Integer.toString(ctx.port()), ctx.dataDir().toString(), secretFile.toString()));
    }

    @Override
    public URI uri(EngineContext ctx) {
        return URI.create("bolt://" + ctx.credentials() + ctx.host() + ":" + ctx.port());
    }

    /** Neo4j takes several seconds alone, much longer when the whole lab starts at once on two cores. */
    @Override
    public Duration startTimeout() {
        return Duration.ofSeconds(120);
    }

    @Override
    public ServerIdentity probe(URI uri, Duration timeout) {
        long millis = Math.max(1, timeout.toMillis());
        Config config = Config.builder()
                .withoutEncryption()
                .withConnectionTimeout(millis, TimeUnit.MILLISECONDS)
                .withConnectionAcquisitionTimeout(millis, TimeUnit.MILLISECONDS)
                .withMaxConnectionPoolSize(1)
                .withTelemetryDisabled(true)
                .withLogging(Logging.none())
                .build();
        String where = Uris.redact(uri);
        try (Driver driver = GraphDatabase.driver(withoutUserInfo(uri), authToken(uri), config)) {
            // the async API bounds the whole request: the driver has no read timeout of its own
            AsyncSession session = driver.session(AsyncSession.class);
            try {
                List<Record> components = session.runAsync(COMPONENTS)
                        .thenCompose(ResultCursor::listAsync)
                        .toCompletableFuture()
                        .get(millis, TimeUnit.MILLISECONDS);
                return identity(components);
            } finally {
                session.closeAsync();
            }
        } catch (TimeoutException e) {
            throw new DbxException("no answer from " + where + " within " + millis + " ms", "is the server running?");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new DbxException("dbms.components() failed at " + where + ": "
                    + Uris.redactText(String.valueOf(cause.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbxException("interrupted while asking " + where);
        }
    }

    /** The user and password of the URI's user-info (basic authentication), or none when it names no user. */
    static AuthToken authToken(URI uri) {
        String user = Uris.user(uri, null);
        return user == null ? AuthTokens.none() : AuthTokens.basic(user, Uris.password(uri, ""));
    }

    /** The URI without its user-info: the driver is given the credentials as a token, never in the address. */
    static URI withoutUserInfo(URI uri) {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            throw new DbxException("malformed Neo4j URI " + Uris.redact(uri) + ": " + e.getReason());
        }
    }

    /** The kernel's version as the server reports it, with its edition: e.g. "2026.08.1 (community)". */
    static ServerIdentity identity(List<Record> components) {
        Record kernel = components.stream()
                .filter(r -> r.get("name").asString().equals("Neo4j Kernel"))
                .findFirst()
                .orElseThrow(() -> new DbxException("dbms.components() did not report the Neo4j Kernel"));
        List<String> versions = kernel.get("versions").asList(v -> v.asString());
        if (versions.isEmpty()) {
            throw new DbxException("dbms.components() reported no version");
        }
        return new ServerIdentity(
                "Neo4j", versions.get(0) + " (" + kernel.get("edition").asString() + ")");
    }
}
